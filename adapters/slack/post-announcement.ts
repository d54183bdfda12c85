import { webApi } from '@slack/bolt';
import type { Announcement, Poster, PostReceipt } from '../../src/announce/announcement.js';
import { renderAnnouncementBlocks } from './render-blocks.js';

/** Slack allows about one message per second per channel. */
const CHANNEL_INTERVAL_MS = 1100;

/**
 * Posts announcements with chat.postMessage, unfurling off, at most one
 * message per second per channel; the Web API client waits out 429s.
 */
export class SlackPoster implements Poster {
  readonly #client: webApi.WebClient;
  readonly #lastPost = new Map<string, number>();
  readonly #intervalMs: number;

  constructor({
    botToken,
    apiUrl,
    channelIntervalMs = CHANNEL_INTERVAL_MS,
  }: { botToken: string; apiUrl: string; channelIntervalMs?: number }) {
    this.#intervalMs = channelIntervalMs;
    this.#client = new webApi.WebClient(botToken, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
      timeout: 15_000,
    });
  }

  async post(announcement: Announcement): Promise<PostReceipt> {
    const wait = (this.#lastPost.get(announcement.channelId) ?? 0) + this.#intervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const message = renderAnnouncementBlocks(announcement);
    try {
      const result = await this.#client.chat.postMessage({
        channel: announcement.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return result.ts ? { messageId: result.ts } : {};
    } finally {
      this.#lastPost.set(announcement.channelId, Date.now());
    }
  }
}
