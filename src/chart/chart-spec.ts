import { z } from 'zod';
import { cleanLabel } from './clean-label.js';

/** More bars than this no longer read as a chart at chat size; callers show a top N instead. */
export const MAX_BARS = 50;

// Labels come from corpus data (names, venues), so each is made one printable line.
const Label = z.string().max(500).transform(cleanLabel);

/**
 * What to draw, with no styling: the chart modules own the one visual style.
 *
 * - `columns`: groups with a natural order (years, categories), drawn in the
 *   order given as vertical columns, or as horizontal rows when the labels
 *   would not fit under the columns.
 * - `ranking`: people or venues, largest first as given, drawn as horizontal
 *   bars so long names stay readable.
 *
 * `xLabel` names the groups ("Year", "Co-author") and `yLabel` what the
 * values count ("Papers"), whichever way the bars run.
 *
 * @example
 * ```ts
 * const spec: ChartSpec = {
 *   kind: 'columns',
 *   title: 'Papers per year',
 *   xLabel: 'Year',
 *   yLabel: 'Papers',
 *   bars: [{ label: '2024', value: 3 }, { label: '2025', value: 8 }],
 * };
 * ```
 */
export const ChartSpecSchema = z.object({
  kind: z.enum(['columns', 'ranking']),
  title: Label.pipe(z.string().min(1)),
  xLabel: Label,
  yLabel: Label,
  bars: z
    .array(z.object({ label: Label, value: z.number().nonnegative() }))
    .min(1)
    .max(MAX_BARS),
});

export type ChartSpec = z.infer<typeof ChartSpecSchema>;
export type ChartBar = ChartSpec['bars'][number];
