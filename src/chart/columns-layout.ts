import type { ChartSpec } from './chart-spec.js';
import { CARD, COLOURS, TEXT } from './chart-style.js';
import { type Layout, MIDLINE } from './layout.js';
import { svgBarGroup, svgLine, svgRect, svgText } from './svg-elements.js';
import { fitText, textWidth } from './text-width.js';
import { formatValue, valueAxis } from './value-axis.js';

const PLOT_HEIGHT = 220;
const MAX_COLUMN_WIDTH = 64;
// Labels turned 45° need this much slot between neighbours not to touch, and
// are only turned when whole: a cut category name reads worse than a row.
const MIN_SLOT_FOR_TURNED = 22;
const MAX_TURNED_LABEL = 110;

/**
 * Vertical columns in the given order over a value axis with gridlines, or
 * undefined when some label or value would not fit (the caller draws rows).
 * Labels go under their column, turned 45° when too wide to lie flat.
 */
export function columnsLayout(spec: ChartSpec, top: number): Layout | undefined {
  const { padding, width } = CARD;
  const axis = valueAxis(Math.max(...spec.bars.map((bar) => bar.value)));
  const tickWidth = Math.max(...axis.ticks.map((t) => textWidth(formatValue(t), TEXT.tick)));
  const plotLeft = padding + TEXT.axisTitle.size + 12 + tickWidth + 8;
  const plotRight = width - padding;
  const slot = (plotRight - plotLeft) / spec.bars.length;

  const valueWidth = Math.max(
    ...spec.bars.map((bar) => textWidth(formatValue(bar.value), TEXT.value)),
  );
  const labelWidth = Math.max(...spec.bars.map((bar) => textWidth(bar.label, TEXT.label)));
  if (valueWidth > slot - 2) return undefined;
  const flat = labelWidth <= slot - 6;
  // A turned label runs down and left from its column; the first must stay on the card.
  const turnedReach = (labelWidth + TEXT.label.size) * Math.SQRT1_2;
  const turnedFits =
    slot >= MIN_SLOT_FOR_TURNED &&
    labelWidth <= MAX_TURNED_LABEL &&
    plotLeft + slot / 2 + 4 - turnedReach >= padding;
  if (!flat && !turnedFits) return undefined;

  const plotTop = top + 28;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const labelsHeight = flat ? 22 : turnedReach + 12;
  const xTitleBaseline = plotBottom + labelsHeight + 22;
  const parts: string[] = [];

  for (const tick of axis.ticks) {
    const y = plotBottom - (tick / axis.top) * PLOT_HEIGHT;
    if (tick > 0) parts.push(svgLine(plotLeft, y, plotRight, y, COLOURS.grid));
    parts.push(
      svgText(formatValue(tick), TEXT.tick, {
        x: plotLeft - 8,
        y: y + TEXT.tick.size * MIDLINE,
        anchor: 'end',
      }),
    );
  }
  const barWidth = Math.min(slot * 0.7, MAX_COLUMN_WIDTH);
  spec.bars.forEach((bar, i) => {
    const centre = plotLeft + slot * (i + 0.5);
    const height = (bar.value / axis.top) * PLOT_HEIGHT;
    const label = flat
      ? svgText(bar.label, TEXT.label, { x: centre, y: plotBottom + 20, anchor: 'middle' })
      : svgText(bar.label, TEXT.label, {
          x: centre + 4,
          y: plotBottom + 14,
          anchor: 'end',
          rotate: -45,
        });
    parts.push(
      svgBarGroup(bar.label, bar.value, [
        svgRect(
          { x: centre - barWidth / 2, y: plotBottom - height, width: barWidth, height },
          COLOURS.bar,
        ),
        svgText(formatValue(bar.value), TEXT.value, {
          x: centre,
          y: plotBottom - height - 6,
          anchor: 'middle',
        }),
        label,
      ]),
    );
  });
  parts.push(svgLine(plotLeft, plotBottom, plotRight, plotBottom, COLOURS.axis));
  parts.push(
    svgText(fitText(spec.yLabel, PLOT_HEIGHT, TEXT.axisTitle), TEXT.axisTitle, {
      x: padding + TEXT.axisTitle.size,
      y: (plotTop + plotBottom) / 2,
      anchor: 'middle',
      rotate: -90,
    }),
    svgText(fitText(spec.xLabel, plotRight - plotLeft, TEXT.axisTitle), TEXT.axisTitle, {
      x: (plotLeft + plotRight) / 2,
      y: xTitleBaseline,
      anchor: 'middle',
    }),
  );
  return { body: parts.join(''), height: Math.max(CARD.minHeight, xTitleBaseline + padding - 4) };
}
