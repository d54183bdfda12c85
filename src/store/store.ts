import type { PaperFacts } from '../corpus/build-paper.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import type { Query } from '../query/query.js';

/** A channel that receives announcements: `discord:<id>`, `slack:<id>` or `shell:<name>`. */
export interface Subscription {
  channel: string;
  /** The question as typed ("backdoors", "papers by Tianrui Qin"); all papers when absent. */
  query?: string;
  /** The typed query it was validated as when subscribed; absent for configured and older rows. */
  parsedQuery?: Query;
  createdBy: string;
  createdAt: string;
  /** `config` rows mirror ANNOUNCE_CHANNELS and are replaced on each start. */
  origin: 'command' | 'config';
  /** Transient send failures in a row (timeouts, 5xx, 429); reset by a success. They never disable a channel. */
  failures: number;
  /** Set when the platform refused the channel for good (gone, bot removed, no access); cleared by subscribing or configuring it again. */
  disabledAt?: string;
  lastError?: string;
}

/** A channel that is switched off until someone subscribes or configures it again, and what it is still owed. */
export interface DisabledChannel {
  channel: string;
  since: string;
  reason: string;
  /** Deliveries (channel, paper) recorded for it and not yet made. */
  owed: number;
}

/** A paper as the ledger knows it. */
export interface LedgerPaper {
  id: string;
  title: string;
  arxivId?: string;
  /** The venue the ledger last saw, so "now published at …" is told once. */
  venue?: string;
  /** The corpus file it was last read from (`corpus/extra.json`), or the feed (`arxiv:…`). */
  seenIn?: string;
  /** When it was first missing from the corpus; absent while it is there. */
  missingSince?: string;
}

/** What an announcement message is about: new papers, or a known preprint now published at a venue. */
export type DeliveryKind = 'paper' | 'venue';

/** One (channel, paper) pair a message carries; `venue` for venue news. */
export interface DeliveryItem {
  paperId: string;
  venue?: string;
}

/** A message to record: one post to one channel, under its key (also the platform's idempotency key). */
export interface PlannedMessage {
  batch: string;
  channel: string;
  kind: DeliveryKind;
  items: DeliveryItem[];
  createdAt: string;
}

/**
 * Where a message stands:
 * - `pending`: owed; no attempt whose outcome is unknown;
 * - `sending`: claimed, or attempted with an unknown outcome ("sent, unconfirmed") —
 *   whoever sends it next reconciles with the platform first;
 * - `sent`: the platform accepted it and the ledger recorded it;
 * - `cancelled`: no longer owed (unsubscribed, or its papers left the corpus for good).
 */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'cancelled';

/** A message not yet sent, as `openMessages` lists it. */
export interface OpenMessage extends PlannedMessage {
  status: 'pending' | 'sending';
  attempts: number;
  /** When the attempt of unknown outcome began (status `sending`). */
  attemptedAt?: string;
  claimOwner?: string;
  claimUntil?: string;
  lastError?: string;
}

/** What `claimMessage` hands the one owner that won it. */
export interface ClaimedMessage {
  /** True when an earlier attempt may have reached the platform: reconcile before sending again. */
  unconfirmed: boolean;
  /** When that earlier attempt began, for looking it up on the platform. */
  attemptedAt: string;
  /** The payload of the first attempt (or the one just given): a re-send says the same. */
  payload: string;
}

export interface Claim {
  owner: string;
  now: string;
  until: string;
}

/** A lease on one job (planning a cycle), so overlapping cycles plan once. */
export interface LeaseRequest {
  name: string;
  owner: string;
  now: string;
  /** How long a holder that stopped answering keeps others out. */
  ttlMs: number;
  /** The scheduled run this is ("2026-11-25T09:00"): a slot already planned by anyone is not planned again. */
  slot?: string;
}

export type LeaseOutcome<T> = { held: true; value: T } | { held: false; reason: 'busy' | 'done' };

/** What one planning pass records, in one transaction, before anything is sent. */
export interface CycleRecord {
  at: string;
  /** Papers seen for the first time. */
  known: LedgerPaper[];
  /** Known papers whose file, venue or presence changed: present again, read from another file, a venue learned. */
  seen: Array<Pick<LedgerPaper, 'id' | 'seenIn' | 'venue'>>;
  /** Known papers missing from the corpus this time (a file that failed to read does not count). */
  missing: string[];
  /** Sources whose first look is now done (their papers were recorded silently). */
  baselined: string[];
  messages: PlannedMessage[];
}

/** What one public source taught in a sync: a patch per paper (see `sources/sync.ts`). */
export interface SyncedFacts {
  /** The source's name, e.g. `arxiv` or `dblp`. */
  source: string;
  facts: FactsPatch[];
}

/**
 * Durable state: subscriptions, the announcement ledger, papers learned from
 * feeds and facts learned by syncing, follow-up contexts and the chat events
 * already taken. SQLite is the embedded default, PostgreSQL serves several
 * replicas; both pass one contract suite (`test/store/store-contract.ts`).
 * Every method is asynchronous because a networked store is.
 *
 * @example
 * ```ts
 * const store = await openStore('sqlite:./data/pubbot.db');
 * await store.saveSubscription({ channel: 'slack:C0123', createdBy: 'U1', createdAt, origin: 'command' });
 * const claimed = await store.claimMessage(batch, payload, { owner, now, until });
 * if (claimed) await store.confirmMessage(batch, { messageId: '1732.0001', at: now });
 * await store.close();
 * ```
 */
export interface Store {
  subscriptions(): Promise<Subscription[]>;
  /** Adds or replaces a channel's subscription, re-enabling it if it was disabled. */
  saveSubscription(
    subscription: Pick<
      Subscription,
      'channel' | 'query' | 'parsedQuery' | 'createdBy' | 'createdAt' | 'origin'
    >,
  ): Promise<void>;
  /** Removes a subscription and cancels what it still had owed. */
  removeSubscription(channel: string): Promise<boolean>;
  /** Makes the `config` subscriptions exactly these (ANNOUNCE_CHANNELS), re-enabling each one listed. */
  replaceConfigSubscriptions(
    list: Array<{ channel: string; query?: string }>,
    at: string,
  ): Promise<void>;
  /** Counts a transient failure; never disables. */
  recordChannelFailure(channel: string, error: string): Promise<void>;
  recordChannelSuccess(channel: string): Promise<void>;
  /** Switches a channel off after a permanent refusal; true when it was enabled until now. */
  disableChannel(channel: string, reason: string, at: string): Promise<boolean>;
  disabledChannels(): Promise<DisabledChannel[]>;

  ledgerPapers(): Promise<LedgerPaper[]>;
  isBaselined(source: string): Promise<boolean>;
  /** Records papers, presence, baselines and new messages in one transaction; a (channel, paper) pair is never owed twice. */
  recordCycle(record: CycleRecord): Promise<void>;
  /** Runs `work` while holding the named lease; another holder (or a slot already done) means it does not run. */
  withLease<T>(lease: LeaseRequest, work: () => Promise<T>): Promise<LeaseOutcome<T>>;

  /** Messages pending or sending, oldest first, with the items still owed. */
  openMessages(): Promise<OpenMessage[]>;
  /**
   * Claims a message for one owner, atomically: only when it is open and
   * unclaimed, its claim expired, or the owner already holds it. Records the
   * attempt and keeps `payload` if it is the first. Undefined when someone
   * else holds it or it is no longer open.
   */
  claimMessage(batch: string, payload: string, claim: Claim): Promise<ClaimedMessage | undefined>;
  /** Extends a claim still held; false when it was lost. */
  renewClaim(batch: string, claim: Claim): Promise<boolean>;
  /** The platform accepted it: sent, whoever claimed it. */
  confirmMessage(batch: string, receipt: { messageId?: string; at: string }): Promise<void>;
  /**
   * Gives a claim back: `pending` when the platform certainly did not post
   * it, `sending` when it might have (the next sender reconciles first).
   */
  releaseMessage(
    batch: string,
    owner: string,
    outcome: { status: 'pending' | 'sending'; error: string },
  ): Promise<void>;
  /**
   * Moves these papers of a pending message into a message of their own
   * (`into`, pending), so the rest of a digest can go while they are
   * missing from the corpus for a while.
   */
  deferItems(batch: string, paperIds: readonly string[], into: string, at: string): Promise<void>;
  /** Stops owing these papers in a message (they left the corpus for good); a message left with none is cancelled. */
  cancelItems(batch: string, paperIds: readonly string[], at: string): Promise<void>;

  /**
   * Everything learned from public sources, as `buildCorpus` merges it: papers
   * the arXiv feed brought (complete facts, oldest first), then the patches
   * syncs saved, ordered by source name and then normalised title, so the
   * merge comes out the same after every restart.
   */
  learnedFacts(): Promise<FactsPatch[]>;
  /** Adds or replaces feed papers, keyed by normalised title. */
  saveLearnedFacts(facts: PaperFacts[], at: string): Promise<void>;
  /**
   * Makes what each given source taught exactly its `facts`, in one
   * transaction: a re-sync replaces rather than duplicates (one patch per
   * source and normalised title), a paper the source no longer mentions loses
   * what it said, and sources not given (because they failed) keep theirs.
   */
  replaceSyncedFacts(synced: readonly SyncedFacts[], at: string): Promise<void>;

  /**
   * Keeps conversation state (a JSON value) under `key` until `expiresAt`,
   * replacing what was there: follow-ups read it back from any replica, and
   * after a restart.
   */
  saveContext(key: string, context: unknown, expiresAt: string): Promise<void>;
  /** The state saved under `key`, or undefined when there is none or it expired by `now`; the caller validates its shape. */
  loadContext(key: string, now: string): Promise<unknown>;

  /**
   * Commits one small write, so health checks learn whether the store can
   * still be written (a read-only volume, a full disk, a damaged file);
   * rejects with a StoreUnavailableError that names the database.
   */
  checkWritable(): Promise<void>;

  /**
   * True the first time an event id is offered, false for every repeat until
   * `forgetBefore` passes it: a platform's retry is answered once, whichever
   * replica it lands on, even while the first attempt is still running.
   */
  firstSighting(eventId: string, at: string, forgetBefore: string): Promise<boolean>;

  close(): Promise<void>;
}
