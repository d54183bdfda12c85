/** The value axis: from 0 to `top`, with gridlines at every multiple of `step`. */
export interface ValueAxis {
  top: number;
  step: number;
  ticks: number[];
}

/**
 * A round axis for values up to `max`: steps of 1, 2 or 5 times a power of
 * ten, at most `maxTicks` of them above zero, never finer than 1 since the
 * values are counts.
 *
 * @example
 * ```ts
 * valueAxis(37); // { top: 40, step: 10, ticks: [0, 10, 20, 30, 40] }
 * ```
 */
export function valueAxis(max: number, maxTicks = 5): ValueAxis {
  const rough = Math.max(max, 1) / maxTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { top, step, ticks };
}

/**
 * A count as shown on a chart: grouped thousands, at most one decimal.
 *
 * @example
 * ```ts
 * formatValue(1234); // '1,234'
 * ```
 */
export function formatValue(value: number): string {
  return FORMAT.format(value);
}

const FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
