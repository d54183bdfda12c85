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
  /** Failed cycles in a row; reset by a success. */
  failures: number;
  disabledAt?: string;
  lastError?: string;
}

/** A paper the ledger has seen, so it is never announced again. */
export interface KnownPaper {
  id: string;
  title: string;
  arxivId?: string;
}

/** One message to send: papers for a channel under a batch key (also the platform nonce). */
export interface Delivery {
  batch: string;
  channel: string;
  paperIds: string[];
  createdAt: string;
}

/** What one public source taught in a sync: a patch per paper (see `sources/sync.ts`). */
export interface SyncedFacts {
  /** The source's name, e.g. `arxiv` or `dblp`. */
  source: string;
  facts: FactsPatch[];
}

export interface CycleRecord {
  at: string;
  known: KnownPaper[];
  /** Sources whose first look is now done (their papers were recorded silently). */
  baselined: string[];
  deliveries: Delivery[];
}

/**
 * Durable state: subscriptions, the ledger of known papers and deliveries,
 * papers learned from feeds and facts learned by syncing with public
 * sources. SQLite is the embedded default; the interface is all callers see,
 * so a PostgreSQL store can follow.
 */
export interface Store {
  subscriptions(): Subscription[];
  /** Adds or replaces a channel's subscription, re-enabling it if it was disabled. */
  saveSubscription(
    subscription: Pick<
      Subscription,
      'channel' | 'query' | 'parsedQuery' | 'createdBy' | 'createdAt' | 'origin'
    >,
  ): void;
  /** Removes a subscription and cancels what it still had pending. */
  removeSubscription(channel: string): boolean;
  /** Makes the `config` subscriptions exactly these (ANNOUNCE_CHANNELS). */
  replaceConfigSubscriptions(list: Array<{ channel: string; query?: string }>, at: string): void;

  knownPapers(): { ids: Set<string>; arxivIds: Set<string> };
  isBaselined(source: string): boolean;
  /** Records known papers, baselines and new deliveries in one transaction, before anything is sent. */
  recordCycle(record: CycleRecord): void;
  /** Deliveries recorded but not yet confirmed, oldest first. */
  pendingDeliveries(): Delivery[];
  confirmDelivery(batch: string, messageId: string | undefined, at: string): void;
  /** Gives up a delivery that can no longer be made (its papers left the corpus). */
  cancelDelivery(batch: string): void;
  /** Counts a failed send; disables the channel after `disableAfter` in a row. */
  recordFailure(
    channel: string,
    error: string,
    disableAfter: number,
    at: string,
  ): { failures: number; disabled: boolean };
  recordSuccess(channel: string): void;

  /**
   * Everything learned from public sources, as `buildCorpus` merges it: papers
   * the arXiv feed brought (complete facts, oldest first), then the patches
   * syncs saved, ordered by source name and then normalised title, so the
   * merge comes out the same after every restart.
   */
  learnedFacts(): FactsPatch[];
  /** Adds or replaces feed papers, keyed by normalised title. */
  saveLearnedFacts(facts: PaperFacts[], at: string): void;
  /**
   * Makes what each given source taught exactly its `facts`, in one
   * transaction: a re-sync replaces rather than duplicates (one patch per
   * source and normalised title), a paper the source no longer mentions loses
   * what it said, and sources not given (because they failed) keep theirs.
   */
  replaceSyncedFacts(synced: readonly SyncedFacts[], at: string): void;

  /**
   * Keeps conversation state (a JSON value) under `key` until `expiresAt`,
   * replacing what was there: follow-ups read it back from any replica, and
   * after a restart. Asynchronous because a networked store will be.
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

  close(): void;
}
