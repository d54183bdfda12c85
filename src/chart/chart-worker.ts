import { parentPort } from 'node:worker_threads';
import { renderPng } from './render-png.js';
import type { RenderReply, RenderRequest } from './worker-protocol.js';

// The worker thread ChartRenderer starts: rasterising takes tens of
// milliseconds of CPU, which here never holds up the bot's event loop.
const port = parentPort;
if (!port) throw new Error('chart-worker runs as a worker thread, started by ChartRenderer');

port.on('message', ({ id, svg, scale }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const { png, width, height } = renderPng(svg, scale);
    reply = { id, ok: true, png, width, height };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
