import type { TextStyle } from './chart-style.js';
import { escapeXml } from './escape-xml.js';

// One decimal is below what 2× rendering can show and keeps the SVG short.
const px = (value: number) => String(Math.round(value * 10) / 10);

export interface TextPlacement {
  x: number;
  y: number;
  anchor?: 'start' | 'middle' | 'end';
  /** Degrees, turning around (x, y); negative is anticlockwise. */
  rotate?: number;
}

/** A `<text>` element; `content` is escaped here, so callers pass raw labels. */
export function svgText(content: string, style: TextStyle, at: TextPlacement): string {
  const anchor = at.anchor && at.anchor !== 'start' ? ` text-anchor="${at.anchor}"` : '';
  const weight = style.weight === 'bold' ? ' font-weight="bold"' : '';
  const rotate = at.rotate ? ` transform="rotate(${at.rotate} ${px(at.x)} ${px(at.y)})"` : '';
  return `<text x="${px(at.x)}" y="${px(at.y)}" font-size="${style.size}"${weight} fill="${style.fill}"${anchor}${rotate}>${escapeXml(content)}</text>`;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A filled `<rect>`; `attributes` are trusted markup made by the chart modules. */
export function svgRect(box: Box, fill: string, attributes = ''): string {
  return `<rect x="${px(box.x)}" y="${px(box.y)}" width="${px(box.width)}" height="${px(box.height)}" fill="${fill}"${attributes ? ` ${attributes}` : ''}/>`;
}

/** A one-pixel horizontal or vertical line. */
export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${stroke}" stroke-width="1"/>`;
}

/**
 * A `<g>` holding one bar and its texts, tagged with the bar's full label
 * and value so tests and tools can read the chart back.
 */
export function svgBarGroup(label: string, value: number, children: string[]): string {
  return `<g class="bar" data-label="${escapeXml(label)}" data-value="${value}">${children.join('')}</g>`;
}
