import { REST, Routes } from 'discord.js';
import type { Announcement, Poster, PostReceipt } from '../../src/announce/announcement.js';
import { renderAnnouncement } from './render-message.js';

/**
 * Posts announcements over Discord's REST API (no gateway session needed,
 * so `npm run announce -- --once` can post too). Every message carries the
 * delivery's key as `nonce` with `enforce_nonce`, so a retry after a crash
 * within Discord's nonce window is not posted twice. discord.js's REST client
 * waits out rate limits and retries server errors.
 */
export class DiscordPoster implements Poster {
  readonly #rest: REST;

  constructor({ token, apiUrl }: { token: string; apiUrl: string }) {
    this.#rest = new REST({ api: apiUrl }).setToken(token);
  }

  async post(announcement: Announcement): Promise<PostReceipt> {
    const message = renderAnnouncement(announcement);
    const sent = (await this.#rest.post(Routes.channelMessages(announcement.channelId), {
      body: {
        embeds: message.embeds,
        allowed_mentions: message.allowedMentions,
        nonce: announcement.key,
        enforce_nonce: true,
      },
    })) as { id?: string };
    return sent.id ? { messageId: sent.id } : {};
  }
}
