import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type ChartSpec, ChartSpecSchema } from '../../src/chart/chart-spec.js';
import { pixelScale } from '../../src/chart/chart-style.js';
import { chartSvg } from '../../src/chart/chart-svg.js';
import { encodePng } from '../../src/chart/encode-png.js';
import { renderPng } from '../../src/chart/render-png.js';
import { perYear, ranking } from './sample-specs.js';

const hex = (png: PNG, x: number, y: number) => {
  const at = (png.width * y + x) * 4;
  return [...png.data.subarray(at, at + 3)]
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
};

describe('encodePng', () => {
  it('writes RGBA pixels that a PNG decoder reads back exactly', () => {
    const pixels = Buffer.from(
      [
        [0x00, 0x72, 0xb2, 0xff],
        [0xff, 0xff, 0xff, 0xff],
        [0x1f, 0x23, 0x28, 0xff],
        [0x12, 0x34, 0x56, 0x78],
        [0x00, 0x00, 0x00, 0x00],
        [0xe6, 0xe9, 0xed, 0xff],
      ].flat(),
    );
    const png = PNG.sync.read(encodePng(pixels, 3, 2));
    expect([png.width, png.height]).toEqual([3, 2]);
    expect(Buffer.from(png.data).equals(pixels)).toBe(true);
  });
});

/** A spec drawn and rendered as the chart worker does it. */
function render(spec: ChartSpec) {
  const drawn = chartSvg(ChartSpecSchema.parse(spec));
  return { drawn, ...renderPng(drawn.svg, pixelScale(drawn.width, drawn.height)) };
}

describe('renderPng', () => {
  it('renders a PNG that decodes, at twice the SVG size and at least 600 × 300', () => {
    const rendered = render(perYear(8));
    const png = PNG.sync.read(rendered.png);
    expect([rendered.drawn.width, rendered.drawn.height]).toEqual([600, 366]);
    expect([png.width, png.height]).toEqual([1200, 732]);
    expect([rendered.width, rendered.height]).toEqual([png.width, png.height]);
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(png.height).toBeGreaterThanOrEqual(300);
  });

  it('renders a tall 40-row chart below 2× to stay within 1200 × 1200 pixels', () => {
    const { drawn, png } = render(perYear(40));
    const decoded = PNG.sync.read(png);
    expect(decoded.width * decoded.height).toBeLessThanOrEqual(1200 * 1200 * 1.01);
    expect(decoded.width).toBeGreaterThan(drawn.width * 1.5);
    expect(decoded.height / decoded.width).toBeCloseTo(drawn.height / drawn.width, 2);
  });

  it('paints an opaque light card with bars in the chart blue', () => {
    const png = PNG.sync.read(render(perYear(8)).png);
    expect(hex(png, png.width / 2, 60)).toBe('FFFFFF');
    let seeThrough = 0;
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) seeThrough++;
    expect(seeThrough).toBe(0);
    let blue = 0;
    for (let y = 0; y < png.height; y += 4) {
      for (let x = 0; x < png.width; x += 4) if (hex(png, x, y) === '0072B2') blue++;
    }
    expect(blue).toBeGreaterThan(1000);
  });

  it('draws text with the bundled font and no system fonts', () => {
    const withText = chartSvg(ChartSpecSchema.parse(ranking(['Ada Lovelace']))).svg;
    const withoutText = withText.replace(/<text[^>]*>[^<]*<\/text>/gu, '');
    const dark = (svg: string) => {
      const png = PNG.sync.read(renderPng(svg, 2).png);
      let count = 0;
      for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] as number) < 100) count++;
      return count;
    };
    expect(dark(withText) - dark(withoutText)).toBeGreaterThan(2000);
  });

  it('renders the same picture every time', () => {
    expect(render(perYear(5)).png.equals(render(perYear(5)).png)).toBe(true);
  });
});
