import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filterPhrases } from '../answer/describe-query.js';
import { unknownAuthorNote } from '../answer/unknown-author-note.js';
import { type Platform, parseChannel } from '../conversation/channel-id.js';
import type { ChatPlatform } from '../conversation/chat-platform.js';
import { announcementReply } from '../conversation/layout-announcement.js';
import type {
  SubscribeResult,
  SubscriptionCommands,
  WantedPapers,
} from '../conversation/subscriptions.js';
import type { PaperFacts } from '../corpus/build-paper.js';
import type { Paper } from '../corpus/paper.js';
import { PubbotError } from '../errors.js';
import type { Logger } from '../logger.js';

import { isSearchQuery, type Query } from '../query/query.js';
import type { CorpusReloader } from '../reload/corpus-reloader.js';
import type { Delivery, Store, Subscription } from '../store/store.js';

/** Papers a corpus folder lists as announced before pubbot kept a ledger; one id per line. */
export const ANNOUNCED_SEED_FILE = '.announced';
/** Papers per announcement message: more become several digests, never a wall of messages. */
export const DIGEST_SIZE = 10;
/** Failed cycles in a row after which a channel is disabled until someone subscribes it again. */
export const MAX_FAILURES = 5;

export interface AnnouncerOptions {
  store: Store;
  corpusDir: string;
  /** Fetches papers from a feed (arXiv); throws when the feed is unusable. */
  feed?: () => Promise<PaperFacts[]>;
  /** Where announcements to a platform go; posting needs no started session. */
  platformFor: (platform: Platform) => Pick<ChatPlatform, 'post'> | undefined;
  /** Re-reads the corpus each cycle and swaps in a new core when it changed. */
  reloader: CorpusReloader;
  logger: Logger;
  clock?: () => Date;
  /** Told about each message's outcome, for metrics. */
  onDelivered?: (platform: string, status: 'sent' | 'failed', papers: number) => void;
}

export interface DeliveryReport {
  channel: string;
  paperId: string;
  title: string;
  status: 'sent' | 'failed' | 'planned';
}

export interface CycleReport {
  papers: number;
  newPapers: Paper[];
  /** Papers recorded without announcing: a source seen for the first time. */
  silent: number;
  deliveries: DeliveryReport[];
}

type Source = 'corpus' | 'arxiv';
const sourceOf = (paper: Paper): Source => (paper.source.startsWith('arxiv:') ? 'arxiv' : 'corpus');

/** Short and stable, so a retried message carries the same Discord nonce (max 25 characters). */
function batchKey(channel: string, paperIds: readonly string[]): string {
  return createHash('sha256')
    .update(`${channel}|${paperIds.join(',')}`)
    .digest('base64url')
    .slice(0, 20);
}

/**
 * Announces new papers, once per channel. A cycle re-reads the sources,
 * swaps in a fresh index, works out which papers are new, records the
 * deliveries it owes (before sending anything), then sends every pending
 * delivery — including ones a crashed run recorded but never confirmed.
 */
export class Announcer implements SubscriptionCommands {
  readonly #o: AnnouncerOptions;
  readonly #clock: () => Date;

  constructor(options: AnnouncerOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Validates what a channel wants once, here, and keeps both the words and the typed query. */
  subscribe(
    channel: string,
    wanted: WantedPapers | undefined,
    requestedBy: string,
  ): SubscribeResult {
    const query = wanted?.query;
    if (query?.intent === 'refuse') return { ok: false, message: query.reason };
    const search = query && isSearchQuery(query) ? query : undefined;
    const [unknown] = search?.filters.unknownAuthors ?? [];
    if (unknown) return { ok: false, message: unknownAuthorNote(unknown) };
    const phrases = search ? filterPhrases(search.filters) : [];
    const announced = phrases.length > 0 ? `new papers ${phrases.join(' ')}` : 'all new papers';
    this.#o.store.saveSubscription({
      channel,
      query: wanted?.text,
      parsedQuery: query,
      createdBy: requestedBy,
      createdAt: this.#clock().toISOString(),
      origin: 'command',
    });
    this.#o.logger.info({ channel, query: wanted?.text, requestedBy }, 'subscribed');
    return {
      ok: true,
      message: `Subscribed: ${announced} will be announced here. Papers already known are not re-posted.`,
    };
  }

  unsubscribe(channel: string): SubscribeResult {
    const removed = this.#o.store.removeSubscription(channel);
    this.#o.logger.info({ channel, removed }, 'unsubscribed');
    return removed
      ? { ok: true, message: 'This channel will no longer get announcements.' }
      : { ok: false, message: 'This channel had no subscription.' };
  }

  async runCycle({ dryRun = false }: { dryRun?: boolean } = {}): Promise<CycleReport> {
    const { store, logger } = this.#o;
    const at = this.#clock().toISOString();
    const papers = await this.#loadPapers(at, dryRun);

    const known = store.knownPapers();
    const unseen = papers.filter(
      (p) => !known.ids.has(p.id) && !(p.arxivId && known.arxivIds.has(p.arxivId)),
    );
    const firstLook = new Set<Source>(
      (['corpus', 'arxiv'] as const).filter((source) => !store.isBaselined(source)),
    );
    const seed = firstLook.has('corpus') ? await this.#readSeed() : undefined;
    // A source seen for the first time is recorded silently (no flood), unless the corpus names
    // what was already announced: then only the rest is new.
    const isFresh = (p: Paper) =>
      !firstLook.has(sourceOf(p)) ||
      (sourceOf(p) === 'corpus' && seed !== undefined && !seed.has(p.id));
    const fresh = unseen.filter(isFresh);
    const silent = unseen.length - fresh.length;

    const deliveries = this.#plan(fresh, at);
    if (!dryRun)
      store.recordCycle({
        at,
        known: unseen.map(({ id, title, arxivId }) => ({
          id,
          title,
          ...(arxivId ? { arxivId } : {}),
        })),
        baselined: [...firstLook],
        deliveries,
      });
    if (unseen.length > 0)
      logger.info(
        { new: fresh.length, silent, deliveries: deliveries.length, dryRun },
        'announcement cycle planned',
      );

    const byId = new Map(papers.map((p) => [p.id, p]));
    const reports = dryRun
      ? [...store.pendingDeliveries(), ...deliveries].flatMap((d) =>
          this.#report(d, 'planned', byId),
        )
      : await this.#sendPending(byId);
    return { papers: papers.length, newPapers: fresh, silent, deliveries: reports };
  }

  /** Reads the feed, then has the reloader read the corpus folder with what the feed taught. */
  async #loadPapers(at: string, dryRun: boolean): Promise<Paper[]> {
    const { store, logger, feed } = this.#o;
    let fetched: PaperFacts[] = [];
    if (feed) {
      try {
        fetched = await feed();
        if (!dryRun) store.saveLearnedFacts(fetched, at);
        logger.info({ entries: fetched.length }, 'feed read');
      } catch (error) {
        logger.warn({ err: error }, 'feed skipped; nothing from it was applied');
      }
    }
    const learned = dryRun ? [...store.learnedFacts(), ...fetched] : store.learnedFacts();
    return (await this.#o.reloader.reload(learned)).papers;
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

  /** Which subscribed channel gets which new papers, in digests of at most DIGEST_SIZE. */
  #plan(fresh: Paper[], at: string): Delivery[] {
    if (fresh.length === 0) return [];
    const core = this.#o.reloader.core;
    const ids = fresh.map((p) => p.id);
    return this.#o.store
      .subscriptions()
      .filter((s) => !s.disabledAt)
      .flatMap((subscription) => {
        const query = this.#queryOf(subscription);
        const matching = query ? core.select(query, ids) : ids;
        const digests: Delivery[] = [];
        for (let i = 0; i < matching.length; i += DIGEST_SIZE) {
          const paperIds = matching.slice(i, i + DIGEST_SIZE);
          digests.push({
            batch: batchKey(subscription.channel, paperIds),
            channel: subscription.channel,
            paperIds,
            createdAt: at,
          });
        }
        return digests;
      });
  }

  /** The typed query a subscription selects with; configured and older ones are read from their words. */
  #queryOf(subscription: Subscription): Query | undefined {
    if (subscription.parsedQuery) return subscription.parsedQuery;
    return subscription.query ? this.#o.reloader.core.parse(subscription.query) : undefined;
  }

  /** Sends what is pending: channels in parallel, a channel's messages in order; one failing channel never blocks another. */
  async #sendPending(byId: Map<string, Paper>): Promise<DeliveryReport[]> {
    const { store } = this.#o;
    const active = new Map(store.subscriptions().map((s) => [s.channel, s]));
    const byChannel = new Map<string, Delivery[]>();
    for (const delivery of store.pendingDeliveries()) {
      const subscription = active.get(delivery.channel);
      if (!subscription || subscription.disabledAt) continue;
      byChannel.set(delivery.channel, [...(byChannel.get(delivery.channel) ?? []), delivery]);
    }
    const results = await Promise.all(
      [...byChannel.values()].map((deliveries) => this.#sendChannel(deliveries, byId)),
    );
    return results.flat();
  }

  async #sendChannel(deliveries: Delivery[], byId: Map<string, Paper>): Promise<DeliveryReport[]> {
    const { store, logger } = this.#o;
    const reports: DeliveryReport[] = [];
    for (const delivery of deliveries) {
      const log = logger.child({ channel: delivery.channel, batch: delivery.batch });
      try {
        const target = parseChannel(delivery.channel);
        const platform = target && this.#o.platformFor(target.platform);
        if (!target || !platform)
          throw new PubbotError(
            'DELIVERY_FAILED',
            `no ${target?.platform ?? 'valid'} connection is configured for ${delivery.channel}`,
          );
        const papers = delivery.paperIds.flatMap((id) => byId.get(id) ?? []);
        if (papers.length === 0) {
          store.cancelDelivery(delivery.batch);
          log.warn('papers of this delivery are no longer in the corpus; cancelled');
          continue;
        }
        const subscription = store
          .subscriptions()
          .find((s) => s.channel === delivery.channel)?.query;
        const receipt = await platform.post(target.id, announcementReply(papers, subscription), {
          idempotencyKey: delivery.batch,
        });
        store.confirmDelivery(delivery.batch, receipt.messageId, this.#clock().toISOString());
        store.recordSuccess(delivery.channel);
        log.info({ papers: delivery.paperIds.length, messageId: receipt.messageId }, 'announced');
        this.#o.onDelivered?.(target.platform, 'sent', papers.length);
        reports.push(...this.#report(delivery, 'sent', byId));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.#o.onDelivered?.(
          parseChannel(delivery.channel)?.platform ?? 'unknown',
          'failed',
          delivery.paperIds.length,
        );
        const { failures, disabled } = store.recordFailure(
          delivery.channel,
          message,
          MAX_FAILURES,
          this.#clock().toISOString(),
        );
        log.error(
          { err: error, failures, disabled },
          disabled
            ? 'channel disabled after repeated failures'
            : 'announcement failed; will retry next cycle',
        );
        reports.push(...this.#report(delivery, 'failed', byId));
        // The rest of this channel's messages wait for the next cycle, in order.
        break;
      }
    }
    return reports;
  }

  #report(
    delivery: Delivery,
    status: DeliveryReport['status'],
    byId: Map<string, Paper>,
  ): DeliveryReport[] {
    return delivery.paperIds.map((paperId) => ({
      channel: delivery.channel,
      paperId,
      title: byId.get(paperId)?.title ?? paperId,
      status,
    }));
  }
}
