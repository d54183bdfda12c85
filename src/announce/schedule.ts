import { Cron } from 'croner';
import type { Logger } from '../logger.js';

/**
 * Runs `cycle` on a cron schedule in a time zone. A run still going when the
 * next is due is not overlapped (croner's `protect`); a failing run is
 * logged and the schedule goes on.
 */
export function scheduleCycles(
  { cron, timezone }: { cron: string; timezone: string },
  cycle: () => Promise<unknown>,
  logger: Logger,
): { stop: () => void; nextRun: () => Date | null } {
  const job = new Cron(
    cron,
    {
      timezone,
      protect: () => logger.warn('previous announcement cycle still running; skipped this one'),
      catch: (error) => logger.error({ err: error }, 'announcement cycle failed'),
    },
    async () => {
      await cycle();
      logger.info({ next: job.nextRun()?.toISOString() }, 'announcement cycle done');
    },
  );
  logger.info({ cron, timezone, next: job.nextRun()?.toISOString() }, 'announcements scheduled');
  return { stop: () => job.stop(), nextRun: () => job.nextRun() };
}
