import { describe, expect, it } from 'vitest';
import { textBars } from '../../src/chart/text-bars.js';
import { perYear, ranking } from './sample-specs.js';

describe('textBars', () => {
  it('prints the title, then label, bar and count per group', () => {
    const spec = {
      ...perYear(3),
      bars: [
        { label: '2023', value: 4 },
        { label: '2024', value: 0 },
        { label: '2025', value: 8 },
      ],
    };
    expect(textBars(spec)).toBe(
      ['Papers per year', `2023 ${'▇'.repeat(15)} 4`, '2024 0', `2025 ${'▇'.repeat(30)} 8`].join(
        '\n',
      ),
    );
  });

  it('prints a single group as one full bar', () => {
    expect(textBars(perYear(1))).toBe(`Papers per year\n2025 ${'▇'.repeat(30)} 1`);
  });

  it('prints 40 groups as 40 aligned lines with every count, the smallest still visible', () => {
    const spec = perYear(40);
    const lines = textBars(spec).split('\n').slice(1);
    expect(lines).toHaveLength(40);
    lines.forEach((line, i) => {
      const bar = spec.bars[i];
      expect(line).toMatch(new RegExp(`^${bar?.label} ▇+ ${bar?.value}$`, 'u'));
    });
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('aligns bars after labels of different lengths, cutting long ones', () => {
    const long = 'Proceedings of the International Conference on Machine Learning';
    const lines = textBars(ranking(['Ada', long, 'Alan Turing']))
      .split('\n')
      .slice(1);
    const barStarts = lines.map((line) => line.indexOf('▇'));
    expect(new Set(barStarts).size).toBe(1);
    expect(lines[1]).toMatch(/^Proceedings of the… ▇+ 2$/u);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });

  it('drops terminal escapes and newlines from labels', () => {
    const lines = textBars(ranking(['Evil\u001b[2J\u001b]0;title\u0007 Name', 'Two\nLines'])).split(
      '\n',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Evil\[2J\]0;title Name ▇+ 2$/u);
    expect(lines[2]).toMatch(/^Two Lines +▇+ 1$/u);
  });
});
