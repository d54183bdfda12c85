import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { identifyPeople } from '../../src/people/identities.js';
import { bundled } from '../support/corpus.js';

/** Papers whose only interesting fact is who wrote them. */
function papersBy(...authorLists: string[][]): Paper[] {
  return authorLists.map((authors, i) => ({
    id: `p${i + 1}`,
    title: `Paper ${i + 1}`,
    authors,
    authorsTruncated: false,
    published: '2024-01-01',
    category: 'cs.LG',
    categoryName: 'Machine Learning',
    hasCode: false,
    abstract: '',
    aliases: [],
    sources: [],
    source: `test:${i + 1}`,
  }));
}

/** Display names per input spelling, in order. */
function shown(spellings: string[], overrides?: Parameters<typeof identifyPeople>[1]): string[] {
  const { papers } = identifyPeople(papersBy(...spellings.map((name) => [name])), overrides);
  return papers.map((paper) => paper.authors[0] as string);
}

describe('identifyPeople', () => {
  it.each([
    ['case', 'Cheng-Zhong Xu', 'Cheng-zhong Xu'],
    ['a given name written without its hyphen', 'Cheng-Zhong Xu', 'Chengzhong Xu'],
    ['a given name written with a space', 'Cheng-Zhong Xu', 'Cheng Zhong Xu'],
    ['a middle initial with a dot', 'Robert Mullins', 'Robert D. Mullins'],
    ['a middle initial without a dot', 'Robert Mullins', 'Robert D Mullins'],
    ['a dotted and an undotted initial', 'Robert D Mullins', 'Robert D. Mullins'],
    ['a middle initial on another person', 'George Constantinides', 'George A. Constantinides'],
    ['several middle initials', 'Peter Cheung', 'Peter Y. K. Cheung'],
    ['accents', 'Łukasz Dudziak', 'Lukasz Dudziak'],
    ['accents in a surname', 'Nicolò Fusi', 'Nicolo Fusi'],
    ['a hyphenated given name in another case', 'Yu-liang Lu', 'Yu-Liang Lu'],
  ])('GIVEN %s THEN the two spellings are one person', (_why, a, b) => {
    const [first, second] = shown([a, a, b]).slice(1);
    expect(second).toBe(first);
  });

  it.each([
    ['different surnames', 'Xuan Wang', 'Xuan Guo'],
    ['different given names', 'Cheng Zhang', 'Cheng-Zhong Xu'],
    ['a shared surname and initial', 'Yiren Zhao', 'Yang Zhao'],
    ['a shared surname and initial, dotted', 'Juanjuan Zhao', 'Jiayu Zhao'],
    ['different middle initials', 'Robert D. Mullins', 'Robert E. Mullins'],
    ['a middle name written out', 'Yuchen Jiang', 'Yuchen Eleanor Jiang'],
    ['a given name that is a prefix of another', 'Yu Lu', 'Yu-liang Lu'],
  ])('GIVEN %s THEN they stay different people', (_why, a, b) => {
    const [first, second] = shown([a, b]);
    expect(first).toBe(a);
    expect(second).toBe(b);
  });

  it('GIVEN spellings of one person THEN the most common one is shown', () => {
    expect(new Set(shown(['Chengzhong Xu', 'Cheng-Zhong Xu', 'Cheng-Zhong Xu']))).toEqual(
      new Set(['Cheng-Zhong Xu']),
    );
  });

  it('GIVEN a bare spelling beside two different middle initials THEN it is not guessed', () => {
    expect(shown(['Robert D. Mullins', 'Robert E. Mullins', 'Robert Mullins'])).toEqual([
      'Robert D. Mullins',
      'Robert E. Mullins',
      'Robert Mullins',
    ]);
  });

  it('GIVEN initials only THEN they join the one person they fit, and stay apart when several fit', () => {
    expect(shown(['Robert Mullins', 'Robert Mullins', 'R. Mullins'])[2]).toBe('Robert Mullins');
    expect(shown(['Yiren Zhao', 'Yang Zhao', 'Y. Zhao'])[2]).toBe('Y. Zhao');
  });

  it('GIVEN a hand-made "same" group THEN a changed surname is one person, shown as listed first', () => {
    const overrides = { same: [['Jane Smith', 'Jane Doe']], different: [] };
    expect(shown(['Jane Doe', 'Jane Doe', 'Jane Smith'], overrides)).toEqual([
      'Jane Smith',
      'Jane Smith',
      'Jane Smith',
    ]);
  });

  it('GIVEN a hand-made "different" group THEN spellings the rules would join stay apart', () => {
    const overrides = { same: [], different: [['Robert Mullins', 'Robert D. Mullins']] };
    expect(shown(['Robert Mullins', 'Robert D. Mullins'], overrides)).toEqual([
      'Robert Mullins',
      'Robert D. Mullins',
    ]);
  });

  it('GIVEN an override naming nobody THEN it is reported', () => {
    const { problems } = identifyPeople(papersBy(['Ann Lee']), {
      same: [['Ann Lee', 'Anne Lee']],
      different: [],
    });
    expect(problems.map((p) => p.message)).toEqual(["“Anne Lee” is no author's spelling"]);
  });

  it('GIVEN the bundled corpus THEN counts are per person, not per spelling', () => {
    const { people } = bundled();
    const byName = new Map(people.map((person) => [person.name, person]));
    expect(byName.get('Cheng-Zhong Xu')?.paperIds).toHaveLength(12);
    expect(byName.get('Cheng-Zhong Xu')?.spellings.sort()).toEqual(
      ['Cheng-Zhong Xu', 'Cheng-zhong Xu', 'Chengzhong Xu'].sort(),
    );
    expect(byName.get('Robert Mullins')?.paperIds).toHaveLength(9);
    expect(byName.get('Yiren Zhao')?.paperIds).toHaveLength(13);
    expect(byName.get('George A. Constantinides')?.paperIds).toHaveLength(3);
    for (const spelling of [
      'Cheng-zhong Xu',
      'Chengzhong Xu',
      'Robert D. Mullins',
      'Robert D Mullins',
    ]) {
      expect(byName.has(spelling)).toBe(false);
    }
    const names = new Set(bundled().papers.flatMap((paper) => paper.authors));
    expect(names.size).toBe(people.length);
  });
});
