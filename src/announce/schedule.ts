import { Cron } from 'croner';
import type { Logger } from '../logger.js';
import type { CycleReport } from './announcer.js';

/** The longest wait between two tries of something that keeps failing. */
export const RETRY_MAX_MS = 30 * 60 * 1000;
/** A claim held elsewhere is looked at again this long after it expires. */
const AFTER_EXPIRY_MS = 250;
/** How long stopping waits for a cycle in flight, so what it posts is recorded rather than left to a takeover. */
const STOP_WAIT_MS = 10_000;

export interface ScheduleOptions {
  cron: string;
  timezone: string;
  /** The first wait after a failure; it doubles each time up to RETRY_MAX_MS. */
  retryMinMs: number;
}

/** What the schedule runs: full cycles on the cron, delivery passes in between. */
export interface CycleRunner {
  runCycle(options: { slot?: string }): Promise<CycleReport>;
  deliver(): Promise<CycleReport>;
}

export interface Schedule {
  /** Runs a cycle now (at start), and keeps retrying what it could not deliver. */
  runNow(): Promise<CycleReport>;
  /** Something became deliverable (a disabled channel subscribed again): deliver soon. */
  soon(): void;
  nextRun(): Date | null;
  /** Stops scheduling, and waits (up to 10 s) for a cycle in flight to finish. */
  stop(): Promise<void>;
}

/**
 * Runs announcement cycles on a cron schedule in a time zone, one at a time
 * in this process (a run still going when the next is due is skipped), each
 * named by its scheduled time so that replicas on one database plan it once.
 * Between cycles it retries what could not be delivered — a platform down,
 * a claim another process holds — with backoff (ANNOUNCE_RETRY_MIN,
 * doubling, up to 30 minutes) for as long as it takes, so an outage costs a
 * delay, never an announcement. A failing run is logged and the schedule
 * goes on.
 *
 * @example
 * ```ts
 * const schedule = scheduleCycles(config.announce, announcer, logger);
 * await schedule.runNow(); // the start-up cycle
 * await schedule.stop(); // on SIGTERM: waits for a cycle in flight
 * ```
 */
export function scheduleCycles(
  options: ScheduleOptions,
  runner: CycleRunner,
  logger: Logger,
): Schedule {
  let running: Promise<unknown> | undefined;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const arm = (report: Pick<CycleReport, 'failed' | 'waitingUntil'>) => {
    failures = report.failed ? failures + 1 : 0;
    const waits: number[] = [];
    if (report.failed) waits.push(Math.min(options.retryMinMs * 2 ** (failures - 1), RETRY_MAX_MS));
    if (report.waitingUntil)
      waits.push(Math.max(0, Date.parse(report.waitingUntil) - Date.now()) + AFTER_EXPIRY_MS);
    if (waits.length === 0) return;
    const delay = Math.min(...waits);
    logger.info({ inMs: delay, failures }, 'announcements owed; trying again');
    later(delay);
  };
  const later = (delay: number) => {
    clearTimeout(retry);
    retry = setTimeout(() => void guarded(() => runner.deliver()), delay);
    // Waiting to retry is no reason to keep a process alive that is otherwise done.
    retry.unref();
  };
  /** Runs one pass unless one is running; a failing pass is logged and retried like a failed delivery. */
  const guarded = async (run: () => Promise<CycleReport>): Promise<CycleReport | undefined> => {
    if (running) return undefined;
    const pass = run();
    running = pass.catch(() => undefined);
    try {
      const report = await pass;
      arm(report);
      return report;
    } catch (error) {
      logger.error({ err: error }, 'announcement cycle failed');
      arm({ failed: true });
      return undefined;
    } finally {
      running = undefined;
    }
  };

  const job = new Cron(
    options.cron,
    {
      timezone: options.timezone,
      protect: () => logger.warn('previous announcement cycle still running; skipped this one'),
      catch: (error) => logger.error({ err: error }, 'announcement cycle failed'),
    },
    async () => {
      const slot = job.currentRun()?.toISOString();
      const report = await guarded(() => runner.runCycle(slot ? { slot } : {}));
      if (!report) logger.warn('announcements were still being delivered; skipped this cycle');
      logger.info({ next: job.nextRun()?.toISOString() }, 'announcement cycle done');
    },
  );
  logger.info(
    { cron: options.cron, timezone: options.timezone, next: job.nextRun()?.toISOString() },
    'announcements scheduled',
  );
  return {
    async runNow() {
      const pass = runner.runCycle({});
      running = pass.catch(() => undefined);
      try {
        const report = await pass;
        arm(report);
        return report;
      } finally {
        running = undefined;
      }
    },
    soon: () => later(0),
    nextRun: () => job.nextRun(),
    async stop() {
      job.stop();
      clearTimeout(retry);
      if (!running) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        running,
        new Promise((resolve) => {
          timer = setTimeout(resolve, STOP_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
