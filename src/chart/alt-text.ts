import type { ChartSpec } from './chart-spec.js';
import { formatValue } from './value-axis.js';

/**
 * Discord caps an attachment's description at 1,024 characters and Slack an
 * image's alt text at 2,000; staying under both lets adapters pass it as is.
 */
export const ALT_TEXT_MAX = 1000;

/**
 * The chart in words for screen readers, stating every group and number.
 * When that would pass `maxLength`, the groups that do not fit are summed
 * up by their count and range instead.
 *
 * @example
 * ```ts
 * altText({ kind: 'columns', title: 'Papers per year', xLabel: 'Year', yLabel: 'Papers',
 *   bars: [{ label: '2019', value: 4 }, { label: '2020', value: 2 }] });
 * // 'Papers per year. Bar chart, Papers by Year: 2019: 4, 2020: 2.'
 * ```
 */
export function altText(spec: ChartSpec, maxLength = ALT_TEXT_MAX): string {
  const kind = spec.kind === 'ranking' ? 'Ranked bar chart' : 'Bar chart';
  const axes = spec.xLabel && spec.yLabel ? `, ${spec.yLabel} by ${spec.xLabel}` : '';
  const head = `${spec.title}. ${kind}${axes}: `;
  const entries = spec.bars.map((bar) => `${bar.label}: ${formatValue(bar.value)}`);
  const whole = `${head}${entries.join(', ')}.`;
  if (whole.length <= maxLength) return whole;

  let shown = entries.length;
  let text = whole;
  while (shown > 0 && text.length > maxLength) {
    shown--;
    const rest = spec.bars.slice(shown).map((bar) => bar.value);
    const range = `${formatValue(Math.min(...rest))} to ${formatValue(Math.max(...rest))} each`;
    const listed = entries.slice(0, shown).join(', ');
    text = `${head}${listed}${listed ? ', and' : ''} ${rest.length} more, ${range}.`;
  }
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
