import packageJson from '../../package.json' with { type: 'json' };
import { SourceError, type SourceName, type SourceProblem, sourceLabel } from './source-error.js';

/** How one source wants to be asked. */
export interface SourcePolicy {
  source: SourceName;
  /** Pause between two requests to the same host, as the source asks (arXiv: 3 s). */
  minIntervalMs: number;
  /** The media type asked for. */
  accept: string;
}

export interface PoliteHttpOptions {
  /** Names the project and how to reach its operators; see `sourcesUserAgent`. */
  userAgent: string;
  /** Per request, body included. */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx, a timeout or a dropped connection. */
  retries?: number;
  /** A Retry-After longer than this is not waited out: the source is reported rate-limited. */
  maxRetryAfterMs?: number;
  /** Wall clock in ms; injected so tests can check spacing without waiting. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  /** When the last request to this host finished; the next waits from here. */
  lastAt?: number;
  /** Requests to one host run one after another, so spacing holds across callers. */
  queue: Promise<unknown>;
}

type Attempt =
  | { ok: true; text: string }
  | { ok: false; error: SourceError; retry: boolean; retryAfterMs?: number };

/**
 * A GET client that behaves as public APIs ask: a User-Agent naming the
 * project, one request at a time per host with the source's minimum interval
 * between them, a timeout per request, Retry-After honoured on 429/503, and
 * a bounded number of retries with growing pauses. Every failure is a
 * SourceError whose code names the source and the problem.
 *
 * @example
 * const http = new PoliteHttp({ userAgent: sourcesUserAgent('mailto:lab@example.org') });
 * const xml = await http.getText(new URL('https://dblp.org/pid/71/4882.xml'), DBLP_POLICY);
 */
export class PoliteHttp {
  readonly #userAgent: string;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #maxRetryAfterMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: PoliteHttpOptions) {
    this.#userAgent = options.userAgent;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
    this.#retries = options.retries ?? 2;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.#now = options.now ?? Date.now;
    this.#sleep =
      options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  }

  /** The body of a successful GET; throws SourceError once retries are spent. */
  getText(url: URL, policy: SourcePolicy): Promise<string> {
    const host = this.#hosts.get(url.host) ?? { queue: Promise.resolve() };
    this.#hosts.set(url.host, host);
    const turn = host.queue.then(() => this.#attempts(url, policy, host));
    host.queue = turn.catch(() => undefined);
    return turn;
  }

  async #attempts(url: URL, policy: SourcePolicy, host: HostState): Promise<string> {
    let pause = 0;
    for (let attempt = 0; ; attempt++) {
      const since =
        host.lastAt === undefined ? Number.POSITIVE_INFINITY : this.#now() - host.lastAt;
      const wait = Math.max(pause, policy.minIntervalMs - since);
      if (wait > 0) await this.#sleep(wait);
      const outcome = await this.#once(url, policy);
      host.lastAt = this.#now();
      if (outcome.ok) return outcome.text;
      const { error, retry, retryAfterMs } = outcome;
      if (retryAfterMs !== undefined && retryAfterMs > this.#maxRetryAfterMs) {
        throw new SourceError(
          policy.source,
          'RATE_LIMITED',
          `${sourceLabel(policy.source)} asked to wait ${Math.ceil(retryAfterMs / 1000)} s before the next request; try again later`,
        );
      }
      if (!retry || attempt >= this.#retries) {
        if (attempt === 0) throw error;
        throw new SourceError(
          policy.source,
          error.problem,
          `${error.message} after ${attempt + 1} attempts`,
          { cause: error.cause },
        );
      }
      pause = retryAfterMs ?? policy.minIntervalMs * 2 ** attempt;
    }
  }

  async #once(url: URL, policy: SourcePolicy): Promise<Attempt> {
    const where = `${url.origin}${url.pathname}`;
    const fail = (problem: SourceProblem, message: string, cause?: unknown): SourceError =>
      new SourceError(policy.source, problem, `${sourceLabel(policy.source)} ${message}`, {
        cause,
      });
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'user-agent': this.#userAgent, accept: policy.accept },
        signal,
      });
    } catch (error) {
      return {
        ok: false,
        retry: true,
        error: isTimeout(error)
          ? fail('TIMEOUT', `did not answer within ${this.#timeoutMs} ms (${where})`, error)
          : fail('UNREACHABLE', `could not be reached (${where}): ${reason(error)}`, error),
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      const busy = status === 429 || status === 503;
      return {
        ok: false,
        retry: busy || status >= 500,
        error: fail(
          status === 429 ? 'RATE_LIMITED' : 'HTTP_STATUS',
          `answered HTTP ${status} (${where})`,
        ),
        ...(busy ? retryAfter(response.headers.get('retry-after'), this.#now()) : {}),
      };
    }
    try {
      return { ok: true, text: await response.text() };
    } catch (error) {
      return {
        ok: false,
        retry: true,
        error: isTimeout(error)
          ? fail(
              'TIMEOUT',
              `did not finish answering within ${this.#timeoutMs} ms (${where})`,
              error,
            )
          : fail('TRUNCATED', `answer was cut short (${where}): ${reason(error)}`, error),
      };
    }
  }
}

/**
 * The User-Agent pubbot sends to public sources: the project and version,
 * and how to reach whoever runs it (SOURCES_CONTACT), as the arXiv and DBLP
 * terms ask.
 *
 * @example
 * sourcesUserAgent('mailto:lab@example.org'); // "pubbot/0.1.0 (+mailto:lab@example.org)"
 */
export function sourcesUserAgent(contact?: string): string {
  return `pubbot/${packageJson.version} (${contact ? `+${contact}` : 'publication bot'})`;
}

/** Retry-After is seconds or an HTTP date. */
function retryAfter(header: string | null, now: number): { retryAfterMs?: number } {
  if (header === null || header.trim() === '') return {};
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: seconds * 1000 };
  const date = Date.parse(header);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - now) };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || isTimeout(error.cause));
}

/** The most specific reason node's fetch gives ("other side closed", "ECONNREFUSED"). */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    return code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message;
  }
  return error.message;
}
