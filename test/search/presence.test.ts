import { describe, expect, it } from 'vitest';
import { PaperIndex } from '../../src/search/paper-index.js';
import { PresenceSets } from '../../src/search/presence-sets.js';
import { bundled } from '../support/corpus.js';

const papers = bundled().papers;
const ids = (index: PaperIndex, topic: string) =>
  index
    .search(topic)
    .hits.map((hit) => hit.id)
    .sort();

describe('common terms as presence bits', () => {
  // The real corpus is small, so lower the thresholds to make its frequent words "common".
  const full = new PaperIndex(papers);
  const compact = new PaperIndex(papers, { common: { share: 0.3, minPapers: 10 } });

  it.each([
    'federated learning',
    'learning',
    'adversarial attacks',
    'models with data',
    'backdoor attacks on models',
  ])('GIVEN "%s" THEN the same papers match as with every term scored', (topic) => {
    expect(ids(compact, topic)).toEqual(ids(full, topic));
  });

  it('GIVEN a synonym phrase made only of common words THEN its words are required, in any order', () => {
    const matched = ids(compact, 'deep neural networks');
    expect(matched).toEqual(expect.arrayContaining(ids(full, 'deep neural networks')));
    for (const id of matched) {
      const text = JSON.stringify(papers.find((p) => p.id === id)).toLowerCase();
      for (const word of ['deep', 'neural', 'network']) expect(text).toContain(word);
    }
  });

  it('GIVEN a filter THEN it still applies alongside the common words', () => {
    const only = new Set([papers[0]?.id, papers[1]?.id]);
    expect(
      compact
        .search('learning', { allowed: (id) => only.has(id) })
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual(
      full
        .search('learning', { allowed: (id) => only.has(id) })
        .hits.map((h) => h.id)
        .sort(),
    );
  });

  it('GIVEN a snapshot THEN the common terms survive it', () => {
    const restored = PaperIndex.fromSnapshot(compact.toSnapshot(), papers);
    expect(ids(restored, 'adversarial attacks')).toEqual(ids(full, 'adversarial attacks'));
  });

  it('GIVEN bits set for papers THEN membership and intersections are exact across word boundaries', () => {
    const names = Array.from({ length: 70 }, (_, i) => `p${i}`);
    const sets = new PresenceSets(names, ['a', 'b']);
    for (const position of [0, 31, 32, 33, 69]) sets.mark('a', position);
    for (const position of [31, 33, 40]) sets.mark('b', position);
    expect(sets.mark('c', 1)).toBe(false);
    expect(sets.papersWithAll(['a'])).toEqual(['p0', 'p31', 'p32', 'p33', 'p69']);
    expect(sets.papersWithAll(['a', 'b'])).toEqual(['p31', 'p33']);
    expect(sets.hasAll('p33', ['a', 'b'])).toBe(true);
    expect(sets.hasAll('p32', ['a', 'b'])).toBe(false);
    expect(
      PresenceSets.fromJSON(JSON.parse(JSON.stringify(sets.toJSON()))).papersWithAll(['a', 'b']),
    ).toEqual(['p31', 'p33']);
  });
});
