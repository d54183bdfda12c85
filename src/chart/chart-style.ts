import type { Font } from './text-width.js';

/**
 * The one look of every chart: an opaque light card, so the same picture
 * reads on Discord's and Slack's dark and light themes, drawn 600 px wide
 * and rendered at 2× (see pixelScale) so text stays sharp when chat shrinks
 * it to 400–520 px.
 */
export const CARD = {
  width: 600,
  minHeight: 300,
  padding: 24,
  fontFamily: 'Roboto',
} as const;

// Chat clients fit tall pictures to the screen's height, so past 1200 × 1200
// pixels a 2× render buys no sharpness, only time: a 40-row chart at 2× is
// 2.2 million pixels and costs half again as long to draw and encode.
const MAX_PIXELS = 1200 * 1200;

/**
 * How many pixels per CSS px to render a card of this size at: 2, or less
 * for tall cards so the PNG stays within 1200 × 1200 pixels' worth.
 *
 * @example
 * ```ts
 * pixelScale(600, 366); // 2
 * pixelScale(600, 908); // ≈ 1.63
 * ```
 */
export function pixelScale(width: number, height: number): number {
  return Math.min(2, Math.sqrt(MAX_PIXELS / (width * height)));
}

/**
 * Colours with at least 4.5:1 contrast on the card for text and 3:1 for
 * marks. Bars have one colour, Okabe–Ito blue, chosen to stay distinct for
 * colour-blind readers; nothing is told by colour alone.
 */
export const COLOURS = {
  card: '#FFFFFF',
  border: '#D0D7DE',
  text: '#1F2328',
  muted: '#57606A',
  grid: '#E6E9ED',
  axis: '#8C959F',
  bar: '#0072B2',
} as const;

export interface TextStyle extends Font {
  fill: string;
}

/** No text under 14 px: shown 450 px wide in chat, the 600 px card still sets it at 10.5 px. */
export const TEXT = {
  title: { size: 20, weight: 'bold', fill: COLOURS.text },
  label: { size: 14, weight: 'regular', fill: COLOURS.text },
  value: { size: 14, weight: 'bold', fill: COLOURS.text },
  tick: { size: 14, weight: 'regular', fill: COLOURS.muted },
  axisTitle: { size: 14, weight: 'bold', fill: COLOURS.muted },
} as const satisfies Record<string, TextStyle>;
