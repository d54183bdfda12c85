import { describe, expect, it } from 'vitest';
import { isSearchQuery, type Query, type SearchQuery } from '../../src/query/query.js';
import { MAX_QUESTION_LENGTH } from '../../src/query/question-text.js';
import { bundled, TODAY } from '../support/corpus.js';

const parse = (text: string, today = TODAY): Query => bundled().core.parse(text, { today });

function search(text: string, today = TODAY): SearchQuery {
  const query = parse(text, today);
  if (!isSearchQuery(query)) throw new Error(`"${text}" parsed as ${query.intent}`);
  return query;
}

const authorsOf = (text: string) => search(text).filters.authors.map((a) => a.names);

describe('parseQuery: people', () => {
  it.each([
    ['papers by Yiren Zhao', 'Yiren Zhao'],
    ['papers by yiren zhao', 'Yiren Zhao'],
    ['Zhao Yiren', 'Yiren Zhao'],
    ['papers by Y. Zhao', 'Yiren Zhao'],
    ['lukasz dudziak', 'Łukasz Dudziak'],
    ['Shumailov', 'Ilia Shumailov'],
    ["Shumailov's papers", 'Ilia Shumailov'],
    ['papers by Chengzhong Xu', 'Cheng-Zhong Xu'],
    ['qi an fu', 'Qi-An Fu'],
    ['papers by Yiren Zaho', 'Yiren Zhao'],
  ])('GIVEN "%s" THEN the author is %s', (text, name) => {
    expect(authorsOf(text)).toEqual([[name]]);
  });

  it('GIVEN near names THEN they are never confused', () => {
    expect(authorsOf('papers by Cheng Zhang')).toEqual([['Cheng Zhang']]);
    expect(authorsOf('papers by Xuan Wang')).toEqual([['Xuan Wang']]);
    expect(authorsOf('papers by Xuan Guo')).toEqual([['Xuan Guo']]);
  });

  it('GIVEN a bare shared surname THEN every bearer is a candidate', () => {
    expect(authorsOf('papers by Zhao')).toEqual([['Juanjuan Zhao', 'Yiren Zhao']]);
  });

  it('GIVEN "and" and "or" between names THEN both must match, or either may', () => {
    expect(authorsOf('papers by Xitong Gao and Yiren Zhao')).toEqual([
      ['Xitong Gao'],
      ['Yiren Zhao'],
    ]);
    expect(authorsOf('papers by Yiren Zhao or Xitong Gao')).toEqual([['Yiren Zhao', 'Xitong Gao']]);
  });

  it('GIVEN an unknown name after "by" THEN it is reported with suggestions, not searched as a topic', () => {
    expect(search('papers by Nobody Person').filters.unknownAuthors).toEqual([
      { asked: 'Nobody Person', suggestions: [] },
    ]);
    expect(search('papers by Yuren Zhang').filters.unknownAuthors[0]?.suggestions).toEqual([
      'Yiren Zhao',
      'Cheng Zhang',
      'Ge Zhang',
    ]);
    expect(search('papers by Nobody Person').filters.topic).toBeUndefined();
  });

  it('GIVEN a method name that looks like a word THEN it is a topic, not a person', () => {
    expect(search('LoRA').filters).toMatchObject({ authors: [], topic: 'LoRA' });
    expect(search('Tomato').filters).toMatchObject({ authors: [], topic: 'Tomato' });
  });
});

describe('parseQuery: dates relative to today', () => {
  const dates = (text: string, today = TODAY) => search(text, today).filters.dates;

  it.each([
    ['papers in 2023', '2023-01-01', '2023-12-31'],
    ['papers from 2021', '2021-01-01', '2021-12-31'],
    ['since 2022', '2022-01-01', undefined],
    ['papers published after 2024', '2025-01-01', undefined],
    ['before 2022', undefined, '2021-12-31'],
    ['between 2019 and 2021', '2019-01-01', '2021-12-31'],
    ['from 2018 to 2019', '2018-01-01', '2019-12-31'],
    ['2018-2019', '2018-01-01', '2019-12-31'],
    ['between 2025 and 2019', '2019-01-01', '2025-12-31'],
    ['in March 2025', '2025-03-01', '2025-03-31'],
    ['feb 2024', '2024-02-01', '2024-02-29'],
    ['last year', '2025-01-01', '2025-12-31'],
    ['this year', '2026-01-01', TODAY],
    ['in the past 2 years', '2024-11-25', TODAY],
    ['recent papers', '2024-11-25', TODAY],
    ['since 2020 and before 2023', '2020-01-01', '2022-12-31'],
    ['year:2019..2021', '2019-01-01', '2021-12-31'],
    ['papers from Q2 2025', '2025-04-01', '2025-06-30'],
    ["what's new?", '2024-11-25', TODAY],
  ])('GIVEN "%s" THEN the range is %s … %s', (text, from, to) => {
    const range = dates(text);
    expect(range?.from).toBe(from);
    expect(range?.to).toBe(to);
  });

  it('GIVEN another today THEN relative dates move with it', () => {
    expect(dates('last year', '2031-06-01')).toMatchObject({
      from: '2030-01-01',
      to: '2030-12-31',
    });
  });

  it('GIVEN numbers that are not years THEN no date is read', () => {
    expect(dates('CIFAR-10 accuracy')).toBeUndefined();
    expect(dates('top 3 papers')).toBeUndefined();
  });
});

describe('parseQuery: shapes, order and filters', () => {
  it.each([
    ['how many papers in 2024?', 'count'],
    ['what is UEraser?', 'detail'],
    ['tell me about APBench', 'detail'],
    ['sitatapatra abstract', 'detail'],
    ['who does Tianrui Qin work with?', 'coauthors'],
    ['co-authors of Yiren Zhao', 'coauthors'],
    ['cite Flareon', 'cite'],
    ['bibtex for MORA', 'cite'],
    ['latest on backdoors', 'list'],
    ['who is Yiren Zhao?', 'list'],
    ['who wrote Flareon?', 'detail'],
    ['when was UEraser published?', 'detail'],
    ['authors of the Tomato paper', 'detail'],
  ])('GIVEN "%s" THEN the intent is %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it.each(['', '   ', 'help', '?', 'what can you do'])('GIVEN "%s" THEN help', (text) => {
    expect(parse(text)).toEqual({ intent: 'help', ignored: [] });
  });

  it('GIVEN ordering words THEN order and limit follow', () => {
    expect(search('latest on backdoors')).toMatchObject({
      order: 'newest',
      filters: { topic: 'backdoors' },
    });
    expect(search('most recent paper')).toMatchObject({ order: 'newest', limit: 1 });
    expect(search('earliest paper by Xitong Gao')).toMatchObject({ order: 'oldest', limit: 1 });
    expect(search('top 3 papers on pruning')).toMatchObject({ order: 'relevance', limit: 3 });
    expect(search('5 newest papers')).toMatchObject({ order: 'newest', limit: 5 });
    expect(search('papers by Yiren Zhao, newest first')).toMatchObject({ order: 'newest' });
    expect(search('backdoor papers, oldest ones first')).toMatchObject({ order: 'oldest' });
  });

  it('GIVEN code and category phrases THEN they become filters, not topic words', () => {
    expect(search('papers with code about agents').filters).toMatchObject({
      hasCode: true,
      topic: 'agents',
    });
    expect(search('how many papers have code?').filters).toMatchObject({ hasCode: true });
    expect(search('papers without code').filters).toMatchObject({ hasCode: false });
    expect(search('computer vision papers').filters).toMatchObject({ categories: ['cs.CV'] });
    expect(search('cs.CR').filters).toMatchObject({ categories: ['cs.CR'] });
    expect(search('CL papers').filters).toMatchObject({ categories: ['cs.CL'] });
    expect(search('adversarial machine learning').filters).toMatchObject({
      categories: [],
      topic: 'adversarial machine learning',
    });
  });

  it('GIVEN a question over the length cap THEN it is refused with the limit in the message', () => {
    const query = parse('x'.repeat(MAX_QUESTION_LENGTH + 1));
    expect(query.intent).toBe('refuse');
    expect(query.intent === 'refuse' && query.reason).toContain(String(MAX_QUESTION_LENGTH));
  });
});
