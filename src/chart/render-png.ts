import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { CARD, COLOURS } from './chart-style.js';
import { encodePng } from './encode-png.js';

/**
 * Roboto regular and bold, from @expo-google-fonts/roboto: an npm package of
 * static TTFs (fontsource ships only WOFF, which resvg cannot read), under
 * the SIL Open Font License 1.1, which allows bundling. resvg sees no system
 * fonts, so text renders the same on a laptop and in a container with none.
 * resvg's time per glyph grows with the font file's size: measured here,
 * Roboto (159 KB; Latin, Greek, Cyrillic) sets a 40-name chart's text 3×
 * faster than DejaVu Sans (757 KB), the difference between meeting the
 * 100 ms target and missing it.
 */
export const FONT_FILES = ['400Regular/Roboto_400Regular.ttf', '700Bold/Roboto_700Bold.ttf'].map(
  (file) => createRequire(import.meta.url).resolve(`@expo-google-fonts/roboto/${file}`),
);

export interface Png {
  png: Buffer;
  /** Pixels: the SVG's size times the scale. */
  width: number;
  height: number;
}

/**
 * Rasterises a chart SVG to PNG at `scale` pixels per CSS px (pixelScale
 * picks it). Synchronous and CPU-bound for tens of milliseconds: the bot
 * calls it in a worker thread.
 *
 * @example
 * ```ts
 * const { svg, width, height } = chartSvg(spec);
 * const png = renderPng(svg, pixelScale(width, height)); // 1200 × 732 for 600 × 366
 * ```
 */
export function renderPng(svg: string, scale: number): Png {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    // Opaque everywhere, so the pixels need no un-premultiplying before encoding.
    background: COLOURS.card,
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: CARD.fontFamily,
      sansSerifFamily: CARD.fontFamily,
    },
    logLevel: 'off',
  }).render();
  return {
    png: encodePng(image.pixels, image.width, image.height),
    width: image.width,
    height: image.height,
  };
}
