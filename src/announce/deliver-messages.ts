import { type Platform, parseChannel } from '../conversation/channel-id.js';
import type { ChatPlatform, PostFailure } from '../conversation/chat-platform.js';
import { announcementReply, venueNewsReply } from '../conversation/layout-announcement.js';
import type { Reply } from '../conversation/reply.js';
import type { Paper } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { heartbeatEvery } from '../store/sql-driver.js';
import type { LedgerPaper, OpenMessage, Store, Subscription } from '../store/store.js';
import { batchKey } from './plan-cycle.js';

/** What the announcer needs of a platform: posting, and looking for an earlier post where it can. */
export type Poster = Pick<ChatPlatform, 'post' | 'findPosted'>;

/**
 * What became of a (channel, paper) delivery in one pass:
 * - `sent`: posted (or found already posted) and recorded;
 * - `failed`: not posted this time (the platform was unavailable, or the
 *   outcome is unknown); retried with backoff;
 * - `refused`: the channel refuses the bot for good; it is disabled and the
 *   delivery is kept for when it is subscribed again;
 * - `waiting`: another process is sending it, or its paper is missing from
 *   the corpus for now;
 * - `cancelled`: its paper left the corpus for longer than the grace period;
 * - `planned`: a dry run's.
 */
export type DeliveryStatus = 'sent' | 'failed' | 'refused' | 'waiting' | 'cancelled' | 'planned';

export interface DeliveryReport {
  channel: string;
  kind: OpenMessage['kind'];
  paperId: string;
  title: string;
  venue?: string;
  status: DeliveryStatus;
  /** Why it failed, was refused or waits. */
  reason?: string;
}

/** Told about deliveries and disabled channels, for metrics. */
export interface DeliveryEvents {
  delivered?: (platform: string, status: 'sent' | 'failed' | 'refused', papers: number) => void;
  disabled?: (channel: string, reason: string) => void;
}

export interface DeliveryOptions {
  store: Store;
  platformFor: (platform: Platform) => Poster | undefined;
  logger: Logger;
  clock: () => Date;
  /** Who claims: this process, distinct from every other (host, pid, a random part). */
  owner: string;
  /** How long a claim keeps others off a message if its owner stops renewing it (dies). */
  claimTtlMs: number;
  /** How long a paper may be missing from the corpus before what it was owed is cancelled. */
  missingGraceMs: number;
  events?: DeliveryEvents;
}

export interface DeliveryPass {
  reports: DeliveryReport[];
  /** Something failed and is worth trying again soon (with backoff). */
  failed: boolean;
  /** The earliest expiry of a claim another process holds on something owed. */
  waitingUntil?: string;
}

/** What the corpus and the ledger say about the papers messages name. */
export interface DeliveryContext {
  papers: ReadonlyMap<string, Paper>;
  ledger: ReadonlyMap<string, LedgerPaper>;
}

interface ChannelWork {
  subscription: Subscription;
  messages: OpenMessage[];
}

type Step = { reports: DeliveryReport[]; stop: boolean; failed?: boolean; waitingUntil?: string };

/**
 * Sends what the ledger owes, claim by claim, so overlapping cycles and
 * processes send each message once: a message is claimed atomically before
 * it is sent and confirmed after the platform accepted it; one whose earlier
 * attempt may have reached the platform is looked up there first (or sent
 * under the same idempotency key). Channels go in parallel, a channel's
 * messages in order; a failure stops only its channel until the next pass.
 * The platform's verdict decides what a failure means: a channel that
 * refuses the bot for good is disabled, anything else is retried as long as
 * it takes.
 *
 * @example
 * ```ts
 * const delivery = new MessageDelivery({ store, platformFor, logger, clock, owner, claimTtlMs, missingGraceMs });
 * const pass = await delivery.run({ papers: byId, ledger: byIdInLedger });
 * if (pass.failed) retryLater();
 * ```
 */
export class MessageDelivery {
  readonly #o: DeliveryOptions;
  /** Posted but not recorded (the database refused the write): confirmed later, never posted again. */
  readonly #unrecorded = new Map<string, { messageId?: string; at: string }>();

  constructor(options: DeliveryOptions) {
    this.#o = options;
  }

  async run(context: DeliveryContext): Promise<DeliveryPass> {
    const { store } = this.#o;
    const subscriptions = new Map((await store.subscriptions()).map((s) => [s.channel, s]));
    const byChannel = new Map<string, ChannelWork>();
    for (const message of await store.openMessages()) {
      const subscription = subscriptions.get(message.channel);
      if (!subscription || subscription.disabledAt) continue;
      const work = byChannel.get(message.channel) ?? { subscription, messages: [] };
      work.messages.push(message);
      byChannel.set(message.channel, work);
    }
    const steps = await Promise.all(
      [...byChannel.values()].map((work) => this.#channel(work, context)),
    );
    const waiting = steps.flatMap((step) => (step.waitingUntil ? [step.waitingUntil] : [])).sort();
    return {
      reports: steps.flatMap((step) => step.reports),
      failed: steps.some((step) => step.failed),
      ...(waiting[0] ? { waitingUntil: waiting[0] } : {}),
    };
  }

  /** Reports for messages a dry run would send. */
  static planned(
    message: Pick<OpenMessage, 'channel' | 'kind' | 'items'>,
    context: DeliveryContext,
  ): DeliveryReport[] {
    return reportsOf(message, 'planned', context);
  }

  async #channel(work: ChannelWork, context: DeliveryContext): Promise<Step> {
    const reports: DeliveryReport[] = [];
    for (const message of work.messages) {
      let step: Step;
      try {
        step = await this.#message(message, work.subscription, context);
      } catch (error) {
        // The ledger itself failed (a full disk, a lost connection): this channel waits for the next pass.
        this.#o.logger.error(
          { err: error, channel: message.channel, batch: message.batch },
          'announcement ledger unavailable; will retry',
        );
        step = {
          reports: reportsOf(message, 'failed', context, 'ledger unavailable'),
          stop: true,
          failed: true,
        };
      }
      reports.push(...step.reports);
      if (step.stop) return { ...step, reports };
    }
    return { reports, stop: false };
  }

  async #message(
    message: OpenMessage,
    subscription: Subscription,
    context: DeliveryContext,
  ): Promise<Step> {
    const { store, owner, logger } = this.#o;
    const log = logger.child({ channel: message.channel, batch: message.batch });
    const now = this.#now();
    const recorded = this.#unrecorded.get(message.batch);
    if (recorded) {
      await store.confirmMessage(message.batch, recorded);
      this.#unrecorded.delete(message.batch);
      log.info('announcement recorded after the ledger recovered');
      return { reports: reportsOf(message, 'sent', context), stop: false };
    }
    if (message.claimOwner && message.claimOwner !== owner && (message.claimUntil ?? '') > now)
      return {
        reports: reportsOf(message, 'waiting', context, `claimed by ${message.claimOwner}`),
        stop: true,
        ...(message.claimUntil ? { waitingUntil: message.claimUntil } : {}),
      };
    const presence = await this.#present(message, context, now);
    if ('reports' in presence) return presence;
    const step = await this.#send(presence.live, subscription, context, log);
    return { ...step, reports: [...presence.aside, ...step.reports] };
  }

  /** Claims, looks first where an earlier attempt may have landed, posts, and records what happened. */
  async #send(
    message: OpenMessage,
    subscription: Subscription,
    context: DeliveryContext,
    log: Logger,
  ): Promise<Step> {
    const { store, owner } = this.#o;
    const now = this.#now();
    const target = parseChannel(message.channel);
    const platform = target && this.#o.platformFor(target.platform);
    if (!target || !platform)
      return this.#failed(message, context, {
        kind: 'transient',
        reason: `no ${target?.platform ?? 'valid'} connection is configured for ${message.channel}`,
      });
    const papers = message.items.flatMap((item) => context.papers.get(item.paperId) ?? []);
    const rendered =
      papers.length > 0 ? JSON.stringify(replyFor(message, papers, subscription)) : '';
    const claimed = await store.claimMessage(message.batch, rendered, this.#claim(now));
    if (!claimed)
      return { reports: reportsOf(message, 'waiting', context, 'claimed elsewhere'), stop: true };
    if (claimed.unconfirmed && platform.findPosted) {
      const lookup = await platform.findPosted(
        target.id,
        message.batch,
        new Date(claimed.attemptedAt),
      );
      if (lookup.ok && lookup.found) {
        log.info('announcement found already posted; recorded without posting again');
        return this.#posted(message, lookup.found.messageId, context, log);
      }
      if (!lookup.ok && lookup.kind !== 'permanent') {
        await store.releaseMessage(message.batch, owner, {
          status: 'sending',
          error: lookup.reason,
        });
        return this.#failed(message, context, lookup);
      }
      if (!lookup.ok)
        log.warn(
          { reason: lookup.reason },
          'cannot look for an earlier post of this announcement; sending again may show it twice',
        );
    }
    if (!claimed.payload) {
      await store.releaseMessage(message.batch, owner, {
        status: 'pending',
        error: 'papers missing',
      });
      return { reports: reportsOf(message, 'waiting', context, 'papers missing'), stop: false };
    }
    const reply = JSON.parse(claimed.payload) as Reply;
    const outcome = await this.#whileClaimed(message.batch, () =>
      platform.post(target.id, reply, { idempotencyKey: message.batch }),
    );
    if (outcome.ok) {
      log.info({ papers: message.items.length, messageId: outcome.messageId }, 'announced');
      this.#o.events?.delivered?.(target.platform, 'sent', message.items.length);
      const step = await this.#posted(message, outcome.messageId, context, log);
      if (!step.failed) await store.recordChannelSuccess(message.channel);
      return step;
    }
    await store.releaseMessage(message.batch, owner, {
      // Only a message the platform may have taken needs a look before it is sent again.
      status: outcome.kind === 'unknown' ? 'sending' : 'pending',
      error: outcome.reason,
    });
    if (outcome.kind === 'permanent') return this.#refused(message, context, outcome);
    await store.recordChannelFailure(message.channel, outcome.reason);
    return this.#failed(message, context, outcome);
  }

  /**
   * The message as it can go out now. A pending message's papers that are
   * not in the corpus are cancelled once the ledger has missed them longer
   * than the grace period, and otherwise wait in a message of their own (a
   * file being rewritten, a sync in between) while the rest of the digest
   * goes, under its key. A message that may already be on the platform goes
   * as it was.
   */
  async #present(
    message: OpenMessage,
    context: DeliveryContext,
    now: string,
  ): Promise<{ live: OpenMessage; aside: DeliveryReport[] } | Step> {
    const present = message.items.filter((item) => context.papers.has(item.paperId));
    if (message.status === 'sending' || present.length === message.items.length)
      return { live: message, aside: [] };
    const { store, logger } = this.#o;
    const graceStart = new Date(Date.parse(now) - this.#o.missingGraceMs).toISOString();
    const absent = message.items.filter((item) => !context.papers.has(item.paperId));
    const goneForGood = absent.filter((item) => {
      const since = context.ledger.get(item.paperId)?.missingSince;
      return since !== undefined && since <= graceStart;
    });
    const missing = absent.filter((item) => !goneForGood.includes(item));
    const reports: DeliveryReport[] = [];
    if (goneForGood.length > 0) {
      const ids = goneForGood.map((item) => item.paperId);
      await store.cancelItems(message.batch, ids, now);
      logger.warn(
        { channel: message.channel, batch: message.batch, papers: ids },
        'papers gone from the corpus for longer than the grace period; their announcement is cancelled',
      );
      reports.push(...reportsOf({ ...message, items: goneForGood }, 'cancelled', context));
    }
    const waiting = reportsOf(
      { ...message, items: missing },
      'waiting',
      context,
      'paper missing from the corpus',
    );
    if (present.length === 0) return { reports: [...reports, ...waiting], stop: false };
    if (missing.length > 0) {
      const into = batchKey(message.channel, message.kind, missing);
      await store.deferItems(
        message.batch,
        missing.map((item) => item.paperId),
        into,
        now,
      );
    }
    return { live: { ...message, items: present }, aside: [...reports, ...waiting] };
  }

  /**
   * Records what the platform accepted. If the ledger cannot take the write
   * (a full disk), the receipt is kept here and recorded on a later pass:
   * the message is never posted again for it.
   */
  async #posted(
    message: OpenMessage,
    messageId: string | undefined,
    context: DeliveryContext,
    log: Logger,
  ): Promise<Step> {
    const receipt = { at: this.#now(), ...(messageId ? { messageId } : {}) };
    try {
      await this.#o.store.confirmMessage(message.batch, receipt);
      return { reports: reportsOf(message, 'sent', context), stop: false };
    } catch (error) {
      this.#unrecorded.set(message.batch, receipt);
      log.error(
        { err: error, messageId },
        'announcement posted but the ledger could not record it; it will be recorded, not posted again',
      );
      const unrecorded = 'posted; the ledger could not record it yet';
      return { reports: reportsOf(message, 'sent', context, unrecorded), stop: true, failed: true };
    }
  }

  async #refused(
    message: OpenMessage,
    context: DeliveryContext,
    failure: PostFailure,
  ): Promise<Step> {
    const newly = await this.#o.store.disableChannel(message.channel, failure.reason, this.#now());
    if (newly) {
      this.#o.logger.error(
        { channel: message.channel, reason: failure.reason },
        'announcement channel disabled: the platform refuses it; what it is owed is kept until it is subscribed or configured again',
      );
      this.#o.events?.disabled?.(message.channel, failure.reason);
    }
    this.#o.events?.delivered?.(platformOf(message), 'refused', message.items.length);
    return { reports: reportsOf(message, 'refused', context, failure.reason), stop: true };
  }

  #failed(message: OpenMessage, context: DeliveryContext, failure: PostFailure): Step {
    this.#o.logger.warn(
      {
        channel: message.channel,
        batch: message.batch,
        kind: failure.kind,
        reason: failure.reason,
      },
      'announcement not delivered; will retry',
    );
    this.#o.events?.delivered?.(platformOf(message), 'failed', message.items.length);
    return {
      reports: reportsOf(message, 'failed', context, failure.reason),
      stop: true,
      failed: true,
    };
  }

  /** Keeps the claim alive while the platform takes its time; a dead owner stops renewing and loses it. */
  async #whileClaimed<T>(batch: string, work: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => {
      this.#o.store
        .renewClaim(batch, this.#claim(this.#now()))
        .catch((error: unknown) =>
          this.#o.logger.warn({ err: error, batch }, 'announcement claim not renewed'),
        );
    }, heartbeatEvery(this.#o.claimTtlMs));
    try {
      return await work();
    } finally {
      clearInterval(renew);
    }
  }

  #claim(now: string) {
    const until = new Date(Date.parse(now) + this.#o.claimTtlMs).toISOString();
    return { owner: this.#o.owner, now, until };
  }

  #now(): string {
    return this.#o.clock().toISOString();
  }
}

function replyFor(
  message: OpenMessage,
  papers: readonly Paper[],
  subscription: Subscription,
): Reply {
  const [paper] = papers;
  const venue = message.items[0]?.venue;
  return message.kind === 'venue' && paper && venue
    ? venueNewsReply(paper, venue, subscription.query)
    : announcementReply(papers, subscription.query);
}

function platformOf(message: Pick<OpenMessage, 'channel'>): string {
  return parseChannel(message.channel)?.platform ?? 'unknown';
}

function reportsOf(
  message: Pick<OpenMessage, 'channel' | 'kind' | 'items'>,
  status: DeliveryStatus,
  context: DeliveryContext,
  reason?: string,
): DeliveryReport[] {
  return message.items.map((item) => ({
    channel: message.channel,
    kind: message.kind,
    paperId: item.paperId,
    title:
      context.papers.get(item.paperId)?.title ??
      context.ledger.get(item.paperId)?.title ??
      item.paperId,
    ...(item.venue ? { venue: item.venue } : {}),
    status,
    ...(reason ? { reason } : {}),
  }));
}
