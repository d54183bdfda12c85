import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { type ChartSpec, ChartSpecSchema } from '../../src/chart/chart-spec.js';
import { CARD, TEXT } from '../../src/chart/chart-style.js';
import { chartSvg } from '../../src/chart/chart-svg.js';
import { FONT_FILES } from '../../src/chart/render-png.js';
import { textWidth } from '../../src/chart/text-width.js';
import { type DrawnChart, readChart } from './read-chart.js';
import { perYear, ranking } from './sample-specs.js';

const draw = (spec: ChartSpec): DrawnChart => readChart(chartSvg(ChartSpecSchema.parse(spec)).svg);

const shown = (chart: DrawnChart) =>
  chart.bars.map((bar) => bar.texts.map((text) => text.text).sort());

/** Where resvg, with the real font, draws ink once the card behind it is taken away. */
function inkBox(svg: string) {
  const withoutCard = svg.replace(/<rect x="0\.5"[^>]*\/>/u, '');
  const box = new Resvg(withoutCard, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CARD.fontFamily },
  }).getBBox();
  if (!box) throw new Error('nothing drawn');
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

describe('chartSvg', () => {
  it('draws one bar per group, in order, tagged and labelled with its count', () => {
    const spec = perYear(8);
    const chart = draw(spec);
    expect(chart.bars.map((bar) => [bar.label, bar.value])).toEqual(
      spec.bars.map((bar) => [bar.label, bar.value]),
    );
    expect(shown(chart)).toEqual(spec.bars.map((bar) => [String(bar.value), bar.label].sort()));
    const lefts = chart.bars.map((bar) => bar.rect.x);
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  });

  it('makes bar heights proportional to the counts', () => {
    const chart = draw(perYear(6));
    const perUnit = chart.bars.map((bar) => bar.rect.height / bar.value);
    for (const ratio of perUnit) expect(ratio).toBeCloseTo(perUnit[0] as number, 0);
  });

  it('names the chart, both axes and every number for screen readers', () => {
    const chart = draw(perYear(3));
    expect(chart.texts.map((text) => text.text)).toEqual(
      expect.arrayContaining(['Papers per year', 'Year', 'Papers']),
    );
    expect(chart.accessibleName).toBe(
      'Papers per year. Bar chart, Papers by Year: 2023: 1, 2024: 8, 2025: 2.',
    );
  });

  it('draws a person with papers in one year only as a single column', () => {
    const chart = draw({ ...perYear(1), title: 'Papers per year by Jane Doe' });
    expect(chart.bars).toHaveLength(1);
    expect(chart.bars[0]?.rect.height).toBeGreaterThan(100);
    expect(chart.bars[0]?.rect.width).toBeLessThanOrEqual(64);
    expect(shown(chart)).toEqual([['1', '2025']]);
  });

  it('turns year labels 45° when they do not fit flat, and keeps them whole', () => {
    const chart = draw(perYear(20));
    expect(chart.bars).toHaveLength(20);
    for (const bar of chart.bars) {
      const label = bar.texts.find((text) => text.text === bar.label);
      expect(label?.rotate).toMatch(/^rotate\(-45 /u);
    }
  });

  it('draws 40 groups as rows with every label and count readable', () => {
    const spec = perYear(40);
    const chart = draw(spec);
    expect(chart.bars).toHaveLength(40);
    expect(shown(chart)).toEqual(spec.bars.map((bar) => [String(bar.value), bar.label].sort()));
    const tops = chart.bars.map((bar) => bar.rect.y);
    const gaps = tops.slice(1).map((top, i) => top - (tops[i] as number));
    // Rows far enough apart for 14 px labels, bars that do not touch.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(TEXT.label.size + 4);
    for (const bar of chart.bars) expect(bar.rect.height).toBeLessThan(gaps[0] as number);
    expect(chart.height).toBeGreaterThan(40 * 18);
  });

  it('draws zero counts as empty bars, with no NaN anywhere', () => {
    const zeros = { ...perYear(3), bars: perYear(3).bars.map((bar) => ({ ...bar, value: 0 })) };
    for (const spec of [zeros, { ...zeros, kind: 'ranking' as const }]) {
      const { svg } = chartSvg(ChartSpecSchema.parse(spec));
      expect(svg).not.toContain('NaN');
      expect(readChart(svg).bars.map((bar) => bar.rect.height * bar.rect.width)).toEqual([0, 0, 0]);
    }
  });

  it('draws rankings as rows, largest first as given', () => {
    const chart = draw(ranking(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']));
    expect(chart.bars.map((bar) => bar.label)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
    ]);
    const widths = chart.bars.map((bar) => bar.rect.width);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    const tops = chart.bars.map((bar) => bar.rect.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  it('cuts long labels and titles with an ellipsis instead of overflowing the card', () => {
    const long = 'Proceedings of the International Conference on Machine Learning and Systems';
    const spec = {
      ...ranking([long, 'Short Name', `${long} (Workshop Track)`]),
      title: `Papers per venue for ${long}`,
    };
    const { svg, width, height } = chartSvg(ChartSpecSchema.parse(spec));
    const chart = readChart(svg);
    const labels = chart.bars.map(
      (bar) => bar.texts.find((text) => text.anchor === 'end')?.text ?? '',
    );
    expect(labels[1]).toBe('Short Name');
    for (const label of [labels[0], labels[2], chart.texts[0]?.text]) expect(label).toMatch(/…$/u);
    expect(chart.bars[0]?.label).toBe(long);
    for (const bar of chart.bars) {
      const label = bar.texts.find((text) => text.anchor === 'end');
      expect((label?.x ?? 0) - textWidth(label?.text ?? '', TEXT.label)).toBeGreaterThanOrEqual(
        CARD.padding,
      );
    }
    const ink = inkBox(svg);
    expect(ink.left).toBeGreaterThanOrEqual(CARD.padding - 2);
    expect(ink.right).toBeLessThanOrEqual(width - CARD.padding + 2);
    expect(ink.bottom).toBeLessThanOrEqual(height);
  });

  it('keeps every chart within the card margins, as resvg draws it', () => {
    const categories = ['Robotics (cs.RO)', 'Sound (cs.SD)', 'Graphics (cs.GR)', 'Logic (cs.LO)'];
    const perCategory = {
      ...perYear(12),
      bars: perYear(12).bars.map((bar, i) => ({ ...bar, label: categories[i % 4] as string })),
    };
    const specs = [perYear(1), perYear(8), perYear(20), perYear(40), perCategory, ranking(['Ada'])];
    for (const spec of specs) {
      const { svg, width, height } = chartSvg(ChartSpecSchema.parse(spec));
      const ink = inkBox(svg);
      expect(ink.left).toBeGreaterThanOrEqual(CARD.padding - 2);
      expect(ink.top).toBeGreaterThanOrEqual(CARD.padding - 2);
      expect(ink.right).toBeLessThanOrEqual(width - CARD.padding + 2);
      expect(ink.bottom).toBeLessThanOrEqual(height - CARD.padding / 2);
    }
  });

  it('escapes hostile labels so they stay text', () => {
    const hostile = [
      '<script>alert(1)</script>',
      'R&D "Lab" \'quoted\'',
      '</text><image href="http://example.com/x.png"/>',
      'bell\u0007 and\nnewline',
    ];
    const spec = { ...ranking(hostile), title: '<b>Top</b> & "co-authors"' };
    const { svg } = chartSvg(ChartSpecSchema.parse(spec));
    expect(svg).not.toMatch(/<script|<image|<b>/u);
    expect(svg).not.toContain('\u0007');
    const chart = readChart(svg);
    expect(chart.bars.map((bar) => bar.label)).toEqual([
      '<script>alert(1)</script>',
      'R&D "Lab" \'quoted\'',
      '</text><image href="http://example.com/x.png"/>',
      'bell and newline',
    ]);
    expect(chart.texts[0]?.text).toBe('<b>Top</b> & "co-authors"');
  });
});
