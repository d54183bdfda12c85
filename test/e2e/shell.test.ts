import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

describe('the shell, as the real start entry point with piped input', () => {
  it('GIVEN a question and follow-up lines THEN each next line refines the one before, and a new question stands alone', async () => {
    const input = [
      'papers by Tianrui Qin',
      'and in 2025?',
      'older ones',
      'only with code',
      'what is UEraser?',
      'more',
    ].join('\n');
    const result = await runScript('src/main.ts', [], { input: `${input}\n` });
    expect(result.code).toBe(0);
    const expected = [
      '5 papers by Tianrui Qin, newest first:\n1. Flash-Searcher',
      '2 papers by Tianrui Qin in 2025, newest first:\n1. Flash-Searcher',
      '2 papers by Tianrui Qin in 2025, oldest first:\n1. OAgents',
      '1 paper by Tianrui Qin in 2025 with code:\n1. OAgents',
      'Learning the Unlearnable: Adversarial Augmentations Suppress Unlearnable Example Attacks\n',
      'That was all (1 result).',
    ];
    const at = expected.map((text) => result.stdout.indexOf(text));
    expect(
      at.every((index) => index >= 0),
      result.stdout,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
