import { ChartRenderer } from '../../src/chart/chart-renderer.js';
import type { ChartSpec } from '../../src/chart/chart-spec.js';
import { seededRandom } from './synthetic-corpus.js';

export interface ChartSamples {
  bars: number;
  /** Whole renders through the worker, call to picture, in ms. */
  renderMs: number[];
  /** The part of each render on the calling thread (validation, SVG, alt text), in ms. */
  callerMs: number[];
}

const FIRST = ['Yiren', 'Robert', 'Aaron', 'Xitong', 'Ilia', 'Łukasz', 'Jianyi', 'Cheng'];
const LAST = ['Zhao', 'Mullins', 'Zhao', 'Gao', 'Shumailov', 'Kaiser', 'Cheng', 'Zhang-Müller'];

/** Papers per year for 5 groups (columns); a ranking of 40 people with long names (rows). */
function benchSpec(bars: number): ChartSpec {
  const random = seededRandom(bars);
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] as string;
  return bars <= 5
    ? {
        kind: 'columns',
        title: 'Papers per year by Yiren Zhao',
        xLabel: 'Year',
        yLabel: 'Papers',
        bars: Array.from({ length: bars }, (_, i) => ({
          label: String(2021 + i),
          value: 1 + Math.floor(random() * 20),
        })),
      }
    : {
        kind: 'ranking',
        title: 'Top co-authors of Robert Mullins',
        xLabel: 'Co-author',
        yLabel: 'Shared papers',
        bars: Array.from({ length: bars }, (_, i) => ({
          label: `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`,
          value: bars - i,
        })),
      };
}

/**
 * Chart renders through the worker renderer, one after another as the bot
 * would see them: the first (which waits for the worker to start) apart,
 * then `rounds` of each size after a warm-up.
 */
export async function chartSamples(
  sizes = [5, 40],
  rounds = 200,
): Promise<{ firstMs: number; samples: ChartSamples[] }> {
  const renderer = new ChartRenderer({ timeoutMs: 10_000 });
  try {
    const started = performance.now();
    const first = await renderer.render(benchSpec(5));
    if (!first.ok) throw new Error(`chart bench: ${first.reason}: ${first.detail}`);
    const firstMs = performance.now() - started;
    const samples: ChartSamples[] = [];
    for (const bars of sizes) {
      const spec = benchSpec(bars);
      for (let i = 0; i < 10; i++) await renderer.render(spec);
      const renderMs: number[] = [];
      const callerMs: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        const pending = renderer.render(spec);
        callerMs.push(performance.now() - start);
        const result = await pending;
        renderMs.push(performance.now() - start);
        if (!result.ok) throw new Error(`chart bench: ${result.reason}: ${result.detail}`);
      }
      samples.push({ bars, renderMs, callerMs });
    }
    return { firstMs, samples };
  } finally {
    await renderer.close();
  }
}
