import { altText } from './alt-text.js';
import type { ChartSpec } from './chart-spec.js';
import { CARD, COLOURS, TEXT } from './chart-style.js';
import { columnsLayout } from './columns-layout.js';
import { escapeXml } from './escape-xml.js';
import { rowsLayout } from './rows-layout.js';
import { svgText } from './svg-elements.js';
import { fitText } from './text-width.js';

/** An SVG picture and its size in CSS px, before the 2× rendering. */
export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * Draws a chart as a self-contained SVG in the one chart style: a light card
 * with the title on top, columns or rows below. All text is escaped. Fonts
 * are named, not embedded: the PNG renderer supplies Roboto.
 *
 * @example
 * ```ts
 * const { svg, width, height } = chartSvg(ChartSpecSchema.parse(spec)); // 600 × 360
 * ```
 */
export function chartSvg(spec: ChartSpec): ChartSvg {
  const { padding, width } = CARD;
  const titleBaseline = padding + TEXT.title.size - 2;
  const top = titleBaseline + 12;
  const layout =
    (spec.kind === 'columns' ? columnsLayout(spec, top) : undefined) ?? rowsLayout(spec, top);
  const height = Math.ceil(layout.height);
  const title = svgText(fitText(spec.title, width - 2 * padding, TEXT.title), TEXT.title, {
    x: padding,
    y: titleBaseline,
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CARD.fontFamily}" role="img">`,
    `<title>${escapeXml(altText(spec))}</title>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="${COLOURS.card}" stroke="${COLOURS.border}"/>`,
    title,
    layout.body,
    '</svg>',
  ].join('');
  return { svg, width, height };
}
