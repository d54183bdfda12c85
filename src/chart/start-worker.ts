import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `entry`. Compiled `.js` starts as
 * is. A `.ts` entry (dev and tests run the sources through tsx) registers
 * tsx in the new thread first, since on Node 20 tsx registers itself in the
 * main thread only; tsx is a dev dependency, resolved only on this path.
 *
 * @example
 * ```ts
 * const worker = startWorker(new URL('./chart-worker.ts', import.meta.url));
 * ```
 */
export function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
}
