import { Announcer } from '../announce/announcer.js';
import { ChartRenderer } from '../chart/chart-renderer.js';
import type { Config } from '../config.js';
import { Conversation } from '../conversation/conversation.js';
import type { Corpus } from '../corpus/load-corpus.js';
import { StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { Metrics } from '../ops/metrics.js';
import { CorpusReloader } from '../reload/corpus-reloader.js';
import { fetchArxivFeed } from '../sources/arxiv-api.js';
import { PoliteHttp, sourcesUserAgent } from '../sources/polite-http.js';
import { syncSources } from '../sources/sync.js';
import { isPostgresUrl } from '../store/database-url.js';
import { openStore } from '../store/open-store.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createPlatforms, type Platforms, type PlatformWiring } from './platforms.js';

export interface BootstrapOptions {
  /** Wire the chat platforms (and the configured subscriptions); tools that only answer leave it out. */
  platforms?: Pick<PlatformWiring, 'shell' | 'onFatal'>;
  /** The clock the conversation and announcements read "today" from. */
  clock?: () => Date;
  /**
   * Keep answering when a SQLite file cannot be used: an in-memory store
   * stands in (no follow-ups across restarts, nothing learned by syncs) and
   * `storeProblem` says why. Commands that exist to write it leave this off,
   * and a PostgreSQL database is never stood in for: replicas must share it.
   */
  storeOptional?: boolean;
  /** Told when announcements became deliverable outside a cycle (a disabled channel subscribed again). */
  onOwed?: () => void;
}

/** Everything a running pubbot is made of, built in one order for the bot and every command. */
export interface Pubbot {
  store: Store;
  reloader: CorpusReloader;
  /** The corpus as first read, with its problems. */
  corpus: Corpus;
  conversation: Conversation;
  announcer: Announcer;
  metrics: Metrics;
  /** Set when the database could not be used and an in-memory store stands in for it. */
  storeUnavailable?: StoreUnavailableError;
  /** Why the store cannot be written right now (a write is tried), or undefined. */
  storeProblem(): Promise<string | undefined>;
  /** Present when `platforms` was asked for. */
  platforms?: Platforms;
  /** Closes the store; platforms are stopped by whoever started them. */
  close(): Promise<void>;
}

/**
 * The same configuration keeping nothing: an in-memory store and no index
 * snapshots, for commands that only read the corpus (eval, corpus listing),
 * so they give the same result on every machine.
 */
export function readOnly(config: Config): Config {
  const { stateDir: _snapshots, ...rest } = config;
  return { ...rest, announce: { ...config.announce, databaseUrl: 'sqlite::memory:' } };
}

/**
 * The one bootstrap: config → store → corpus → core (reloader) →
 * conversation → announcer → platforms. The bot (`main.ts`) and every
 * command (`ask`, `announce`, `eval`, `corpus`) start here, so they read the
 * same corpus the same way.
 *
 * @example
 * ```ts
 * const pubbot = await bootstrap(loadConfig(), logger);
 * const reply = await pubbot.conversation.handle({ kind: 'question', text: 'cite Flareon' }, origin);
 * await pubbot.close();
 * ```
 */
export async function bootstrap(
  config: Config,
  logger: Logger,
  options: BootstrapOptions = {},
): Promise<Pubbot> {
  const { store, learned, unavailable } = await openUsableStore(
    config,
    logger,
    options.storeOptional,
  );
  try {
    const { reloader, corpus } = await CorpusReloader.load(
      {
        corpusDir: config.corpusDir,
        logger,
        ...(config.stateDir ? { indexCacheDir: config.stateDir } : {}),
      },
      learned,
    );
    const core = () => reloader.core;
    let platforms: Platforms | undefined;
    const metrics = new Metrics({
      corpusSize: () => reloader.core.library.papers.length,
      platforms: () => platforms?.serving ?? [],
      disabledChannels: async () => (await store.disabledChannels()).length,
    });
    const { announce, sources } = config;
    const http = new PoliteHttp({ userAgent: sourcesUserAgent(sources.contact) });
    const arxiv = announce.arxiv;
    const announcer = new Announcer({
      store,
      corpusDir: config.corpusDir,
      reloader,
      platformFor: (name) => platforms?.byName[name],
      logger: logger.child({ component: 'announce' }),
      claimTtlMs: announce.claimTtlMs,
      missingGraceMs: announce.missingGraceMs,
      events: {
        delivered: (platform, status, papers) => metrics.announced(platform, status, papers),
        disabled: (channel) => metrics.channelDisabled(channel),
      },
      ...(options.onOwed ? { onOwed: options.onOwed } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(arxiv
        ? { feed: () => fetchArxivFeed({ apiUrl: arxiv.apiUrl, query: arxiv.query, http }) }
        : {}),
      ...(sources.syncOnCycle ? { sync: (input) => syncSources(input, { ...sources, http }) } : {}),
    });
    // Pictures only for chat platforms; the worker thread starts with the first chart.
    const charts = options.platforms ? new ChartRenderer() : undefined;
    const conversation = new Conversation({
      core,
      store,
      logger,
      ...(charts ? { charts } : {}),
      subscriptions: announcer,
      onAnswer: (platform, shape, seconds) => metrics.answered(platform, shape, seconds),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    if (options.platforms) {
      // Configuring a channel re-enables it, so a restart with the same ANNOUNCE_CHANNELS retries one a platform refused.
      await store.replaceConfigSubscriptions(announce.channels, new Date().toISOString());
      platforms = await createPlatforms(config, {
        ...options.platforms,
        conversation,
        core,
        logger,
        events: store,
      });
    }
    return {
      store,
      reloader,
      corpus,
      conversation,
      announcer,
      metrics,
      ...(unavailable ? { storeUnavailable: unavailable } : {}),
      storeProblem: async () => {
        if (unavailable) return unavailable.message;
        return store.checkWritable().then(
          () => undefined,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      },
      ...(platforms ? { platforms } : {}),
      close: async () => {
        await Promise.all([charts?.close(), store.close()]);
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The configured store and what it learned, or — when a SQLite file cannot
 * be opened or read and the caller can do without it — an in-memory one,
 * with the error (naming the file) logged once.
 */
async function openUsableStore(
  config: Config,
  logger: Logger,
  optional = false,
): Promise<{
  store: Store;
  learned: Awaited<ReturnType<Store['learnedFacts']>>;
  unavailable?: StoreUnavailableError;
}> {
  const url = config.announce.databaseUrl;
  let store: Store | undefined;
  try {
    store = await openStore(url, {
      onIdleError: (error) =>
        logger.warn({ err: error }, 'database connection dropped; reconnecting'),
    });
    return { store, learned: await store.learnedFacts() };
  } catch (error) {
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    const unavailable =
      error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError(`database ${url} cannot be read: ${reason}`, error);
    if (!optional || isPostgresUrl(url)) throw unavailable;
    logger.error(
      `${unavailable.message}; answering without it (no announcements, follow-ups kept in memory only)`,
    );
    return { store: new SqliteStore(':memory:'), learned: [], unavailable };
  }
}
