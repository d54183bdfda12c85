import { createHash, timingSafeEqual } from 'node:crypto';
import type { Health } from './health.js';
import { type HttpRoute, sendJson } from './http-server.js';
import type { Metrics } from './metrics.js';

/**
 * GET /healthz (200 or 503 with reasons, JSON; 503 too once shutdown began)
 * and GET /metrics (Prometheus text; with a token configured, only for
 * `Authorization: Bearer <token>`).
 */
export function opsRoutes({
  health,
  metrics,
  metricsToken,
}: {
  health: () => Promise<Health>;
  metrics: Metrics;
  metricsToken?: string;
}): HttpRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handle: async (_req, _body, res) => {
        const state = await health();
        sendJson(res, state.ok ? 200 : 503, { status: state.ok ? 'ok' : 'unavailable', ...state });
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handle: async (req, _body, res) => {
        if (metricsToken && !sameSecret(req.headers.authorization, `Bearer ${metricsToken}`)) {
          res.setHeader('www-authenticate', 'Bearer');
          return sendJson(res, 401, {
            error: 'metrics need Authorization: Bearer <METRICS_TOKEN>',
          });
        }
        const text = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      },
    },
  ];
}

/** Compared in constant time (through digests, so the length does not leak either). */
function sameSecret(given: string | undefined, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}
