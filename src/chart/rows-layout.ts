import type { ChartSpec } from './chart-spec.js';
import { CARD, COLOURS, TEXT } from './chart-style.js';
import { type Layout, MIDLINE } from './layout.js';
import { svgBarGroup, svgLine, svgRect, svgText } from './svg-elements.js';
import { fitText, textWidth } from './text-width.js';
import { formatValue } from './value-axis.js';

// Rows get shorter as they get more numerous, never below a 14 px label's line.
const rowHeight = (rows: number) => (rows <= 12 ? 30 : rows <= 24 ? 24 : 20);
const MAX_ROW_HEIGHT = 44;
const MAX_BAR_THICKNESS = 26;
// Names longer than this share of the card are cut, so bars keep room to differ.
const MAX_LABEL_SHARE = 0.4;

/**
 * Horizontal bars, one row per group in the given order: the label
 * right-aligned before its bar, the value after it. A header names the
 * groups (`xLabel`) and the values (`yLabel`). Few rows are spread to fill
 * the card's minimum height; many rows make the card taller.
 */
export function rowsLayout(spec: ChartSpec, top: number): Layout {
  const { padding, width } = CARD;
  const rows = spec.bars.length;
  const headerHeight = 30;
  const room = CARD.minHeight - top - headerHeight - padding;
  const rowHeightPx = Math.max(rowHeight(rows), Math.min(MAX_ROW_HEIGHT, room / rows));
  // A short list sits in the middle of the space a minimum-height card leaves.
  const headerTop = top + Math.max(0, (room - rows * rowHeightPx) / 2);
  const rowsTop = headerTop + headerHeight;

  const labelColumn = Math.min(
    Math.max(
      textWidth(spec.xLabel, TEXT.axisTitle),
      ...spec.bars.map((bar) => textWidth(bar.label, TEXT.label)),
    ),
    (width - 2 * padding) * MAX_LABEL_SHARE,
  );
  const labelRight = padding + labelColumn;
  const barLeft = labelRight + 12;
  const valueWidth = Math.max(
    ...spec.bars.map((bar) => textWidth(formatValue(bar.value), TEXT.value)),
  );
  const barRoom = width - padding - valueWidth - 8 - barLeft;
  const max = Math.max(...spec.bars.map((bar) => bar.value)) || 1;
  const thickness = Math.min(rowHeightPx * 0.7, MAX_BAR_THICKNESS);

  const parts = [
    svgText(fitText(spec.xLabel, labelColumn, TEXT.axisTitle), TEXT.axisTitle, {
      x: labelRight,
      y: headerTop + 18,
      anchor: 'end',
    }),
    svgText(fitText(spec.yLabel, width - padding - barLeft, TEXT.axisTitle), TEXT.axisTitle, {
      x: barLeft,
      y: headerTop + 18,
    }),
  ];
  spec.bars.forEach((bar, i) => {
    const middle = rowsTop + rowHeightPx * (i + 0.5);
    const length = (bar.value / max) * barRoom;
    parts.push(
      svgBarGroup(bar.label, bar.value, [
        svgRect(
          { x: barLeft, y: middle - thickness / 2, width: length, height: thickness },
          COLOURS.bar,
        ),
        svgText(formatValue(bar.value), TEXT.value, {
          x: barLeft + length + 6,
          y: middle + TEXT.value.size * MIDLINE,
        }),
        svgText(fitText(bar.label, labelColumn, TEXT.label), TEXT.label, {
          x: labelRight,
          y: middle + TEXT.label.size * MIDLINE,
          anchor: 'end',
        }),
      ]),
    );
  });
  const rowsBottom = rowsTop + rows * rowHeightPx;
  parts.push(svgLine(barLeft, rowsTop - 2, barLeft, rowsBottom + 2, COLOURS.axis));
  return { body: parts.join(''), height: Math.max(CARD.minHeight, rowsBottom + padding) };
}
