import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import type { Platform } from '../conversation/channel-id.js';
import type { ChatPlatform } from '../conversation/chat-platform.js';
import type { Conversation } from '../conversation/conversation.js';
import type { Core } from '../core.js';
import type { Logger } from '../logger.js';
import type { HttpRoute } from '../ops/http-server.js';
import type { Store } from '../store/store.js';

export interface PlatformWiring {
  conversation: Pick<Conversation, 'handle'>;
  core: () => Core;
  logger: Logger;
  /** The terminal: where the shell reads questions, and where it prints answers and `shell:` announcements. */
  shell: { input: Readable; output: Writable; interactive: boolean; onEnd?: () => void };
  /** A platform refused the bot for good. */
  onFatal?: (error: Error) => void;
  /** Where event ids already answered are kept, shared by replicas (Slack retries). */
  events: Pick<Store, 'firstSighting'>;
}

/** The platforms the configuration names: all of them post; `serving` take events. */
export interface Platforms {
  /** Every platform that can post: the shell always, Discord and Slack when configured. */
  byName: Partial<Record<Platform, ChatPlatform>>;
  /** The ones to start: the chat platforms with credentials, or the shell when there are none. */
  serving: ChatPlatform[];
  /** Where platforms take events over HTTP (Slack's events, Discord's interactions), for pubbot's server. */
  routes: HttpRoute[];
}

/**
 * The platform registry: the only place in `src/` that imports `adapters/`,
 * and only lazily, so the shell starts without loading discord.js or Bolt.
 */
export async function createPlatforms(config: Config, wiring: PlatformWiring): Promise<Platforms> {
  const { conversation, core, logger } = wiring;
  const byName: Partial<Record<Platform, ChatPlatform>> = {};
  const serving: ChatPlatform[] = [];
  const routes: HttpRoute[] = [];
  if (config.discord) {
    const { DiscordPlatform } = await import('../../adapters/discord/discord-platform.js');
    const { token, appId, guildId, apiUrl, publicKey, gateway } = config.discord;
    const discord = new DiscordPlatform({
      token,
      appId,
      ...(guildId ? { guildId } : {}),
      apiUrl,
      ...(publicKey ? { publicKey } : {}),
      gateway,
      conversation,
      core,
      logger: logger.child({ platform: 'discord' }),
      ...(wiring.onFatal ? { onFatal: wiring.onFatal } : {}),
    });
    byName.discord = discord;
    serving.push(discord);
    routes.push(...discord.routes());
  }
  if (config.slack) {
    const { SlackPlatform } = await import('../../adapters/slack/slack-platform.js');
    const slack = config.slack;
    const platform = new SlackPlatform({
      botToken: slack.botToken,
      apiUrl: slack.apiUrl,
      command: slack.command,
      transport:
        slack.mode === 'socket'
          ? { kind: 'socket', appToken: slack.appToken }
          : { kind: 'http', signingSecret: slack.signingSecret },
      conversation,
      logger: logger.child({ platform: 'slack' }),
      events: wiring.events,
    });
    byName.slack = platform;
    serving.push(platform);
    routes.push(...platform.routes());
  }
  const { ShellPlatform } = await import('../../adapters/shell/shell-platform.js');
  const shell = new ShellPlatform({
    conversation,
    ...wiring.shell,
    papers: () => core().library.papers.length,
  });
  byName.shell = shell;
  if (serving.length === 0) serving.push(shell);
  return { byName, serving, routes };
}
