import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Raw body text. */
  raw: string;
  /** Raw body bytes (files arrive as bytes). */
  bytes: Buffer;
  /** JSON body, form body as an object, a multipart body's `payload_json`, or undefined. */
  body: unknown;
  /** The parts of a multipart body, files included. */
  parts?: FormPart[];
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only after this long: a server slower than the client's timeout. */
  delayMs?: number;
  /** Send only this many bytes of the body (with the full Content-Length), then drop the connection. */
  cutAfter?: number;
}

export type Handler = (request: RecordedRequest) => Answer | undefined;

/**
 * A small HTTP server that records every request and answers through a
 * list of handlers (first non-undefined answer wins). Shared by the fake
 * Discord, fake Slack and arXiv fixtures.
 */
export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  readonly server: Server;
  readonly #handlers: Handler[] = [];
  readonly #waiters: Array<{
    match: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }> = [];

  constructor() {
    this.server = createServer((req, res) => void this.#serve(req, res));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Handlers added later take precedence, so a test can override a default route. */
  handle(handler: Handler): () => void {
    this.#handlers.unshift(handler);
    return () => {
      const index = this.#handlers.indexOf(handler);
      if (index >= 0) this.#handlers.splice(index, 1);
    };
  }

  /**
   * Answers the next `times` matching requests with `answer` (a fault: a
   * 503, a refusal), then steps aside. Returns how many it answered so far.
   */
  failNext(
    match: (request: RecordedRequest) => boolean,
    answer: Answer,
    times = Number.POSITIVE_INFINITY,
  ): { count: () => number; stop: () => void } {
    let answered = 0;
    const stop = this.handle((request) => {
      if (answered >= times || !match(request)) return undefined;
      answered++;
      return answer;
    });
    return { count: () => answered, stop };
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(
    match: (request: RecordedRequest) => boolean,
    timeoutMs = 5000,
  ): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for a request')),
        timeoutMs,
      );
      this.#waiters.push({
        match,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The first handler that answers; later ones never see the request (a fault must not also take effect). */
  #answer(request: RecordedRequest): Answer {
    for (const handler of this.#handlers) {
      const answer = handler(request);
      if (answer) return answer;
    }
    return {
      status: 404,
      body: { message: `no fake route for ${request.method} ${request.path}` },
    };
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = multipartParts(bytes, req.headers['content-type']);
    const payload = parts?.find((part) => part.name === 'payload_json');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      raw,
      bytes,
      body: payload
        ? JSON.parse(payload.data.toString('utf8'))
        : parseBody(raw, req.headers['content-type']),
      ...(parts ? { parts } : {}),
      at: Date.now(),
    };
    this.requests.push(request);
    const answer = this.#answer(request);
    const body =
      answer.body === undefined
        ? ''
        : typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body);
    if (answer.delayMs !== undefined) await untilClosedOr(res, answer.delayMs);
    if (res.destroyed || res.socket?.destroyed) return;
    const sent = Buffer.from(body);
    res.writeHead(answer.status, {
      ...(answer.body !== undefined && typeof answer.body !== 'string'
        ? { 'content-type': 'application/json' }
        : {}),
      ...(answer.cutAfter === undefined ? {} : { 'content-length': String(sent.length) }),
      ...answer.headers,
    });
    if (answer.cutAfter === undefined) res.end(sent);
    else res.write(sent.subarray(0, answer.cutAfter), () => res.destroy());
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(request)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }
}

/** Waits `ms`, or less if the client hangs up first (it timed out). */
function untilClosedOr(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The parts of a `multipart/form-data` body, split on its boundary as RFC 7578 describes. */
function multipartParts(body: Buffer, contentType: string | undefined): FormPart[] | undefined {
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/iu.exec(contentType ?? '')?.[1];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2);
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/u.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/u.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]+)/iu.exec(head)?.[1];
    parts.push({
      name,
      ...(filename ? { filename } : {}),
      ...(type ? { contentType: type } : {}),
      data: chunk.subarray(split + 4),
    });
    start = next;
  }
  return parts;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  if (contentType?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}
