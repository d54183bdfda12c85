import { createHash } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from './migrations.js';
import { describeConnectionError, safeDatabaseUrl } from './postgres-errors.js';
import {
  heartbeatEvery,
  RECORD_SLOT,
  type SqlDriver,
  type SqlQuery,
  type SqlValue,
} from './sql-driver.js';
import { SqlStore } from './sql-store.js';
import type { LeaseOutcome, LeaseRequest } from './store.js';

export interface PostgresOptions {
  /** Connections in the pool; a cycle's lease holds one while it plans. */
  poolSize?: number;
  /** Told about a pooled connection that broke while idle (the server restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/** An advisory lock key for a name: 64 bits of its hash, as PostgreSQL's bigint. */
function lockKey(name: string): string {
  return createHash('sha256').update(`pubbot:${name}`).digest().readBigInt64BE(0).toString();
}

const MIGRATIONS_LOCK = lockKey('migrations');

/**
 * node-postgres behind the driver interface: a pool, a client per
 * transaction, `FOR UPDATE SKIP LOCKED` for claims, and the planning lease
 * as a transaction-scoped advisory lock.
 *
 * Why `pg_try_advisory_xact_lock` rather than pg-boss schedules: every
 * replica already runs its own croner schedule and must reload its corpus
 * each cycle anyway; only planning needs to happen once. A lock taken in a
 * transaction ends with the transaction or with the connection, so a
 * replica killed mid-cycle frees it at once (no expiry to wait out), and a
 * pooled connection can never carry it to the next user (a session lock
 * could). pg-boss would add its own schema, a polling worker and a job
 * table next to ours, for one lock. The lease's expiry is the session's
 * `idle_in_transaction_session_timeout`: a holder that stops answering for
 * the time-to-live is disconnected by the server and the lock goes with it;
 * a live holder beats more often than that.
 */
class PostgresDriver implements SqlDriver {
  readonly claimLock = ' FOR UPDATE SKIP LOCKED';
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const result = await this.#pool.query(sql, params as SqlValue[]);
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const value = await work(clientQuery(client));
      await client.query('COMMIT');
      return value;
    } catch (error) {
      broken = await rollback(client, error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async withLease<T>(lease: LeaseRequest, work: () => Promise<T>): Promise<LeaseOutcome<T>> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    let heartbeat: NodeJS.Timeout | undefined;
    try {
      await client.query('BEGIN');
      await client.query(
        `SET LOCAL idle_in_transaction_session_timeout = ${Math.ceil(lease.ttlMs)}`,
      );
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
        [lockKey(lease.name)],
      );
      if (!rows[0]?.locked) {
        await client.query('ROLLBACK');
        return { held: false, reason: 'busy' };
      }
      if (lease.slot !== undefined) {
        const done = await client.query<{ last_slot: string | null }>(
          'SELECT last_slot FROM leases WHERE name = $1',
          [lease.name],
        );
        if (done.rows[0]?.last_slot === lease.slot) {
          await client.query('ROLLBACK');
          return { held: false, reason: 'done' };
        }
      }
      heartbeat = setInterval(() => {
        client.query('SELECT 1').catch(() => {
          // The session is gone (timed out or dropped); committing will say so.
        });
      }, heartbeatEvery(lease.ttlMs));
      const value = await work();
      clearInterval(heartbeat);
      await client.query(RECORD_SLOT, [lease.name, lease.owner, lease.slot ?? null]);
      await client.query('COMMIT');
      return { held: true, value };
    } catch (error) {
      broken = await rollback(client, error);
      throw error;
    } finally {
      clearInterval(heartbeat);
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}

function clientQuery(client: pg.PoolClient): SqlQuery {
  return {
    query: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(sql, params as SqlValue[])).rows as Row[],
  };
}

/** Rolls back; a client that cannot is broken and is handed back as such, so the pool drops it. */
async function rollback(client: pg.PoolClient, cause: unknown): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch {
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}

/**
 * The store for several replicas: one PostgreSQL database shared by all of
 * them (subscriptions, the ledger, Slack event ids, follow-up contexts).
 * `open` checks the connection and applies pending migrations (recorded in
 * `schema_migrations`, one replica at a time under an advisory lock); a
 * server it cannot reach or that refuses the credentials is one line naming
 * DATABASE_URL.
 *
 * @example
 * ```ts
 * const store = await PostgresStore.open('postgres://pubbot@db:5432/pubbot');
 * await store.subscriptions();
 * await store.close();
 * ```
 */
export class PostgresStore extends SqlStore {
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
    pool.on('error', (error) => options.onIdleError?.(error));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw describeConnectionError(error, url);
    }
    return new PostgresStore(new PostgresDriver(pool), `DATABASE_URL ${safeDatabaseUrl(url)}`);
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATIONS_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT CAST(COALESCE(MAX(version), 0) AS INTEGER) AS version FROM schema_migrations',
    );
    for (let version = rows[0]?.version ?? 0; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version] as string);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        version + 1,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    broken = await rollback(client, error);
    throw error;
  } finally {
    client.release(broken);
  }
}
