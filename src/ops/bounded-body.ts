import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body of at most `maxBytes`. A declared Content-Length over
 * the limit is refused before a byte is read; a body without one (chunked)
 * is refused as soon as the bytes streamed in pass the limit — never after
 * buffering the whole of it. A refused body is left paused, not destroyed,
 * so the caller can still answer on the connection before closing it.
 */
export function readBoundedBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | 'too large' | 'aborted'> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const take = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', take);
      req.pause();
      resolve('too large');
    };
    req.on('data', take);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    // The client went away mid-body: nobody is left to answer.
    req.once('error', () => resolve('aborted'));
    req.once('close', () => {
      if (!req.complete) resolve('aborted');
    });
  });
}
