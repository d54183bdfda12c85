import { describe, expect, it } from 'vitest';
import type { CycleReport } from '../../src/announce/announcer.js';
import { scheduleCycles } from '../../src/announce/schedule.js';
import { memoryLogger } from '../support/memory-logger.js';

const report = (overrides: Partial<CycleReport> = {}): CycleReport => ({
  papers: 25,
  newPapers: [],
  silent: 0,
  venueNews: 0,
  planned: true,
  deliveries: [],
  disabled: [],
  failed: false,
  ...overrides,
});

describe('scheduleCycles', () => {
  it('GIVEN a cron and a time zone THEN the next run is that wall-clock time in that zone', async () => {
    const { logger } = memoryLogger();
    const schedule = scheduleCycles(
      { cron: '0 9 * * *', timezone: 'Asia/Tokyo', retryMinMs: 1000 },
      { runCycle: async () => report(), deliver: async () => report() },
      logger,
    );
    const next = schedule.nextRun();
    await schedule.stop();
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Tokyo',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next ?? undefined),
    ).toBe('09:00');
  });

  it('GIVEN a cycle still running when the next is due THEN the next is skipped, not overlapped, each is named by its slot, and a failure does not stop the schedule', async () => {
    const log = memoryLogger();
    let running = 0;
    let maxRunning = 0;
    const slots: Array<string | undefined> = [];
    let release: () => void = () => {};
    const schedule = scheduleCycles(
      { cron: '* * * * * *', timezone: 'UTC', retryMinMs: 60_000 },
      {
        runCycle: async ({ slot }) => {
          slots.push(slot);
          running++;
          maxRunning = Math.max(maxRunning, running);
          if (slots.length === 1)
            await new Promise<void>((resolve) => {
              release = resolve;
            });
          running--;
          if (slots.length === 2) throw new Error('feed down');
          return report();
        },
        deliver: async () => report(),
      },
      log.logger,
    );
    await waitFor(() => log.lines().some((l) => String(l.msg).includes('still running')));
    release();
    await waitFor(() => log.lines().some((l) => l.msg === 'announcement cycle failed'));
    await waitFor(() => slots.length >= 3);
    await schedule.stop();
    expect(maxRunning).toBe(1);
    expect(slots.every((slot) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/u.test(slot ?? ''))).toBe(
      true,
    );
  }, 15_000);

  it('GIVEN deliveries failing THEN they are retried between cycles with a doubling wait until they succeed; a claim held elsewhere is retried when it expires', async () => {
    const log = memoryLogger();
    const passes: number[] = [];
    const outcomes = [true, true, true, false];
    const start = Date.now();
    const schedule = scheduleCycles(
      { cron: '0 0 1 1 *', timezone: 'UTC', retryMinMs: 100 },
      {
        runCycle: async () => report({ failed: true }),
        deliver: async () => {
          passes.push(Date.now() - start);
          return report({ failed: outcomes.shift() ?? false });
        },
      },
      log.logger,
    );
    await schedule.runNow();
    await waitFor(() => passes.length >= 4);
    // 100 ms, then 200, 400 and 800 after each failure: about 1.5 s in all.
    const gaps = passes.map((at, i) => at - (passes[i - 1] ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(gaps[2]).toBeGreaterThanOrEqual(390);
    expect(gaps[3]).toBeGreaterThanOrEqual(790);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(passes).toHaveLength(4);

    const expiry = new Date(Date.now() + 300).toISOString();
    let waited = 0;
    const claimed = scheduleCycles(
      { cron: '0 0 1 1 *', timezone: 'UTC', retryMinMs: 60_000 },
      {
        runCycle: async () => report({ waitingUntil: expiry }),
        deliver: async () => {
          waited = Date.now();
          return report();
        },
      },
      log.logger,
    );
    await claimed.runNow();
    await waitFor(() => waited > 0);
    expect(waited).toBeGreaterThanOrEqual(Date.parse(expiry));
    await schedule.stop();
    await claimed.stop();
  }, 15_000);
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
