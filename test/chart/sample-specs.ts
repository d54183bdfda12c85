import type { ChartSpec } from '../../src/chart/chart-spec.js';

/** Papers per year for `years` consecutive years from 2026 − years, counts varying 1 to 13. */
export function perYear(years: number): ChartSpec {
  return {
    kind: 'columns',
    title: 'Papers per year',
    xLabel: 'Year',
    yLabel: 'Papers',
    bars: Array.from({ length: years }, (_, i) => ({
      label: String(2026 - years + i),
      value: ((i * 7) % 13) + 1,
    })),
  };
}

/** A ranking of people with the given names, counts descending from the number of names. */
export function ranking(names: string[]): ChartSpec {
  return {
    kind: 'ranking',
    title: 'Top co-authors of Yiren Zhao',
    xLabel: 'Co-author',
    yLabel: 'Shared papers',
    bars: names.map((label, i) => ({ label, value: names.length - i })),
  };
}
