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
import { openStore, SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createPlatforms, type Platforms, type PlatformWiring } from './platforms.js';

export interface BootstrapOptions {
  /** Wire the chat platforms (and the configured subscriptions); tools that only answer leave it out. */
  platforms?: Pick<PlatformWiring, 'shell' | 'onFatal'>;
  /** The clock the conversation and announcements read "today" from. */
  clock?: () => Date;
  /**
   * Keep answering when the database cannot be used: an in-memory store
   * stands in (no follow-ups across restarts, nothing learned by syncs) and
   * `storeProblem` says why. Commands that exist to write it leave this off.
   */
  storeOptional?: boolean;
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
  close(): void;
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
 * pubbot.close();
 * ```
 */
export async function bootstrap(
  config: Config,
  logger: Logger,
  options: BootstrapOptions = {},
): Promise<Pubbot> {
  const { store, learned, unavailable } = openUsableStore(config, logger, options.storeOptional);
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
    });
    const arxiv = config.announce.arxiv;
    const http = new PoliteHttp({ userAgent: sourcesUserAgent(config.sources.contact) });
    const announcer = new Announcer({
      store,
      corpusDir: config.corpusDir,
      reloader,
      platformFor: (name) => platforms?.byName[name],
      logger: logger.child({ component: 'announce' }),
      onDelivered: (platform, status, papers) => metrics.announced(platform, status, papers),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(arxiv
        ? { feed: () => fetchArxivFeed({ apiUrl: arxiv.apiUrl, query: arxiv.query, http }) }
        : {}),
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
      store.replaceConfigSubscriptions(config.announce.channels, new Date().toISOString());
      platforms = await createPlatforms(config, {
        ...options.platforms,
        conversation,
        core,
        logger,
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
      close: () => {
        void charts?.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * The configured store and what it learned, or — when it cannot be opened or
 * read and the caller can do without it — an in-memory one, with the error
 * (naming the file) logged once.
 */
function openUsableStore(
  config: Config,
  logger: Logger,
  optional = false,
): {
  store: Store;
  learned: ReturnType<Store['learnedFacts']>;
  unavailable?: StoreUnavailableError;
} {
  let store: Store | undefined;
  try {
    store = openStore(config.announce.databaseUrl);
    return { store, learned: store.learnedFacts() };
  } catch (error) {
    store?.close();
    const unavailable =
      error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError(
            `database ${config.announce.databaseUrl} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
    if (!optional) throw unavailable;
    logger.error(
      `${unavailable.message}; answering without it (no announcements, follow-ups kept in memory only)`,
    );
    const stand = new SqliteStore(':memory:');
    return { store: stand, learned: [], unavailable };
  }
}
