import type { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { altText } from './alt-text.js';
import { type ChartSpec, ChartSpecSchema } from './chart-spec.js';
import { pixelScale } from './chart-style.js';
import { chartSvg } from './chart-svg.js';
import { startWorker } from './start-worker.js';
import type { RenderReply, RenderRequest } from './worker-protocol.js';

/** A rendered chart: the PNG to attach, its alt text, and the SVG it came from. */
export interface ChartImage {
  ok: true;
  png: Buffer;
  /** PNG size in pixels. */
  width: number;
  height: number;
  /** States every group and number; at most ALT_TEXT_MAX characters. */
  alt: string;
  svg: string;
}

export type ChartFailureReason =
  /** The spec broke ChartSpecSchema (no bars, a negative or non-finite value, …). */
  | 'invalid-spec'
  /** Too many renders already waiting. */
  | 'busy'
  /** No picture within the timeout, queueing included. */
  | 'timeout'
  /** The worker thread failed to start or died. */
  | 'worker-failed'
  /** Drawing or rasterising threw. */
  | 'render-failed'
  /** close() was called. */
  | 'closed';

/** Why there is no picture; the answer goes out without one. */
export interface ChartFailure {
  ok: false;
  reason: ChartFailureReason;
  /** For logs, not for users. */
  detail: string;
}

export type ChartResult = ChartImage | ChartFailure;

export interface ChartRendererOptions {
  /** Longest wait for one picture, from the call, queueing included. Default 1,000 ms. */
  timeoutMs?: number;
  /** Renders that may wait behind the one in progress; more fail at once as 'busy'. Default 8. */
  maxQueued?: number;
  /** The worker's entry; tests swap in broken ones. Default: chart-worker beside this module. */
  workerEntry?: URL;
}

interface Job {
  id: number;
  svg: string;
  scale: number;
  alt: string;
  settle: (result: ChartResult) => void;
}

// Sources run through tsx in dev and tests, compiled JS in production: the
// worker's entry has this module's own extension.
const WORKER_ENTRY = new URL(
  `./chart-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
);

const failure = (reason: ChartFailureReason, detail: string): ChartFailure => ({
  ok: false,
  reason,
  detail,
});
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
// Stopping a thread that is already gone must not become an unhandled rejection.
const stop = (worker: Worker) => worker.terminate().catch(() => undefined);

/**
 * Renders charts to PNG in one worker thread, one at a time, so a chart never
 * holds up the answers around it. `render` never rejects: a bad spec, a full
 * queue, a timeout or a dead worker come back as a ChartFailure, and a
 * worker that died or overran is replaced for the next render.
 *
 * @example
 * ```ts
 * const charts = new ChartRenderer();
 * const chart = await charts.render({
 *   kind: 'columns', title: 'Papers per year', xLabel: 'Year', yLabel: 'Papers',
 *   bars: [{ label: '2024', value: 3 }, { label: '2025', value: 8 }],
 * });
 * if (chart.ok) attach(chart.png, chart.alt); // else send the answer without it
 * await charts.close();
 * ```
 */
export class ChartRenderer {
  readonly #timeoutMs: number;
  readonly #maxQueued: number;
  readonly #workerEntry: URL;
  readonly #queue: Job[] = [];
  #worker: Worker | undefined;
  #running: Job | undefined;
  #nextId = 1;
  #closed = false;

  constructor(options: ChartRendererOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#maxQueued = options.maxQueued ?? 8;
    this.#workerEntry = options.workerEntry ?? WORKER_ENTRY;
    try {
      // Started now so the first chart does not wait for the thread to boot.
      this.#worker = this.#spawn();
    } catch {
      // The first render starts it again and reports what went wrong.
    }
  }

  /** Draws `spec`; `timeoutMs` overrides the renderer's for this chart only. */
  render(spec: ChartSpec, { timeoutMs = this.#timeoutMs } = {}): Promise<ChartResult> {
    if (this.#closed) return Promise.resolve(failure('closed', 'the chart renderer is closed'));
    const parsed = ChartSpecSchema.safeParse(spec);
    if (!parsed.success)
      return Promise.resolve(failure('invalid-spec', z.prettifyError(parsed.error)));
    if (this.#queue.length >= this.#maxQueued)
      return Promise.resolve(failure('busy', `${this.#queue.length} charts already waiting`));
    let drawn: { svg: string; scale: number; alt: string };
    try {
      const { svg, width, height } = chartSvg(parsed.data);
      drawn = { svg, scale: pixelScale(width, height), alt: altText(parsed.data) };
    } catch (error) {
      return Promise.resolve(failure('render-failed', messageOf(error)));
    }
    return new Promise((resolve) => {
      const job: Job = {
        id: this.#nextId++,
        ...drawn,
        settle: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
      const timer = setTimeout(() => this.#timeOut(job, timeoutMs), timeoutMs);
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Fails whatever is waiting as 'closed' and stops the worker. */
  async close(): Promise<void> {
    this.#closed = true;
    const pending = [...(this.#running ? [this.#running] : []), ...this.#queue.splice(0)];
    this.#running = undefined;
    for (const job of pending) job.settle(failure('closed', 'the chart renderer closed'));
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await stop(worker);
  }

  #spawn(): Worker {
    const worker = startWorker(this.#workerEntry);
    // An idle renderer must not keep the process alive; a render's timer does while it waits.
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.#onReply(worker, reply));
    worker.on('error', (error) => this.#onWorkerDown(worker, messageOf(error)));
    worker.on('exit', (code) =>
      this.#onWorkerDown(worker, `chart worker exited with code ${code}`),
    );
    return worker;
  }

  #pump(): void {
    if (this.#running || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) return;
    let worker: Worker;
    try {
      this.#worker ??= this.#spawn();
      worker = this.#worker;
    } catch (error) {
      job.settle(failure('worker-failed', messageOf(error)));
      this.#pump();
      return;
    }
    this.#running = job;
    worker.postMessage({ id: job.id, svg: job.svg, scale: job.scale } satisfies RenderRequest);
  }

  #onReply(worker: Worker, reply: RenderReply): void {
    const job = this.#running;
    if (worker !== this.#worker || !job || job.id !== reply.id) return;
    this.#running = undefined;
    job.settle(
      reply.ok
        ? {
            ok: true,
            png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength),
            width: reply.width,
            height: reply.height,
            alt: job.alt,
            svg: job.svg,
          }
        : failure('render-failed', reply.error),
    );
    this.#pump();
  }

  #onWorkerDown(worker: Worker, detail: string): void {
    if (worker !== this.#worker) return;
    this.#worker = undefined;
    void stop(worker);
    const job = this.#running;
    this.#running = undefined;
    job?.settle(failure('worker-failed', detail));
    this.#pump();
  }

  #timeOut(job: Job, timeoutMs: number): void {
    const waiting = this.#queue.indexOf(job);
    if (waiting >= 0) this.#queue.splice(waiting, 1);
    if (this.#running === job) {
      // A render cannot be interrupted, only its thread: a fresh one takes the next chart.
      this.#running = undefined;
      const worker = this.#worker;
      this.#worker = undefined;
      if (worker) void stop(worker);
    }
    job.settle(failure('timeout', `no chart within ${timeoutMs} ms`));
    this.#pump();
  }
}
