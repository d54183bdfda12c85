import type { Writable } from 'node:stream';
import type { Poster } from '../announce/announcement.js';
import { Announcer, type AnnouncerOptions } from '../announce/announcer.js';
import type { Platform } from '../announce/channels.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { fetchArxivFeed } from '../sources/arxiv-api.js';
import { PoliteHttp, sourcesUserAgent } from '../sources/polite-http.js';
import type { Store } from '../store/store.js';
import type { CoreRef } from './core-ref.js';

/**
 * Wires the announcement service from configuration: ANNOUNCE_CHANNELS into
 * the store, the feed, and a poster per configured platform (REST only, so it works with or
 * without the chat gateways running).
 */
export async function createAnnouncements(
  config: Config,
  coreRef: CoreRef,
  logger: Logger,
  {
    shellOutput,
    store,
    onDelivered,
    buildCore,
  }: Pick<AnnouncerOptions, 'onDelivered' | 'buildCore'> & { shellOutput: Writable; store: Store },
): Promise<Announcer> {
  store.replaceConfigSubscriptions(config.announce.channels, new Date().toISOString());
  const posters: Partial<Record<Platform, Poster>> = {};
  const { ShellPoster } = await import('../../adapters/shell/shell-poster.js');
  posters.shell = new ShellPoster(shellOutput);
  if (config.discord) {
    const { DiscordPoster } = await import('../../adapters/discord/post-announcement.js');
    posters.discord = new DiscordPoster(config.discord);
  }
  if (config.slack) {
    const { SlackPoster } = await import('../../adapters/slack/post-announcement.js');
    posters.slack = new SlackPoster(config.slack);
  }
  const arxiv = config.announce.arxiv;
  const http = new PoliteHttp({ userAgent: sourcesUserAgent(config.sources.contact) });
  const announcer = new Announcer({
    store,
    corpusDir: config.corpusDir,
    posters,
    coreRef,
    logger: logger.child({ component: 'announce' }),
    ...(onDelivered ? { onDelivered } : {}),
    ...(buildCore ? { buildCore } : {}),
    ...(arxiv
      ? {
          feed: () =>
            fetchArxivFeed({
              apiUrl: arxiv.apiUrl,
              query: arxiv.query,
              http,
            }),
        }
      : {}),
  });
  return announcer;
}
