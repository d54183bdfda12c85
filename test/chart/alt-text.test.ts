import { describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX, altText } from '../../src/chart/alt-text.js';
import { perYear, ranking } from './sample-specs.js';

describe('altText', () => {
  it('states the title, the axes and every group with its number', () => {
    expect(altText(perYear(3))).toBe(
      'Papers per year. Bar chart, Papers by Year: 2023: 1, 2024: 8, 2025: 2.',
    );
    expect(altText(ranking(['Ada Lovelace', 'Alan Turing']))).toBe(
      'Top co-authors of Yiren Zhao. Ranked bar chart, Shared papers by Co-author: Ada Lovelace: 2, Alan Turing: 1.',
    );
  });

  it('states all 40 years of a 40-group chart', () => {
    const text = altText(perYear(40));
    for (const bar of perYear(40).bars) expect(text).toContain(`${bar.label}: ${bar.value}`);
  });

  it('sums up the groups past the length limit by count and range', () => {
    const names = Array.from({ length: 50 }, (_, i) => `Author Number ${i} of the Long Names`);
    const text = altText(ranking(names));
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(text).toContain('Author Number 0 of the Long Names: 50');
    expect(text).toMatch(/, and \d+ more, 1 to \d+ each\.$/u);
  });
});
