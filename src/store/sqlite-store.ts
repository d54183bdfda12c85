import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { withRowLease } from './row-lease.js';
import type { SqlDriver, SqlQuery, SqlValue } from './sql-driver.js';
import { SqlStore } from './sql-store.js';
import type { LeaseOutcome, LeaseRequest } from './store.js';

export interface SqliteOptions {
  /** SQLite's `max_page_count`: the file never grows past this many pages; a write that would fails with SQLITE_FULL. */
  maxPageCount?: number;
}

/** How long a statement keeps trying while another connection holds the write lock. */
const BUSY_PATIENCE_MS = 10_000;

/**
 * better-sqlite3 behind the driver interface. Statements run synchronously,
 * but a transaction's work is asynchronous, so everything on this one
 * connection takes turns: a statement never lands inside another caller's
 * open transaction. Waiting for another connection's write lock happens
 * between turns of the event loop (SQLITE_BUSY, then a short sleep), never
 * in SQLite's blocking busy handler: a connection that blocked the thread
 * could wait for ever on a transaction that same thread holds open, and the
 * bot would stop answering meanwhile.
 */
class SqliteDriver implements SqlDriver {
  readonly claimLock = '';
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  #turn: Promise<unknown> = Promise.resolve();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.#inTurn(() => whenNotBusy(() => this.#run<Row>(sql, params)));
  }

  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      // IMMEDIATE takes the write lock at once, so another process cannot slip in between a read and a write.
      await whenNotBusy(() => this.#db.exec('BEGIN IMMEDIATE'));
      try {
        const value = await work({ query: async (sql, params = []) => this.#run(sql, params) });
        this.#db.exec('COMMIT');
        return value;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  withLease<T>(lease: LeaseRequest, work: () => Promise<T>): Promise<LeaseOutcome<T>> {
    return withRowLease(this, lease, work);
  }

  async close(): Promise<void> {
    await this.#turn.catch(() => undefined);
    this.#db.close();
  }

  #inTurn<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#turn.then(run, run);
    this.#turn = result.catch(() => undefined);
    return result;
  }

  #run<Row>(sql: string, params: readonly SqlValue[]): Row[] {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    // `$1` is a named parameter to SQLite: bound by its name, "1".
    const named = Object.fromEntries(params.map((value, i) => [String(i + 1), value]));
    const args = params.length > 0 ? [named] : [];
    if (statement.reader) return statement.all(...args) as Row[];
    statement.run(...args);
    return [];
  }
}

/**
 * The embedded store: one SQLite file in WAL mode with full sync, so what a
 * cycle recorded survives a crash the moment `recordCycle` resolves. Several
 * processes on one machine may share the file (the bot and `announce --once`).
 */
export class SqliteStore extends SqlStore {
  readonly #db: Database.Database;

  constructor(path: string, options: SqliteOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.maxPageCount) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    migrate(db);
    // From here on a busy database is waited for without blocking the thread (see SqliteDriver).
    db.pragma('busy_timeout = 0');
    super(new SqliteDriver(db), `database ${path}`);
    this.#db = db;
  }

  /** The schema version, for tests and diagnostics. */
  get version(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }
}

/** Runs `run` until the database is not busy, sleeping a little longer each time, up to BUSY_PATIENCE_MS. */
async function whenNotBusy<T>(run: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_PATIENCE_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      return run();
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Each version in a write transaction that reads the version first, so two processes starting at once apply it once. */
function migrate(db: Database.Database): void {
  const next = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    const sql = MIGRATIONS[version];
    if (sql === undefined) return false;
    db.exec(sql);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (next.immediate()) {
    // One version per transaction, until none is left.
  }
}
