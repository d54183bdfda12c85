import type { LeaseOutcome, LeaseRequest } from './store.js';

/** What a statement may be given: TEXT and INTEGER columns only, so both databases read them alike. */
export type SqlValue = string | number | null;

/** Runs one statement; parameters are written `$1`, `$2` … in both dialects. */
export interface SqlQuery {
  /** Rows of a SELECT or a RETURNING clause; none otherwise. */
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

/**
 * What `SqlStore` needs of a database: statements, transactions, the lock
 * clause that makes a claim skip rows someone else is claiming, and the
 * planning lease — the parts where SQLite and PostgreSQL differ.
 */
export interface SqlDriver extends SqlQuery {
  /** Runs `work` in one transaction (a writer's one, from its first statement); rolls back if it throws. */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /** Appended to the SELECT a claim reads its row with. */
  readonly claimLock: string;
  withLease<T>(lease: LeaseRequest, work: () => Promise<T>): Promise<LeaseOutcome<T>>;
  close(): Promise<void>;
}

/** The lease row every driver keeps: which slot was planned last, and by whom. */
export const RECORD_SLOT = `
  INSERT INTO leases (name, owner, expires_at, last_slot) VALUES ($1, $2, NULL, $3)
  ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = NULL,
    last_slot = COALESCE(excluded.last_slot, leases.last_slot)`;

/** How often a lease holder says it is alive: three times per time-to-live, so one late beat loses nothing. */
export const heartbeatEvery = (ttlMs: number) => Math.max(50, Math.floor(ttlMs / 3));
