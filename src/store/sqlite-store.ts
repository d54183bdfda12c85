import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PaperFacts } from '../corpus/build-paper.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import { titleKey } from '../corpus/slug.js';
import { StoreUnavailableError } from '../errors.js';
import { QuerySchema } from '../query/query.js';
import { MIGRATIONS } from './migrations.js';
import type { CycleRecord, Delivery, Store, Subscription, SyncedFacts } from './store.js';

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

/**
 * The embedded store: one SQLite file in WAL mode with full sync, so a
 * recorded delivery survives a crash the moment `recordCycle` returns.
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
  }

  /** The schema version, for tests and diagnostics. */
  get version(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  #migrate(): void {
    const current = this.version;
    MIGRATIONS.slice(current).forEach((sql, index) => {
      this.#db.transaction(() => {
        this.#db.exec(sql);
        this.#db.pragma(`user_version = ${current + index + 1}`);
      })();
    });
  }

  subscriptions(): Subscription[] {
    const rows = this.#db
      .prepare('SELECT * FROM subscriptions ORDER BY created_at, channel')
      .all() as SubscriptionRow[];
    return rows.map((row) => ({
      channel: row.channel,
      ...(row.query ? { query: row.query } : {}),
      ...parsedQueryOf(row.parsed_query),
      createdBy: row.created_by,
      createdAt: row.created_at,
      origin: row.origin,
      failures: row.failures,
      ...(row.disabled_at ? { disabledAt: row.disabled_at } : {}),
      ...(row.last_error ? { lastError: row.last_error } : {}),
    }));
  }

  saveSubscription(
    s: Pick<
      Subscription,
      'channel' | 'query' | 'parsedQuery' | 'createdBy' | 'createdAt' | 'origin'
    >,
  ): void {
    this.#db
      .prepare(
        `INSERT INTO subscriptions (channel, query, parsed_query, created_by, created_at, origin)
         VALUES (@channel, @query, @parsedQuery, @createdBy, @createdAt, @origin)
         ON CONFLICT (channel) DO UPDATE SET
           query = excluded.query, parsed_query = excluded.parsed_query,
           created_by = excluded.created_by, created_at = excluded.created_at,
           origin = excluded.origin, failures = 0, disabled_at = NULL, last_error = NULL`,
      )
      .run({
        channel: s.channel,
        query: s.query ?? null,
        parsedQuery: s.parsedQuery ? JSON.stringify(s.parsedQuery) : null,
        createdBy: s.createdBy,
        createdAt: s.createdAt,
        origin: s.origin,
      });
  }

  removeSubscription(channel: string): boolean {
    return this.#db.transaction(() => {
      this.#db
        .prepare(
          `UPDATE deliveries SET status = 'cancelled' WHERE channel = ? AND status = 'pending'`,
        )
        .run(channel);
      return (
        this.#db.prepare('DELETE FROM subscriptions WHERE channel = ?').run(channel).changes > 0
      );
    })();
  }

  replaceConfigSubscriptions(list: Array<{ channel: string; query?: string }>, at: string): void {
    this.#db.transaction(() => {
      const wanted = new Set(list.map((s) => s.channel));
      const stale = this.subscriptions().filter(
        (s) => s.origin === 'config' && !wanted.has(s.channel),
      );
      for (const s of stale) this.removeSubscription(s.channel);
      const existing = new Map(this.subscriptions().map((s) => [s.channel, s]));
      for (const { channel, query } of list) {
        const known = existing.get(channel);
        // Keep the original start time, so a restart does not count as a new subscription.
        if (known && known.origin === 'config' && known.query === query) continue;
        this.saveSubscription({
          channel,
          query,
          createdBy: 'ANNOUNCE_CHANNELS',
          createdAt: known?.createdAt ?? at,
          origin: 'config',
        });
      }
    })();
  }

  knownPapers(): { ids: Set<string>; arxivIds: Set<string> } {
    const rows = this.#db.prepare('SELECT paper_id, arxiv_id FROM known_papers').all() as Array<{
      paper_id: string;
      arxiv_id: string | null;
    }>;
    return {
      ids: new Set(rows.map((r) => r.paper_id)),
      arxivIds: new Set(rows.flatMap((r) => (r.arxiv_id ? [r.arxiv_id] : []))),
    };
  }

  isBaselined(source: string): boolean {
    return this.#db.prepare('SELECT 1 FROM baselines WHERE source = ?').get(source) !== undefined;
  }

  recordCycle({ at, known, baselined, deliveries }: CycleRecord): void {
    const addKnown = this.#db.prepare(
      `INSERT INTO known_papers (paper_id, title, arxiv_id, first_seen) VALUES (?, ?, ?, ?)
       ON CONFLICT (paper_id) DO UPDATE SET arxiv_id = COALESCE(known_papers.arxiv_id, excluded.arxiv_id)`,
    );
    const addBaseline = this.#db.prepare(
      'INSERT OR IGNORE INTO baselines (source, at) VALUES (?, ?)',
    );
    // OR IGNORE: a (channel, paper) pair can only ever be delivered once.
    const addDelivery = this.#db.prepare(
      `INSERT OR IGNORE INTO deliveries (channel, paper_id, batch, status, created_at) VALUES (?, ?, ?, 'pending', ?)`,
    );
    this.#db.transaction(() => {
      for (const paper of known) addKnown.run(paper.id, paper.title, paper.arxivId ?? null, at);
      for (const source of baselined) addBaseline.run(source, at);
      for (const delivery of deliveries) {
        for (const paperId of delivery.paperIds)
          addDelivery.run(delivery.channel, paperId, delivery.batch, delivery.createdAt);
      }
    })();
  }

  pendingDeliveries(): Delivery[] {
    const rows = this.#db
      .prepare(
        `SELECT batch, channel, paper_id, created_at FROM deliveries WHERE status = 'pending'
         ORDER BY created_at, batch, rowid`,
      )
      .all() as Array<{ batch: string; channel: string; paper_id: string; created_at: string }>;
    const batches = new Map<string, Delivery>();
    for (const row of rows) {
      const batch = batches.get(row.batch) ?? {
        batch: row.batch,
        channel: row.channel,
        paperIds: [],
        createdAt: row.created_at,
      };
      batch.paperIds.push(row.paper_id);
      batches.set(row.batch, batch);
    }
    return [...batches.values()];
  }

  confirmDelivery(batch: string, messageId: string | undefined, at: string): void {
    this.#db
      .prepare(
        `UPDATE deliveries SET status = 'sent', sent_at = ?, message_id = ? WHERE batch = ? AND status = 'pending'`,
      )
      .run(at, messageId ?? null, batch);
  }

  cancelDelivery(batch: string): void {
    this.#db
      .prepare(`UPDATE deliveries SET status = 'cancelled' WHERE batch = ? AND status = 'pending'`)
      .run(batch);
  }

  recordFailure(
    channel: string,
    error: string,
    disableAfter: number,
    at: string,
  ): { failures: number; disabled: boolean } {
    const row = this.#db
      .prepare(
        `UPDATE subscriptions SET failures = failures + 1, last_error = ?,
           disabled_at = CASE WHEN failures + 1 >= ? THEN COALESCE(disabled_at, ?) ELSE disabled_at END
         WHERE channel = ? RETURNING failures, disabled_at`,
      )
      .get(error.slice(0, 500), disableAfter, at, channel) as
      | { failures: number; disabled_at: string | null }
      | undefined;
    return { failures: row?.failures ?? 0, disabled: Boolean(row?.disabled_at) };
  }

  recordSuccess(channel: string): void {
    this.#db
      .prepare('UPDATE subscriptions SET failures = 0, last_error = NULL WHERE channel = ?')
      .run(channel);
  }

  learnedFacts(): FactsPatch[] {
    const feed = this.#db
      .prepare('SELECT facts FROM learned_papers ORDER BY updated_at, title_key')
      .all() as Array<{ facts: string }>;
    const synced = this.#db
      .prepare('SELECT facts FROM synced_facts ORDER BY source, title_key')
      .all() as Array<{ facts: string }>;
    return [...feed, ...synced].map((row) => JSON.parse(row.facts) as FactsPatch);
  }

  saveLearnedFacts(facts: PaperFacts[], at: string): void {
    const save = this.#db.prepare(
      `INSERT INTO learned_papers (title_key, facts, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (title_key) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
    );
    this.#db.transaction(() => {
      for (const paper of facts) save.run(titleKey(paper.title), JSON.stringify(paper), at);
    })();
  }

  replaceSyncedFacts(synced: readonly SyncedFacts[], at: string): void {
    const clear = this.#db.prepare('DELETE FROM synced_facts WHERE source = ?');
    const save = this.#db.prepare(
      `INSERT INTO synced_facts (source, title_key, facts, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (source, title_key) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
    );
    this.#db.transaction(() => {
      for (const { source, facts } of synced) {
        clear.run(source);
        for (const patch of facts)
          save.run(source, titleKey(patch.title), JSON.stringify(patch), at);
      }
    })();
  }

  async saveContext(key: string, context: unknown, expiresAt: string): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO contexts (key, context, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at`,
      )
      .run(key, JSON.stringify(context), expiresAt);
  }

  async loadContext(key: string, now: string): Promise<unknown> {
    // Reading is when expired state is cleared, by the caller's clock, so the table never grows without bound.
    this.#db.prepare('DELETE FROM contexts WHERE expires_at <= ?').run(now);
    const row = this.#db.prepare('SELECT context FROM contexts WHERE key = ?').get(key) as
      | { context: string }
      | undefined;
    return row ? JSON.parse(row.context) : undefined;
  }

  async checkWritable(): Promise<void> {
    const now = new Date().toISOString();
    try {
      // Born expired: the next context read deletes it, so the probe leaves nothing behind.
      await this.saveContext(WRITE_CHECK_KEY, { at: now }, now);
    } catch (error) {
      throw new StoreUnavailableError(
        `database ${this.#path} cannot be written: ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  close(): void {
    this.#db.close();
  }
}

/** A stored typed query, if it still fits today's schema; otherwise the text is parsed again. */
function parsedQueryOf(json: string | null): { parsedQuery?: Subscription['parsedQuery'] } {
  if (!json) return {};
  const parsed = QuerySchema.safeParse(JSON.parse(json));
  return parsed.success ? { parsedQuery: parsed.data } : {};
}

const WRITE_CHECK_KEY = 'pubbot:write-check';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens the store a DATABASE_URL names; only `sqlite:` is built in so far. A
 * file that cannot be opened (damaged, not a database, unreadable) is a
 * StoreUnavailableError naming it.
 */
export function openStore(databaseUrl: string): Store {
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/u, '');
  try {
    return new SqliteStore(path);
  } catch (error) {
    throw new StoreUnavailableError(`database ${path} cannot be opened: ${messageOf(error)}`, {
      cause: error,
    });
  }
}
