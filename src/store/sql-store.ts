import type { PaperFacts } from '../corpus/build-paper.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import { titleKey } from '../corpus/slug.js';
import { StoreUnavailableError } from '../errors.js';
import { QuerySchema } from '../query/query.js';
import type { SqlDriver, SqlQuery } from './sql-driver.js';
import type {
  Claim,
  ClaimedMessage,
  CycleRecord,
  DisabledChannel,
  LeaseOutcome,
  LeaseRequest,
  LedgerPaper,
  OpenMessage,
  Store,
  Subscription,
  SyncedFacts,
} from './store.js';

interface SubscriptionRow {
  channel: string;
  query: string | null;
  parsed_query: string | null;
  created_by: string;
  created_at: string;
  origin: 'command' | 'config';
  failures: number;
  disabled_at: string | null;
  last_error: string | null;
}

interface OpenMessageRow {
  batch: string;
  channel: string;
  kind: OpenMessage['kind'];
  status: OpenMessage['status'];
  created_at: string;
  attempts: number;
  attempted_at: string | null;
  claim_owner: string | null;
  claim_until: string | null;
  last_error: string | null;
  paper_id: string;
  venue: string;
}

/** Errors kept in the ledger are for people reading it; a stack trace is not. */
const MAX_ERROR_LENGTH = 500;
const OPEN = `status IN ('pending', 'sending')`;

/**
 * The Store over SQL, written once for SQLite and PostgreSQL: a driver runs
 * the statements and brings what differs (transactions, the claim's row
 * lock, the planning lease). Claims are a read and a write in one
 * transaction — SQLite's single writer makes that atomic, PostgreSQL's
 * `FOR UPDATE SKIP LOCKED` lets a second claimer pass over the row instead
 * of waiting for it.
 */
export class SqlStore implements Store {
  readonly #db: SqlDriver;
  /** What the database is called in messages: "database ./data/pubbot.db", "DATABASE_URL (PostgreSQL at db:5432/pubbot)". */
  readonly #name: string;

  constructor(driver: SqlDriver, name: string) {
    this.#db = driver;
    this.#name = name;
  }

  async subscriptions(): Promise<Subscription[]> {
    const rows = await this.#db.query<SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY created_at, channel',
    );
    return rows.map(subscriptionOf);
  }

  async saveSubscription(
    s: Pick<
      Subscription,
      'channel' | 'query' | 'parsedQuery' | 'createdBy' | 'createdAt' | 'origin'
    >,
  ): Promise<void> {
    await this.#db.query(
      `INSERT INTO subscriptions (channel, query, parsed_query, created_by, created_at, origin)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel) DO UPDATE SET
         query = excluded.query, parsed_query = excluded.parsed_query,
         created_by = excluded.created_by, created_at = excluded.created_at,
         origin = excluded.origin, failures = 0, disabled_at = NULL, last_error = NULL`,
      [
        s.channel,
        s.query ?? null,
        s.parsedQuery ? JSON.stringify(s.parsedQuery) : null,
        s.createdBy,
        s.createdAt,
        s.origin,
      ],
    );
  }

  removeSubscription(channel: string): Promise<boolean> {
    return this.#db.transaction((tx) => removeSubscription(tx, channel));
  }

  async replaceConfigSubscriptions(
    list: Array<{ channel: string; query?: string }>,
    at: string,
  ): Promise<void> {
    await this.#db.transaction(async (tx) => {
      const wanted = new Set(list.map((s) => s.channel));
      const configured = await tx.query<{ channel: string }>(
        `SELECT channel FROM subscriptions WHERE origin = 'config'`,
      );
      for (const { channel } of configured)
        if (!wanted.has(channel)) await removeSubscription(tx, channel);
      // Configuring a channel re-enables it; its start stays, so a restart is not a new subscription.
      for (const { channel, query } of list)
        await tx.query(
          `INSERT INTO subscriptions (channel, query, created_by, created_at, origin)
           VALUES ($1, $2, 'ANNOUNCE_CHANNELS', $3, 'config')
           ON CONFLICT (channel) DO UPDATE SET
             query = excluded.query, parsed_query = NULL, created_by = excluded.created_by,
             origin = 'config', failures = 0, disabled_at = NULL, last_error = NULL`,
          [channel, query ?? null, at],
        );
    });
  }

  async recordChannelFailure(channel: string, error: string): Promise<void> {
    await this.#db.query(
      'UPDATE subscriptions SET failures = failures + 1, last_error = $2 WHERE channel = $1',
      [channel, error.slice(0, MAX_ERROR_LENGTH)],
    );
  }

  async recordChannelSuccess(channel: string): Promise<void> {
    await this.#db.query(
      `UPDATE subscriptions SET failures = 0, last_error = NULL
       WHERE channel = $1 AND (failures > 0 OR last_error IS NOT NULL) AND disabled_at IS NULL`,
      [channel],
    );
  }

  async disableChannel(channel: string, reason: string, at: string): Promise<boolean> {
    const rows = await this.#db.query(
      `UPDATE subscriptions SET disabled_at = $3, last_error = $2
       WHERE channel = $1 AND disabled_at IS NULL RETURNING channel`,
      [channel, reason.slice(0, MAX_ERROR_LENGTH), at],
    );
    return rows.length > 0;
  }

  async disabledChannels(): Promise<DisabledChannel[]> {
    const rows = await this.#db.query<{
      channel: string;
      disabled_at: string;
      last_error: string | null;
      owed: number;
    }>(
      `SELECT s.channel, s.disabled_at, s.last_error, CAST(COUNT(d.paper_id) AS INTEGER) AS owed
       FROM subscriptions s
       LEFT JOIN messages m ON m.channel = s.channel AND m.${OPEN}
       LEFT JOIN deliveries d ON d.batch = m.batch AND d.cancelled_at IS NULL
       WHERE s.disabled_at IS NOT NULL
       GROUP BY s.channel, s.disabled_at, s.last_error
       ORDER BY s.disabled_at, s.channel`,
    );
    return rows.map((row) => ({
      channel: row.channel,
      since: row.disabled_at,
      reason: row.last_error ?? 'refused by the platform',
      owed: Number(row.owed),
    }));
  }

  async ledgerPapers(): Promise<LedgerPaper[]> {
    const rows = await this.#db.query<{
      paper_id: string;
      title: string;
      arxiv_id: string | null;
      venue: string | null;
      seen_in: string | null;
      missing_since: string | null;
    }>('SELECT paper_id, title, arxiv_id, venue, seen_in, missing_since FROM known_papers');
    return rows.map((row) => ({
      id: row.paper_id,
      title: row.title,
      ...(row.arxiv_id ? { arxivId: row.arxiv_id } : {}),
      ...(row.venue ? { venue: row.venue } : {}),
      ...(row.seen_in ? { seenIn: row.seen_in } : {}),
      ...(row.missing_since ? { missingSince: row.missing_since } : {}),
    }));
  }

  async isBaselined(source: string): Promise<boolean> {
    const rows = await this.#db.query('SELECT 1 AS yes FROM baselines WHERE source = $1', [source]);
    return rows.length > 0;
  }

  async recordCycle({ at, known, seen, missing, baselined, messages }: CycleRecord): Promise<void> {
    await this.#db.transaction(async (tx) => {
      for (const paper of known)
        await tx.query(
          `INSERT INTO known_papers (paper_id, title, arxiv_id, first_seen, venue, seen_in)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (paper_id) DO UPDATE SET arxiv_id = COALESCE(known_papers.arxiv_id, excluded.arxiv_id)`,
          [
            paper.id,
            paper.title,
            paper.arxivId ?? null,
            at,
            paper.venue ?? null,
            paper.seenIn ?? null,
          ],
        );
      for (const paper of seen)
        await tx.query(
          'UPDATE known_papers SET seen_in = $2, venue = $3, missing_since = NULL WHERE paper_id = $1',
          [paper.id, paper.seenIn ?? null, paper.venue ?? null],
        );
      for (const id of missing)
        await tx.query(
          'UPDATE known_papers SET missing_since = COALESCE(missing_since, $2) WHERE paper_id = $1',
          [id, at],
        );
      for (const source of baselined)
        await tx.query(
          'INSERT INTO baselines (source, at) VALUES ($1, $2) ON CONFLICT (source) DO NOTHING',
          [source, at],
        );
      for (const message of messages) {
        await tx.query(
          `INSERT INTO messages (batch, channel, kind, status, created_at)
           VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (batch) DO NOTHING`,
          [message.batch, message.channel, message.kind, message.createdAt],
        );
        let owed = 0;
        for (const [position, item] of message.items.entries()) {
          // A (channel, kind, paper, venue) already owed or made is never owed again.
          const added = await tx.query(
            `INSERT INTO deliveries (channel, kind, paper_id, venue, batch, position)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING paper_id`,
            [
              message.channel,
              message.kind,
              item.paperId,
              item.venue ?? '',
              message.batch,
              position,
            ],
          );
          owed += added.length;
        }
        if (owed === 0)
          await tx.query(
            `DELETE FROM messages WHERE batch = $1 AND status = 'pending' AND attempts = 0
             AND NOT EXISTS (SELECT 1 FROM deliveries WHERE deliveries.batch = messages.batch)`,
            [message.batch],
          );
      }
    });
  }

  withLease<T>(lease: LeaseRequest, work: () => Promise<T>): Promise<LeaseOutcome<T>> {
    return this.#db.withLease(lease, work);
  }

  async openMessages(): Promise<OpenMessage[]> {
    const rows = await this.#db.query<OpenMessageRow>(
      `SELECT m.batch, m.channel, m.kind, m.status, m.created_at, m.attempts, m.attempted_at,
              m.claim_owner, m.claim_until, m.last_error, d.paper_id, d.venue
       FROM messages m JOIN deliveries d ON d.batch = m.batch AND d.cancelled_at IS NULL
       WHERE m.${OPEN}
       ORDER BY m.created_at, m.batch, d.position`,
    );
    const messages = new Map<string, OpenMessage>();
    for (const row of rows) {
      const message = messages.get(row.batch) ?? openMessageOf(row);
      message.items.push({ paperId: row.paper_id, ...(row.venue ? { venue: row.venue } : {}) });
      messages.set(row.batch, message);
    }
    return [...messages.values()];
  }

  claimMessage(batch: string, payload: string, claim: Claim): Promise<ClaimedMessage | undefined> {
    return this.#db.transaction(async (tx) => {
      const [row] = await tx.query<{
        status: string;
        attempted_at: string | null;
        payload: string | null;
      }>(
        `SELECT status, attempted_at, payload FROM messages
         WHERE batch = $1 AND ${OPEN}
           AND (claim_until IS NULL OR claim_until <= $2 OR claim_owner = $3)${this.#db.claimLock}`,
        [batch, claim.now, claim.owner],
      );
      if (!row) return undefined;
      const unconfirmed = row.status === 'sending';
      // A message that may already be on the platform is sent again as it was first sent.
      const kept = unconfirmed && row.payload ? row.payload : payload;
      const attemptedAt = (unconfirmed && row.attempted_at) || claim.now;
      await tx.query(
        `UPDATE messages SET status = 'sending', claim_owner = $2, claim_until = $3,
           attempts = attempts + 1, attempted_at = $4, payload = $5
         WHERE batch = $1`,
        [batch, claim.owner, claim.until, attemptedAt, kept],
      );
      return { unconfirmed, attemptedAt, payload: kept };
    });
  }

  async renewClaim(batch: string, claim: Claim): Promise<boolean> {
    const rows = await this.#db.query(
      `UPDATE messages SET claim_until = $3
       WHERE batch = $1 AND claim_owner = $2 AND status = 'sending' RETURNING batch`,
      [batch, claim.owner, claim.until],
    );
    return rows.length > 0;
  }

  async confirmMessage(batch: string, receipt: { messageId?: string; at: string }): Promise<void> {
    await this.#db.query(
      `UPDATE messages SET status = 'sent', sent_at = $2, message_id = $3, claim_owner = NULL,
         claim_until = NULL, last_error = NULL
       WHERE batch = $1 AND ${OPEN}`,
      [batch, receipt.at, receipt.messageId ?? null],
    );
  }

  async releaseMessage(
    batch: string,
    owner: string,
    outcome: { status: 'pending' | 'sending'; error: string },
  ): Promise<void> {
    await this.#db.query(
      `UPDATE messages SET status = $3, last_error = $4, claim_owner = NULL, claim_until = NULL,
         attempted_at = CASE WHEN $3 = 'pending' THEN NULL ELSE attempted_at END
       WHERE batch = $1 AND claim_owner = $2 AND status = 'sending'`,
      [batch, owner, outcome.status, outcome.error.slice(0, MAX_ERROR_LENGTH)],
    );
  }

  async deferItems(
    batch: string,
    paperIds: readonly string[],
    into: string,
    at: string,
  ): Promise<void> {
    await this.#db.transaction(async (tx) => {
      const moved = await tx.query(
        `INSERT INTO messages (batch, channel, kind, status, created_at)
         SELECT $2, channel, kind, 'pending', $3 FROM messages WHERE batch = $1 AND status = 'pending'
         ON CONFLICT (batch) DO NOTHING RETURNING batch`,
        [batch, into, at],
      );
      if (moved.length === 0) return;
      for (const paperId of paperIds)
        await tx.query(
          'UPDATE deliveries SET batch = $3 WHERE batch = $1 AND paper_id = $2 AND cancelled_at IS NULL',
          [batch, paperId, into],
        );
    });
  }

  async cancelItems(batch: string, paperIds: readonly string[], at: string): Promise<void> {
    await this.#db.transaction(async (tx) => {
      for (const paperId of paperIds)
        await tx.query(
          `UPDATE deliveries SET cancelled_at = $3
           WHERE batch = $1 AND paper_id = $2 AND cancelled_at IS NULL`,
          [batch, paperId, at],
        );
      await tx.query(
        `UPDATE messages SET status = 'cancelled'
         WHERE batch = $1 AND status = 'pending' AND NOT EXISTS (
           SELECT 1 FROM deliveries d WHERE d.batch = messages.batch AND d.cancelled_at IS NULL)`,
        [batch],
      );
    });
  }

  async learnedFacts(): Promise<FactsPatch[]> {
    const feed = await this.#db.query<{ facts: string }>(
      'SELECT facts FROM learned_papers ORDER BY updated_at, title_key',
    );
    const synced = await this.#db.query<{ facts: string }>(
      'SELECT facts FROM synced_facts ORDER BY source, title_key',
    );
    return [...feed, ...synced].map((row) => JSON.parse(row.facts) as FactsPatch);
  }

  async saveLearnedFacts(facts: PaperFacts[], at: string): Promise<void> {
    await this.#db.transaction(async (tx) => {
      for (const paper of facts)
        await tx.query(
          `INSERT INTO learned_papers (title_key, facts, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (title_key) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
          [titleKey(paper.title), JSON.stringify(paper), at],
        );
    });
  }

  async replaceSyncedFacts(synced: readonly SyncedFacts[], at: string): Promise<void> {
    await this.#db.transaction(async (tx) => {
      for (const { source, facts } of synced) {
        await tx.query('DELETE FROM synced_facts WHERE source = $1', [source]);
        for (const patch of facts)
          await tx.query(
            `INSERT INTO synced_facts (source, title_key, facts, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (source, title_key) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
            [source, titleKey(patch.title), JSON.stringify(patch), at],
          );
      }
    });
  }

  async saveContext(key: string, context: unknown, expiresAt: string): Promise<void> {
    await this.#db.query(
      `INSERT INTO contexts (key, context, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at`,
      [key, JSON.stringify(context), expiresAt],
    );
  }

  async loadContext(key: string, now: string): Promise<unknown> {
    // Reading is when expired state is cleared, by the caller's clock, so the table never grows without bound.
    await this.#db.query('DELETE FROM contexts WHERE expires_at <= $1', [now]);
    const [row] = await this.#db.query<{ context: string }>(
      'SELECT context FROM contexts WHERE key = $1',
      [key],
    );
    return row ? JSON.parse(row.context) : undefined;
  }

  async firstSighting(eventId: string, at: string, forgetBefore: string): Promise<boolean> {
    await this.#db.query('DELETE FROM seen_events WHERE seen_at < $1', [forgetBefore]);
    const rows = await this.#db.query(
      `INSERT INTO seen_events (event_id, seen_at) VALUES ($1, $2)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, at],
    );
    return rows.length > 0;
  }

  async checkWritable(): Promise<void> {
    const now = new Date().toISOString();
    try {
      // Born expired: the next context read deletes it, so the probe leaves nothing behind.
      await this.saveContext(WRITE_CHECK_KEY, { at: now }, now);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`${this.#name} cannot be written: ${reason}`, error);
    }
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}

const WRITE_CHECK_KEY = 'pubbot:write-check';

/** Unsubscribing cancels what the channel was still owed, so a later subscription starts clean. */
async function removeSubscription(tx: SqlQuery, channel: string): Promise<boolean> {
  await tx.query(`UPDATE messages SET status = 'cancelled' WHERE channel = $1 AND ${OPEN}`, [
    channel,
  ]);
  const removed = await tx.query('DELETE FROM subscriptions WHERE channel = $1 RETURNING channel', [
    channel,
  ]);
  return removed.length > 0;
}

function subscriptionOf(row: SubscriptionRow): Subscription {
  return {
    channel: row.channel,
    ...(row.query ? { query: row.query } : {}),
    ...parsedQueryOf(row.parsed_query),
    createdBy: row.created_by,
    createdAt: row.created_at,
    origin: row.origin,
    failures: Number(row.failures),
    ...(row.disabled_at ? { disabledAt: row.disabled_at } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
  };
}

/** A stored typed query, if it still fits today's schema; otherwise the text is parsed again. */
function parsedQueryOf(json: string | null): { parsedQuery?: Subscription['parsedQuery'] } {
  if (!json) return {};
  const parsed = QuerySchema.safeParse(JSON.parse(json));
  return parsed.success ? { parsedQuery: parsed.data } : {};
}

function openMessageOf(row: OpenMessageRow): OpenMessage {
  return {
    batch: row.batch,
    channel: row.channel,
    kind: row.kind,
    status: row.status,
    createdAt: row.created_at,
    attempts: Number(row.attempts),
    items: [],
    ...(row.attempted_at ? { attemptedAt: row.attempted_at } : {}),
    ...(row.claim_owner ? { claimOwner: row.claim_owner } : {}),
    ...(row.claim_until ? { claimUntil: row.claim_until } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
  };
}
