import { type HttpRoute, type HttpServer, startHttpServer } from '../../src/ops/http-server.js';
import { memoryLogger } from './memory-logger.js';

/** pubbot's real HTTP server on a free loopback port, serving the given routes. */
export async function serveRoutes(
  routes: HttpRoute[],
): Promise<HttpServer & { url: (path: string) => string }> {
  const server = await startHttpServer({
    routes,
    port: 0,
    host: '127.0.0.1',
    logger: memoryLogger().logger,
  });
  return Object.assign(server, { url: (path: string) => `http://127.0.0.1:${server.port}${path}` });
}
