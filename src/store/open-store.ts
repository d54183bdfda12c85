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
  return new SqliteStore(path, maxPageCount ? { maxPageCount } : {});
}
