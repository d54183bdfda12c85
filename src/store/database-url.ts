/** True for the DATABASE_URLs PostgresStore serves: `postgres://` and `postgresql://`. */
export const isPostgresUrl = (url: string) => /^postgres(?:ql)?:\/\//u.test(url);

/**
 * A SQLite DATABASE_URL's file and options: `sqlite:<path>`, optionally
 * `?max_page_count=<pages>` to cap the file's size (writes past it fail with
 * SQLITE_FULL, as on a full disk).
 */
export function sqliteTarget(url: string): { path: string; maxPageCount?: number } {
  const [path = '', query = ''] = url.replace(/^sqlite:(\/\/)?/u, '').split('?');
  const pages = Number(new URLSearchParams(query).get('max_page_count'));
  return { path, ...(pages > 0 ? { maxPageCount: pages } : {}) };
}
