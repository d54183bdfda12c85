import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { filterPhrases } from '../answer/describe-query.js';
import { unknownAuthorNote } from '../answer/unknown-author-note.js';
import type { Platform } from '../conversation/channel-id.js';
import type {
  SubscribeResult,
  SubscriptionCommands,
  WantedPapers,
} from '../conversation/subscriptions.js';
import type { PaperFacts } from '../corpus/build-paper.js';
import { type Corpus, readCorpusFiles } from '../corpus/load-corpus.js';
import type { Paper } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { isSearchQuery, type Query } from '../query/query.js';
import type { CorpusReloader } from '../reload/corpus-reloader.js';
import type { SyncInput, SyncResult } from '../sources/sync.js';
import type { DisabledChannel, Store, Subscription } from '../store/store.js';
import {
  type DeliveryContext,
  type DeliveryEvents,
  type DeliveryReport,
  MessageDelivery,
  type Poster,
} from './deliver-messages.js';
import { type Plan, planCycle, type Source, VENUES } from './plan-cycle.js';

/** Papers a corpus folder lists as announced before pubbot kept a ledger; one id per line. */
export const ANNOUNCED_SEED_FILE = '.announced';
/** How long a claim or the planning lease keeps others out after its owner stopped renewing it (died). */
export const DEFAULT_CLAIM_TTL_MS = 2 * 60 * 1000;
/** How long a paper may be missing from the corpus before what it was owed is cancelled. */
export const DEFAULT_MISSING_GRACE_MS = 24 * 60 * 60 * 1000;
/** The lease one cycle at a time plans under, across processes and replicas. */
const PLANNING_LEASE = 'announce';

export interface AnnouncerOptions {
  store: Store;
  corpusDir: string;
  /** Fetches papers from a feed (arXiv); throws when the feed is unusable. */
  feed?: () => Promise<PaperFacts[]>;
  /** SYNC_ON_CYCLE: reads the public sources at the start of each cycle (`syncSources` with the configured sources). */
  sync?: (input: SyncInput) => Promise<SyncResult>;
  /** Where announcements to a platform go; posting needs no started session. */
  platformFor: (platform: Platform) => Poster | undefined;
  /** Re-reads the corpus each cycle and swaps in a new core when it changed. */
  reloader: CorpusReloader;
  logger: Logger;
  clock?: () => Date;
  /** ANNOUNCE_CLAIM_TTL. */
  claimTtlMs?: number;
  /** ANNOUNCE_MISSING_GRACE. */
  missingGraceMs?: number;
  /** Told about each delivery's outcome and each channel disabled, for metrics. */
  events?: DeliveryEvents;
  /** Told when something became deliverable outside a cycle (a disabled channel subscribed again). */
  onOwed?: () => void;
}

export interface CycleReport {
  papers: number;
  newPapers: Paper[];
  /** Papers recorded without announcing: a source seen for the first time. */
  silent: number;
  /** "Now published at …" news found this cycle. */
  venueNews: number;
  /** False when another process was planning (or had planned this scheduled slot): this one only delivered. */
  planned: boolean;
  deliveries: DeliveryReport[];
  /** Channels switched off until someone subscribes or configures them again, with what they are owed. */
  disabled: DisabledChannel[];
  /** Something failed and is worth retrying soon. */
  failed: boolean;
  /** When a claim another process holds on something owed expires. */
  waitingUntil?: string;
}

/**
 * Announces new papers and venue news, once per channel, under every fault
 * the tests could think of. A cycle plans under a lease (one planner at a
 * time across processes): it reads the feed and, with SYNC_ON_CYCLE, the
 * public sources, reloads the corpus, and records in one transaction the
 * papers it now knows, which are missing, and every message it owes —
 * before anything is sent. Then every process delivers what is owed,
 * claiming each message before sending it (see `MessageDelivery`).
 *
 * @example
 * ```ts
 * const announcer = new Announcer({ store, corpusDir, reloader, platformFor, logger });
 * const report = await announcer.runCycle({ slot: '2026-11-25T09:00:00.000Z' });
 * report.deliveries; // [{ channel: 'slack:C0123', paperId, title, kind: 'paper', status: 'sent' }]
 * report.disabled; // channels the platforms refuse, with what they are owed
 * ```
 */
export class Announcer implements SubscriptionCommands {
  readonly #o: AnnouncerOptions;
  readonly #clock: () => Date;
  readonly #owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #delivery: MessageDelivery;

  constructor(options: AnnouncerOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
    this.#delivery = new MessageDelivery({
      store: options.store,
      platformFor: options.platformFor,
      logger: options.logger,
      clock: this.#clock,
      owner: this.#owner,
      claimTtlMs: this.#claimTtl,
      missingGraceMs: options.missingGraceMs ?? DEFAULT_MISSING_GRACE_MS,
      ...(options.events ? { events: options.events } : {}),
    });
  }

  get #claimTtl(): number {
    return this.#o.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS;
  }

  /** Validates what a channel wants once, here, and keeps both the words and the typed query. */
  async subscribe(
    channel: string,
    wanted: WantedPapers | undefined,
    requestedBy: string,
  ): Promise<SubscribeResult> {
    const query = wanted?.query;
    if (query?.intent === 'refuse') return { ok: false, message: query.reason };
    const search = query && isSearchQuery(query) ? query : undefined;
    const [unknown] = search?.filters.unknownAuthors ?? [];
    if (unknown) return { ok: false, message: unknownAuthorNote(unknown) };
    const phrases = search ? filterPhrases(search.filters) : [];
    const announced = phrases.length > 0 ? `new papers ${phrases.join(' ')}` : 'all new papers';
    const { store, logger } = this.#o;
    const disabled = (await store.disabledChannels()).find((d) => d.channel === channel);
    await store.saveSubscription({
      channel,
      query: wanted?.text,
      parsedQuery: query,
      createdBy: requestedBy,
      createdAt: this.#clock().toISOString(),
      origin: 'command',
    });
    logger.info(
      { channel, query: wanted?.text, requestedBy, reenabled: Boolean(disabled) },
      'subscribed',
    );
    if (disabled && disabled.owed > 0) this.#o.onOwed?.();
    const owed = disabled?.owed
      ? ` Announcements it missed while it could not be reached (${disabled.owed}) follow.`
      : ' Papers already known are not re-posted.';
    return { ok: true, message: `Subscribed: ${announced} will be announced here.${owed}` };
  }

  async unsubscribe(channel: string): Promise<SubscribeResult> {
    const removed = await this.#o.store.removeSubscription(channel);
    this.#o.logger.info({ channel, removed }, 'unsubscribed');
    return removed
      ? { ok: true, message: 'This channel will no longer get announcements.' }
      : { ok: false, message: 'This channel had no subscription.' };
  }

  /** Channels the platforms refuse, and what they are owed: for the CLI report and /healthz. */
  disabledChannels(): Promise<DisabledChannel[]> {
    return this.#o.store.disabledChannels();
  }

  /**
   * One cycle: plan (unless another process is planning, or already planned
   * this scheduled `slot`), then deliver everything owed. A dry run plans in
   * memory and records and sends nothing.
   */
  async runCycle({
    dryRun = false,
    slot,
  }: {
    dryRun?: boolean;
    slot?: string;
  } = {}): Promise<CycleReport> {
    const at = this.#clock().toISOString();
    if (dryRun) return this.#dryRun(at);
    const lease = await this.#o.store.withLease(
      {
        name: PLANNING_LEASE,
        owner: this.#owner,
        now: at,
        ttlMs: this.#claimTtl,
        ...(slot ? { slot } : {}),
      },
      () => this.#planAndRecord(at),
    );
    if (!lease.held) {
      this.#o.logger.debug(
        { reason: lease.reason },
        'another process plans this cycle; delivering only',
      );
      const corpus = await this.#reload();
      return this.#deliverWith(corpus.papers, undefined);
    }
    return this.#deliverWith(lease.value.papers, lease.value.plan);
  }

  /** Delivers what is owed without planning: retries between cycles, after a channel is subscribed again. */
  async deliver(): Promise<CycleReport> {
    const corpus = await this.#reload();
    return this.#deliverWith(corpus.papers, undefined);
  }

  async #planAndRecord(at: string): Promise<{ papers: Paper[]; plan: Plan }> {
    const { store, logger } = this.#o;
    await this.#readFeed(at, false);
    await this.#sync(at);
    const corpus = await this.#reload();
    const plan = await this.#plan(at, corpus);
    await store.recordCycle(plan.record);
    if (plan.record.known.length > 0 || plan.news.length > 0 || plan.record.missing.length > 0)
      logger.info(
        {
          new: plan.fresh.length,
          silent: plan.silent,
          venueNews: plan.news.length,
          missing: plan.record.missing.length,
          messages: plan.record.messages.length,
        },
        'announcement cycle planned',
      );
    return { papers: corpus.papers, plan };
  }

  async #plan(at: string, corpus: Corpus): Promise<Plan> {
    const { store } = this.#o;
    const firstLook = new Set<string>();
    for (const source of ['corpus', 'arxiv', VENUES] satisfies Array<Source | typeof VENUES>)
      if (!(await store.isBaselined(source))) firstLook.add(source);
    const seed = firstLook.has('corpus') ? await this.#readSeed() : undefined;
    return planCycle({
      at,
      papers: corpus.papers,
      unreadable: new Set(corpus.problems.map((problem) => problem.file)),
      ledger: await store.ledgerPapers(),
      subscriptions: await store.subscriptions(),
      firstLook,
      ...(seed ? { seed } : {}),
      select: (subscription, ids) => this.#select(subscription, ids),
    });
  }

  async #deliverWith(papers: readonly Paper[], plan: Plan | undefined): Promise<CycleReport> {
    const context = await this.#context(papers);
    const pass = await this.#delivery.run(context);
    return {
      ...this.#summary(papers, plan),
      deliveries: pass.reports,
      disabled: await this.#o.store.disabledChannels(),
      failed: pass.failed,
      ...(pass.waitingUntil ? { waitingUntil: pass.waitingUntil } : {}),
    };
  }

  async #dryRun(at: string): Promise<CycleReport> {
    const { store } = this.#o;
    const fetched = await this.#readFeed(at, true);
    const corpus = await this.#o.reloader.reload([...(await store.learnedFacts()), ...fetched]);
    const plan = await this.#plan(at, corpus);
    const context = await this.#context(corpus.papers);
    const owed = [...(await store.openMessages()), ...plan.record.messages];
    return {
      ...this.#summary(corpus.papers, plan),
      deliveries: owed.flatMap((message) => MessageDelivery.planned(message, context)),
      disabled: await store.disabledChannels(),
      failed: false,
    };
  }

  #summary(papers: readonly Paper[], plan: Plan | undefined) {
    return {
      papers: papers.length,
      newPapers: plan?.fresh ?? [],
      silent: plan?.silent ?? 0,
      venueNews: plan?.news.length ?? 0,
      planned: plan !== undefined,
    };
  }

  async #context(papers: readonly Paper[]): Promise<DeliveryContext> {
    return {
      papers: new Map(papers.map((paper) => [paper.id, paper])),
      ledger: new Map((await this.#o.store.ledgerPapers()).map((paper) => [paper.id, paper])),
    };
  }

  /** The feed's papers; saved unless this is a dry run. A feed that fails is skipped whole. */
  async #readFeed(at: string, dryRun: boolean): Promise<PaperFacts[]> {
    const { store, logger, feed } = this.#o;
    if (!feed) return [];
    try {
      const fetched = await feed();
      if (!dryRun) await store.saveLearnedFacts(fetched, at);
      logger.info({ entries: fetched.length }, 'feed read');
      return fetched;
    } catch (error) {
      logger.warn({ err: error }, 'feed skipped; nothing from it was applied');
      return [];
    }
  }

  /** SYNC_ON_CYCLE: what the public sources say now, saved before the corpus is reloaded; a failed source keeps what it taught before. */
  async #sync(at: string): Promise<void> {
    const { store, logger, sync, corpusDir } = this.#o;
    if (!sync) return;
    const learned = await store.learnedFacts();
    const result = await sync({ files: await readCorpusFiles(corpusDir), learned });
    await store.replaceSyncedFacts(result.synced, at);
    for (const failure of result.failures)
      logger.warn({ source: failure.source, code: failure.code }, `sync: ${failure.message}`);
    logger.info(
      { changes: result.changes.length, failed: result.failures.length },
      'sources synced',
    );
  }

  async #reload(): Promise<Corpus> {
    return this.#o.reloader.reload(await this.#o.store.learnedFacts());
  }

  async #readSeed(): Promise<Set<string> | undefined> {
    const text = await readFile(join(this.#o.corpusDir, ANNOUNCED_SEED_FILE), 'utf8').catch(
      () => undefined,
    );
    if (text === undefined) return undefined;
    return new Set(
      text
        .split('\n')
        .map((line) => line.replace(/#.*$/u, '').trim())
        .filter(Boolean),
    );
  }

  /** The ids a subscription wants, by the typed query it was validated as (configured ones are read from their words). */
  #select(subscription: Subscription, ids: string[]): string[] {
    const core = this.#o.reloader.core;
    const query: Query | undefined =
      subscription.parsedQuery ?? (subscription.query ? core.parse(subscription.query) : undefined);
    return query ? core.select(query, ids) : ids;
  }
}
