import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ChartSpecSchema } from '../../src/chart/chart-spec.js';
import { CARD } from '../../src/chart/chart-style.js';
import { chartSvg } from '../../src/chart/chart-svg.js';
import { renderPng } from '../../src/chart/render-png.js';
import { perYear, ranking } from './sample-specs.js';

const hex = (png: PNG, x: number, y: number) => {
  const at = (png.width * y + x) * 4;
  return [...png.data.subarray(at, at + 3)]
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
};

describe('renderPng', () => {
  it('renders a PNG that decodes, at twice the SVG size and at least 600 × 300', () => {
    const { svg, width, height } = chartSvg(ChartSpecSchema.parse(perYear(8)));
    const rendered = renderPng(svg);
    const png = PNG.sync.read(rendered.png);
    expect([png.width, png.height]).toEqual([width * CARD.scale, height * CARD.scale]);
    expect([rendered.width, rendered.height]).toEqual([png.width, png.height]);
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(png.height).toBeGreaterThanOrEqual(300);
  });

  it('paints an opaque light card with bars in the chart blue', () => {
    const png = PNG.sync.read(renderPng(chartSvg(ChartSpecSchema.parse(perYear(8))).svg).png);
    expect(hex(png, png.width / 2, 60)).toBe('FFFFFF');
    expect(png.data[(png.width * 60 + png.width / 2) * 4 + 3]).toBe(255);
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
      const png = PNG.sync.read(renderPng(svg).png);
      let count = 0;
      for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] as number) < 100) count++;
      return count;
    };
    expect(dark(withText) - dark(withoutText)).toBeGreaterThan(2000);
  });

  it('renders the same picture every time', () => {
    const { svg } = chartSvg(ChartSpecSchema.parse(perYear(5)));
    expect(renderPng(svg).png.equals(renderPng(svg).png)).toBe(true);
  });
});
