import { describe, expect, it } from 'vitest';
import { PaperIndex } from '../../src/search/paper-index.js';
import { bundled, paperNumber } from '../support/corpus.js';

const index = new PaperIndex(bundled().papers);
const ids = bundled().papers.map((paper) => paper.id);
const ranked = (topic: string) => index.search(topic).hits.map((hit) => ids.indexOf(hit.id) + 1);

describe('PaperIndex ranking on the real corpus', () => {
  it('GIVEN a method name THEN its paper ranks first and matches strongly', () => {
    for (const [name, n] of [
      ['UEraser', 1],
      ['MORA', 2],
      ['Tomato', 21],
      ['HeteroLoRA', 10],
      ['H-Meta-NAS', 18],
    ] as const) {
      const result = index.search(name);
      expect(ranked(name)[0]).toBe(n);
      expect(result.hits[0]?.strong).toBe(true);
    }
  });

  it('GIVEN stems and spellings THEN they meet: pruning/pruned, quantisation/quantization', () => {
    expect(ranked('pruning').slice(0, 2)).toEqual([25, 23]);
    expect(ranked('quantisation')).toEqual(ranked('quantization'));
  });

  it('GIVEN abbreviations THEN synonyms find the spelled-out papers, as phrases', () => {
    expect(ranked('LLMs')).toEqual(expect.arrayContaining([7, 10, 12, 14, 17]));
    // "Large neural networks … natural language processing" is not about LLMs.
    expect(ranked('LLMs')).not.toContain(5);
    expect(ranked('NAS').slice(0, 2)).toEqual([20, 18]);
    expect(ranked('trojans')).toEqual(ranked('backdoors'));
  });

  it('GIVEN a typo within the budget THEN it is corrected and reported', () => {
    const result = index.search('Flaeron');
    expect(result.corrections).toEqual([{ from: 'flaeron', to: 'flareon' }]);
    expect(ranked('Flaeron')).toEqual([4]);
    expect(index.search('federatd learning').corrections).toEqual([
      { from: 'federatd', to: 'federated' },
    ]);
  });

  it.each([
    'protein folding',
    'sourdough',
    'gardening',
    'cooking recipes',
    'football',
    'quantum chromodynamics',
    'weather forecast',
    'blockchain',
    'holding',
    'folding',
  ])('GIVEN "%s", a topic the corpus does not cover, THEN nothing matches', (topic) => {
    const result = index.search(topic);
    expect(result.hits).toEqual([]);
    expect(result.missing.length).toBeGreaterThan(0);
  });

  it('GIVEN a non-word nothing contains among words that match THEN it is left out only when it is a small part', () => {
    const result = index.search('adversarial robustness of qxzvt models');
    expect(result.missing).toEqual(['qxzvt']);
    expect(result.partial).toBe(true);
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('GIVEN an English word nothing contains THEN it is a real constraint and nothing matches', () => {
    const result = index.search('adversarial robustness of protein models');
    expect(result.missing).toEqual(['protein']);
    expect(result.hits).toEqual([]);
  });

  it('GIVEN three or more words no paper has together THEN papers with most of them, marked partial', () => {
    const result = index.search('new defenses against backdoors');
    expect(result.partial).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.hits.map((hit) => ids.indexOf(hit.id) + 1)).toContain(4);
  });

  it('GIVEN two words never used together THEN nothing matches rather than either one', () => {
    expect(index.search('vision transformers').hits).toEqual([]);
  });

  it('GIVEN a filter THEN only allowed papers are ranked', () => {
    const allowed = new Set([paperNumber(4).id]);
    expect(
      index.search('backdoors', { allowed: (id) => allowed.has(id) }).hits.map((h) => h.id),
    ).toEqual([...allowed]);
  });
});
