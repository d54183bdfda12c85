import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { readBoundedBody } from './bounded-body.js';
import { InFlight } from './in-flight.js';

/** Slack and Discord send a few kilobytes; anything near this is not theirs. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A client that has not sent its whole request by then is cut off (slow senders hold sockets). */
const REQUEST_TIMEOUT_MS = 15_000;

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  /**
   * Events a platform sends: refused with 503 once the server drains, so the
   * platform retries elsewhere instead of an ack for an event that would not
   * be answered.
   */
  events?: boolean;
  /** `body` is the request body, read in full before the call and at most MAX_BODY_BYTES. */
  handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> | void;
}

export interface HttpServer {
  readonly port: number;
  /** True once `drain` was called. */
  readonly draining: boolean;
  /** Stops taking events: event routes answer 503 from now on. */
  drain(): void;
  /** Resolves when the requests being handled are done, or at `deadline` (epoch ms). */
  settle(deadline: number): Promise<void>;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  routes: readonly HttpRoute[];
  port: number;
  host: string;
  logger: Logger;
  maxBodyBytes?: number;
}

/**
 * pubbot's one HTTP server, on HTTP_HOST:HTTP_PORT: health and metrics,
 * Slack's events and Discord's interactions. Bodies are read here, within a
 * size limit checked on the declared length and while streaming, before
 * any route sees them (so before any signature is checked); every request
 * is tracked until its route is done, so a shutdown can wait for them.
 *
 * @example
 * ```ts
 * const server = await startHttpServer({ routes, port: 3000, host: '127.0.0.1', logger });
 * server.drain();                              // events now get 503
 * await server.settle(Date.now() + 10_000);    // the ones taken finish
 * await server.close();
 * ```
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { routes, logger, maxBodyBytes = MAX_BODY_BYTES } = options;
  const inFlight = new InFlight();
  let draining = false;
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) return sendJson(res, 404, { error: 'not found' });
    if (draining && route.events) {
      res.setHeader('connection', 'close');
      return sendJson(res, 503, { error: 'shutting down' });
    }
    const body = await readBoundedBody(req, maxBodyBytes);
    if (body === 'too large') {
      // The rest is never read: the connection closes once the answer is out.
      res.setHeader('connection', 'close');
      res.on('finish', () => req.destroy());
      return sendJson(res, 413, { error: `body over ${maxBodyBytes} bytes` });
    }
    if (body === 'aborted') return;
    await route.handle(req, body, res);
  };
  const server = createServer((req, res) => {
    void inFlight.track(
      serve(req, res).catch((error: unknown) => {
        logger.error({ err: error, path: req.url }, 'HTTP request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      }),
    );
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await listen(server, options.port, options.host);
  return {
    port: (server.address() as AddressInfo).port,
    get draining() {
      return draining;
    },
    drain: () => {
      draining = true;
    },
    settle: (deadline) => inFlight.settle(deadline),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
