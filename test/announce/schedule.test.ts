import { describe, expect, it } from 'vitest';
import { scheduleCycles } from '../../src/announce/schedule.js';
import { memoryLogger } from '../support/memory-logger.js';

describe('scheduleCycles', () => {
  it('GIVEN a cron and a time zone THEN the next run is that wall-clock time in that zone', () => {
    const { logger } = memoryLogger();
    const schedule = scheduleCycles(
      { cron: '0 9 * * *', timezone: 'Asia/Tokyo' },
      async () => {},
      logger,
    );
    const next = schedule.nextRun();
    schedule.stop();
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Tokyo',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next ?? undefined),
    ).toBe('09:00');
  });

  it('GIVEN a cycle still running when the next is due THEN the next is skipped, not overlapped, and a failure does not stop the schedule', async () => {
    const log = memoryLogger();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release: () => void = () => {};
    const schedule = scheduleCycles(
      { cron: '* * * * * *', timezone: 'UTC' },
      async () => {
        runs++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        if (runs === 1)
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        running--;
        if (runs === 2) throw new Error('feed down');
      },
      log.logger,
    );
    await waitFor(() => log.lines().some((l) => String(l.msg).includes('still running')));
    release();
    await waitFor(() => log.lines().some((l) => l.msg === 'announcement cycle failed'));
    await waitFor(() => runs >= 3);
    schedule.stop();
    expect(maxRunning).toBe(1);
  }, 15_000);
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}
