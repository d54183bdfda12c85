import type { Logger } from '../logger.js';

export interface Shutdown {
  /** Resolves at the first SIGINT or SIGTERM, with when everything must be done by (epoch ms). */
  requested: Promise<{ signal: NodeJS.Signals; deadline: number }>;
}

/**
 * Listens for SIGINT and SIGTERM from the start, so a signal during start-up
 * is not the default abrupt kill. From the first signal on, the process ends
 * by `timeoutMs` whatever still runs: a library's reconnect loop or a hung
 * request cannot keep it alive (exit 0, since it was asked to stop; the line
 * says what was left).
 */
export function onShutdownSignal(timeoutMs: number, logger: Logger): Shutdown {
  const requested = new Promise<{ signal: NodeJS.Signals; deadline: number }>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      const deadline = Date.now() + timeoutMs;
      logger.info({ signal, timeoutMs }, 'shutting down');
      setTimeout(() => {
        logger.warn(
          { timeoutMs },
          `shutdown did not finish within ${timeoutMs / 1000} s; exiting with work unfinished`,
        );
        process.exit(0);
      }, timeoutMs + FORCE_EXIT_MARGIN_MS).unref();
      resolve({ signal, deadline });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { requested };
}

/** Closing the server and the store after the deadline takes a moment; past it, exit anyway. */
const FORCE_EXIT_MARGIN_MS = 500;
