import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { CARD } from './chart-style.js';

// resvg sees no system fonts: text renders the same on a laptop and in a
// slim container with none. DejaVu Sans comes from the dejavu-fonts-ttf
// package (Bitstream Vera licence, which allows redistribution).
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

export interface Png {
  png: Buffer;
  /** Pixels: the SVG's size times the scale. */
  width: number;
  height: number;
}

/**
 * Rasterises a chart SVG to PNG at `scale` times its size. Synchronous and
 * CPU-bound for tens of milliseconds: the bot calls it in a worker thread.
 *
 * @example
 * ```ts
 * const { png, width, height } = renderPng(chartSvg(spec).svg); // 1200 × 720
 * ```
 */
export function renderPng(svg: string, scale: number = CARD.scale): Png {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: CARD.fontFamily,
      sansSerifFamily: CARD.fontFamily,
    },
    logLevel: 'off',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
