import { request } from 'node:http';

/**
 * A POST as a misbehaving client sends it: headers go out at once, then the
 * body if there is one (with only a declared Content-Length, none follows).
 * Resolves with the status the server answers, which may come before the
 * body was sent — exactly what a size limit on the declared length does.
 */
export function rawPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may close while the client is still sending; the answer came first.
    req.on('error', reject);
    req.flushHeaders();
    if (body) req.end(body);
    else if (!headers['content-length']) req.end();
  });
}
