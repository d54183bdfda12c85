import { StoreUnavailableError } from '../errors.js';

/** Where a postgres:// URL points, without its password: safe to print. */
export function safeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
]);

/**
 * A failed first connection as one line a person can act on: the server
 * cannot be reached, refuses the user or password, or has no such database.
 * Anything else keeps PostgreSQL's own words. The password is never shown.
 */
export function describeConnectionError(error: unknown, url: string): StoreUnavailableError {
  const where = safeDatabaseUrl(url);
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const detail = message || code || String(error);
  if ((code && UNREACHABLE.has(code)) || /timeout|terminated/iu.test(detail))
    return new StoreUnavailableError(
      `DATABASE_URL: cannot reach PostgreSQL at ${where} (${code ?? detail}); is the server running and the host and port right?`,
      error,
    );
  // 28P01: wrong password; 28000: no such role, or pg_hba.conf refuses it.
  if (code === '28P01' || code === '28000')
    return new StoreUnavailableError(
      `DATABASE_URL: PostgreSQL at ${where} refused the credentials (${detail}); check the user and password`,
      error,
    );
  if (code === '3D000')
    return new StoreUnavailableError(
      `DATABASE_URL: ${detail} at ${where}; create it (createdb) or fix the name`,
      error,
    );
  return new StoreUnavailableError(`DATABASE_URL: PostgreSQL at ${where}: ${detail}`, error);
}
