import { truncate } from '../text/truncate.js';
import type { ChartSpec } from './chart-spec.js';
import { cleanLabel } from './clean-label.js';
import { formatValue } from './value-axis.js';

// Label, bar and count fit an 80-column terminal.
const BAR_CELLS = 30;
const LABEL_CHARS = 28;
const CELL = '▇';

const codePoints = (text: string) => [...text].length;

/**
 * A chart as text, for the shell: the title, then one line per group in the
 * spec's order with its label padded to a common width, a bar scaled so the
 * largest value fills 30 cells (any value above zero gets at least one), and
 * the count. Labels are cleaned of control characters and cut to 28.
 *
 * @example
 * ```ts
 * textBars({ kind: 'columns', title: 'Papers per year', xLabel: 'Year', yLabel: 'Papers',
 *   bars: [{ label: '2024', value: 4 }, { label: '2025', value: 8 }] });
 * // Papers per year
 * // 2024 ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇ 4
 * // 2025 ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇ 8
 * ```
 */
export function textBars(spec: ChartSpec): string {
  return [cleanLabel(spec.title), ...barLines(spec)].join('\n');
}

/** The bar lines of `textBars` without the title, for a reply that shows its title already. */
export function barLines(spec: ChartSpec): string[] {
  const bars = spec.bars.map((bar) => ({
    label: truncate(cleanLabel(bar.label), LABEL_CHARS),
    value: Number.isFinite(bar.value) && bar.value > 0 ? bar.value : 0,
  }));
  const labelWidth = Math.max(0, ...bars.map((bar) => codePoints(bar.label)));
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return bars.map(({ label, value }) => {
    const cells = value > 0 ? Math.max(1, Math.round((value / max) * BAR_CELLS)) : 0;
    const padding = ' '.repeat(labelWidth - codePoints(label));
    const bar = cells > 0 ? `${CELL.repeat(cells)} ` : '';
    return `${label}${padding} ${bar}${formatValue(value)}`;
  });
}
