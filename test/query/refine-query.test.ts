import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../src/query/query.js';
import { bundled, numbersOf, TODAY } from '../support/corpus.js';

const { core } = bundled();
const previous = core.parse('papers by Tianrui Qin', { today: TODAY }) as SearchQuery;
const refine = (text: string, from: SearchQuery = previous) =>
  core.refine(from, text, { today: TODAY });
const refined = (text: string, from?: SearchQuery) => {
  const result = refine(text, from);
  if (result?.kind !== 'query') throw new Error(`"${text}" was not read as a refinement`);
  return core.answer(result.query, { limit: 20 });
};

describe('follow-ups read as changes to the previous question', () => {
  it('GIVEN "and in 2025?" THEN the person stays and the year is added', () => {
    const answer = refined('and in 2025?');
    expect(answer.understood).toBe('papers by Tianrui Qin · in 2025 · newest first');
    expect(answer.papers.every((paper) => paper.published.startsWith('2025'))).toBe(true);
    expect(answer.total).toBeGreaterThan(0);
  });

  it('GIVEN a new date after a date THEN the new one replaces the old one', () => {
    const in2019 = refine('in 2019');
    if (in2019?.kind !== 'query') throw new Error('not a refinement');
    expect(refined('and in 2025?', in2019.query).understood).toBe(
      'papers by Tianrui Qin · in 2025 · newest first',
    );
  });

  it('GIVEN "but not in 2025" or "and not about backdoors" THEN those are left out of the same question', () => {
    expect(refined('but not in 2025').understood).toBe(
      'papers by Tianrui Qin · not in 2025 · newest first',
    );
    expect(refined('and not about backdoors').understood).toBe(
      'papers by Tianrui Qin · not about “backdoors” · newest first',
    );
  });

  it('GIVEN "only with code" THEN only papers with code', () => {
    const answer = refined('only with code');
    expect(answer.papers.every((paper) => paper.hasCode)).toBe(true);
    expect(answer.total).toBeLessThan(core.answer(previous).total);
  });

  it('GIVEN "just first-author ones" THEN only papers the person wrote first', () => {
    const answer = refined('just first-author ones');
    expect(answer.understood).toBe('papers by Tianrui Qin as first author · newest first');
    expect(answer.papers.map((paper) => paper.authors[0])).toEqual(
      answer.papers.map(() => 'Tianrui Qin'),
    );
    expect(answer.total).toBeLessThan(core.answer(previous).total);
  });

  it('GIVEN "older ones" THEN the same papers, oldest first', () => {
    const answer = refined('older ones');
    const newest = core.answer(previous, { limit: 20 });
    expect(numbersOf(answer.papers)).toEqual(numbersOf(newest.papers).reverse());
  });

  it('GIVEN "more" THEN the next page is asked for', () => {
    expect(refine('more')).toEqual({ kind: 'next-page' });
    expect(refine('show more please')).toEqual({ kind: 'next-page' });
  });

  it('GIVEN "what about <person>?" THEN the person is replaced; "how many?" THEN a count', () => {
    expect(refined('what about Yiren Zhao?').understood).toBe(
      'papers by Yiren Zhao · newest first',
    );
    expect(refined('how many?')).toMatchObject({ shape: 'count', count: 5 });
  });

  it('GIVEN a question of its own THEN it is not a refinement', () => {
    for (const text of [
      'what is UEraser?',
      'papers by Yiren Zhao',
      'papers with code',
      'backdoors',
      'thanks',
      'and what about gardening?',
      'papers by Yuren Zhang',
      '',
    ])
      expect(refine(text), text).toBeUndefined();
  });

  it('GIVEN "first-author ones" after a question about nobody in particular THEN it is not a refinement', () => {
    expect(
      refine('just first-author ones', core.parse('backdoors') as SearchQuery),
    ).toBeUndefined();
  });
});

describe('structured entry points', () => {
  const flareon = bundled().papers.find((paper) => paper.title.startsWith('Flareon'));

  it('GIVEN a paper id THEN its detail and its citation, without any query text', () => {
    const id = flareon?.id as string;
    expect(core.answer(core.paperQuery(id, 'detail'))).toMatchObject({
      shape: 'detail',
      papers: [flareon],
    });
    expect(core.answer(core.paperQuery(id, 'cite')).bibtex).toContain('@misc{qin2022flareon,');
  });

  it('GIVEN a typed title instead of a picked id THEN the title is searched', () => {
    expect(core.answer(core.paperQuery('Flareon', 'detail')).papers).toEqual([flareon]);
  });

  it('GIVEN a person id THEN their papers newest first and their co-authors', () => {
    const list = core.answer(core.personQuery('tianrui-qin', 'list'));
    expect(list.headline).toBe('5 papers by Tianrui Qin, newest first');
    const coauthors = core.answer(core.personQuery('tianrui-qin', 'coauthors'));
    expect(coauthors.people?.[0]).toEqual({ id: 'xitong-gao', name: 'Xitong Gao', papers: 5 });
  });

  it('GIVEN a typed name with a typo THEN the person; GIVEN nobody THEN suggestions', () => {
    expect(core.answer(core.personQuery('Tianrui Qim', 'list')).total).toBe(5);
    expect(core.answer(core.personQuery('Yuren Zhang', 'list')).notes[0]).toMatch(
      /^No author named Yuren Zhang in the corpus; did you mean/u,
    );
  });

  it('GIVEN a typed query THEN select picks the ids it matches', () => {
    const ids = bundled().papers.map((paper) => paper.id);
    const picked = core.select(core.parse('papers by Tianrui Qin'), ids);
    expect(picked).toHaveLength(5);
    expect(core.select({ intent: 'help', ignored: [] }, ids)).toHaveLength(ids.length);
  });
});
