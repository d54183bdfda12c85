import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartRenderer, type ChartRendererOptions } from '../../src/chart/chart-renderer.js';
import type { ChartSpec } from '../../src/chart/chart-spec.js';
import { readChart } from './read-chart.js';
import { perYear } from './sample-specs.js';

const opened: ChartRenderer[] = [];
const renderer = (options?: ChartRendererOptions) => {
  const created = new ChartRenderer(options);
  opened.push(created);
  return created;
};
const fixture = (name: string) => new URL(`../fixtures/chart/${name}`, import.meta.url);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((created) => created.close()));
});

describe('ChartRenderer', () => {
  it('renders a chart in its worker: PNG, size, alt text and SVG', async () => {
    const result = await renderer({ timeoutMs: 10_000 }).render(perYear(5));
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    const png = PNG.sync.read(result.png);
    expect([png.width, png.height]).toEqual([result.width, result.height]);
    expect(result.width).toBeGreaterThanOrEqual(600);
    expect(result.height).toBeGreaterThanOrEqual(300);
    expect(result.alt).toBe(
      'Papers per year. Bar chart, Papers by Year: 2021: 1, 2022: 8, 2023: 2, 2024: 9, 2025: 3.',
    );
    expect(readChart(result.svg).bars).toHaveLength(5);
  });

  it('renders several charts asked for at once, each its own', async () => {
    const charts = renderer({ timeoutMs: 10_000 });
    const results = await Promise.all([1, 2, 3, 40].map((years) => charts.render(perYear(years))));
    expect(results.map((result) => result.ok && readChart(result.svg).bars.length)).toEqual([
      1, 2, 3, 40,
    ]);
  });

  it('fails a spec that breaks the schema without starting a render', async () => {
    const charts = renderer();
    const noBars = await charts.render({ ...perYear(1), bars: [] });
    const notANumber = await charts.render({ ...perYear(1), bars: [{ label: 'x', value: NaN }] });
    const tooMany = await charts.render({ ...perYear(1), bars: perYear(51).bars });
    for (const result of [noBars, notANumber, tooMany]) {
      expect(result).toMatchObject({ ok: false, reason: 'invalid-spec' });
    }
  });

  it('fails as a timeout when the picture is late, then renders again with a fresh worker', async () => {
    const charts = renderer({ timeoutMs: 10_000 });
    const late = charts.render(perYear(40), { timeoutMs: 1 });
    const next = charts.render(perYear(3));
    expect(await late).toMatchObject({ ok: false, reason: 'timeout' });
    expect((await next).ok).toBe(true);
    expect((await charts.render(perYear(40))).ok).toBe(true);
  });

  it('gives up on a worker that never answers within the timeout', async () => {
    const stuck = renderer({ timeoutMs: 300, workerEntry: fixture('silent-worker.mjs') });
    const started = performance.now();
    expect(await stuck.render(perYear(3))).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await stuck.render(perYear(3))).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('fails as worker-failed when the worker cannot start or dies, and keeps answering', async () => {
    for (const name of ['throwing-worker.mjs', 'exiting-worker.mjs']) {
      const broken = renderer({ timeoutMs: 5000, workerEntry: fixture(name) });
      expect(await broken.render(perYear(3))).toMatchObject({ ok: false, reason: 'worker-failed' });
      // A fresh worker is tried for the next chart; it fails the same way, still without a throw.
      expect(await broken.render(perYear(3))).toMatchObject({ ok: false, reason: 'worker-failed' });
    }
    expect((await renderer({ timeoutMs: 10_000 }).render(perYear(3))).ok).toBe(true);
  });

  it('fails as busy past its queue, and as closed once closed', async () => {
    const charts = renderer({
      timeoutMs: 300,
      maxQueued: 1,
      workerEntry: fixture('silent-worker.mjs'),
    });
    const running = charts.render(perYear(3));
    const waiting = charts.render(perYear(3));
    expect(await charts.render(perYear(3))).toMatchObject({ ok: false, reason: 'busy' });
    await charts.close();
    expect(await running).toMatchObject({ ok: false, reason: 'closed' });
    expect(await waiting).toMatchObject({ ok: false, reason: 'closed' });
    expect(await charts.render(perYear(3))).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('gives a typed failure for input a type check would not stop', async () => {
    const result = await renderer().render({ kind: 'pie' } as unknown as ChartSpec);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-spec' });
  });
});
