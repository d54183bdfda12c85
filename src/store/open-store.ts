import { StoreUnavailableError } from '../errors.js';
import { isPostgresUrl, sqliteTarget } from './database-url.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/**
 * Opens the store a DATABASE_URL names: `sqlite:<path>` (the embedded
 * default) or `postgres://user:password@host:port/database` (replicas).
 *
 * @example
 * ```ts
 * const store = await openStore('sqlite:./data/pubbot.db');
 * const replicas = await openStore('postgres://pubbot:secret@db:5432/pubbot');
 * ```
 */
export async function openStore(
  url: string,
  options: { onIdleError?: (error: Error) => void } = {},
): Promise<Store> {
  if (isPostgresUrl(url)) return PostgresStore.open(url, options);
  const { path, maxPageCount } = sqliteTarget(url);
  try {
    return new SqliteStore(path, maxPageCount ? { maxPageCount } : {});
  } catch (error) {
    // A damaged file, not a database, unreadable: one line naming it.
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(`database ${path} cannot be opened: ${reason}`, error);
  }
}
