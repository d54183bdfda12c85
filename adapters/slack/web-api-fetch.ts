import { type RequestWatch, watchedRequest } from '../watched-requests.js';

/** Web API errors that mean the token itself was refused, not the call. */
export const REJECTED_TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/**
 * The one fetch every Slack request goes through: Bolt's Web API clients,
 * `respond()` on response URLs and file uploads (the Web API client's own
 * timeout does not cover the last two). Each request gets a timeout, waits
 * for a slot, and tells health whether Slack answered and took the token;
 * `tokenName` says which variable a refused token came from, by the
 * Authorization header it was sent in.
 */
export function slackFetch(
  watch: RequestWatch,
  tokenName: (authorization: string | null) => string,
): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(watch.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return watchedRequest(
      watch,
      timeout,
      () => fetch(input, { ...init, signal }),
      async (response) => {
        const refused = await refusedToken(response);
        if (!refused) return undefined;
        return `Slack rejected ${tokenName(new Headers(init?.headers).get('authorization'))} (${refused})`;
      },
    );
  };
}

/** The Web API's error code when it refused the token; undefined for anything else. */
async function refusedToken(response: Response): Promise<string | undefined> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { ok?: boolean; error?: string } | undefined;
  return body?.ok === false && body.error && REJECTED_TOKEN_ERRORS.has(body.error)
    ? body.error
    : undefined;
}
