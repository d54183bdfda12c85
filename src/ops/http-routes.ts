import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Health } from './health.js';
import type { Metrics } from './metrics.js';

export interface OpsRoute {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** GET /healthz (200 or 503 with reasons, JSON) and GET /metrics (Prometheus text). */
export function opsRoutes(health: () => Promise<Health>, metrics: Metrics): OpsRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        health().then(
          (state) => {
            res.writeHead(state.ok ? 200 : 503, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ status: state.ok ? 'ok' : 'unavailable', ...state }));
          },
          // The store could not be read: whatever else is fine, this bot cannot do its work.
          (error: unknown) => {
            res.writeHead(503, { 'content-type': 'application/json' });
            const reason = `store: ${error instanceof Error ? error.message : String(error)}`;
            res.end(JSON.stringify({ status: 'unavailable', reasons: [reason] }));
          },
        );
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(text);
          },
          () => {
            res.writeHead(500);
            res.end();
          },
        );
      },
    },
  ];
}

/**
 * A small server for the ops routes, used when no Slack HTTP receiver is
 * there to share the port with.
 */
export async function startOpsServer(
  routes: OpsRoute[],
  port: number,
): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const route = routes.find(
      (r) => r.method === req.method && r.path === new URL(req.url ?? '/', 'http://x').pathname,
    );
    if (route) return route.handler(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
