import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerText, bundled, numbersOf, TODAY } from '../support/corpus.js';

const ask = (text: string) => bundled().core.ask(text, { today: TODAY, limit: 1000 });
const numbers = (text: string) => numbersOf(ask(text).papers).sort((a, b) => a - b);

describe('1. chat filler, markup and form words never narrow an answer', () => {
  const questions = [
    'papers by Kejiang Ye',
    'cs.CR papers',
    'papers from Q3 2025',
    'latest on backdoors',
    'NeurIPS papers',
    'federated learning',
  ];
  const before = [
    '',
    '<@U0ABC123> ',
    '<@123456789012345678> ',
    '<@!123456789012345678> ',
    '@pubbot ',
    'hey bot, ',
    'yo ',
    'hi! ',
    'ok cool, and ',
    'thx! also ',
    'could u show me ',
  ];
  const after = ['', ' pls', ' thx', ' 🙏', ' :)', ' please!', ' thanks!!', ' ty', ' 👍👍'];

  it('GIVEN any mix of chat noise around a question THEN the same papers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...questions),
        fc.constantFrom(...before),
        fc.constantFrom(...after),
        (question, prefix, suffix) => {
          expect(numbers(`${prefix}${question}${suffix}`)).toEqual(numbers(question));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('GIVEN filler THEN the answer says which words it ignored', () => {
    const answer = ask('<@U0ABC123> papers by Kejiang Ye pls 🙏');
    expect(answer.ignored).toEqual(['pls']);
    expect(answerText(answer)).toContain('Ignored: pls');
    expect(answerText(answer)).not.toContain('<@U0ABC123>');
  });

  it('GIVEN a category by its everyday abbreviation, in any case THEN that category', () => {
    expect(numbers('ml papers')).toEqual(numbers('cs.LG'));
    expect(numbers('cv papers')).toEqual(numbers('cs.CV'));
    expect(numbers('NLP papers from 2025')).toEqual([15]);
  });

  it('GIVEN a title before a name THEN it is not a topic', () => {
    expect(numbers('papers of professor gao in 2022')).toEqual([2, 4, 5]);
    expect(numbers('Dr. Mullins papers')).toEqual(numbers('papers by Robert Mullins'));
  });

  it('GIVEN a first name with a possessive THEN it is the person', () => {
    expect(numbers("Ilia's papers")).toEqual([18, 22, 24]);
    expect(numbers("Dongping's work")).toEqual([9, 12, 15]);
  });

  it('GIVEN words about what to show THEN they change the layout, not the papers', () => {
    const link = ask('APBench arxiv link');
    expect(link).toMatchObject({ shape: 'detail', show: ['link'] });
    expect(numbersOf(link.papers)).toEqual([3]);
    expect(ask('pdf of MORA please').show).toEqual(['pdf']);
    expect(ask('who built UEraser?')).toMatchObject({ shape: 'detail', show: ['authors'] });
    expect(ask('when did Tomato come out')).toMatchObject({ shape: 'detail', show: ['date'] });
    expect(ask('is there code for LAFEAT')).toMatchObject({ shape: 'detail', show: ['code'] });
    expect(ask('where was FLIP published?').show).toEqual(['venue']);
    expect(numbers('anything at the ACML conference?')).toEqual([5]);
    expect(numbers('links to papers by Juanjuan Zhao')).toEqual([1, 3]);
  });

  it('GIVEN "who wrote X" THEN the paper, and its authors as people in order', () => {
    const answer = ask('who wrote the FLIP paper');
    expect(answer.shape).toBe('detail');
    expect(answer.people?.map((p) => p.name)).toEqual([
      'Dongping Liao',
      'Xitong Gao',
      'Yabo Xu',
      'Cheng-Zhong Xu',
    ]);
  });

  it('GIVEN "with", "and … together", "both" between people THEN papers having all of them', () => {
    expect(numbers('Xitong Gao with Juanjuan Zhao')).toEqual([1, 3]);
    expect(numbers('Tianrui Qin and Kejiang Ye together')).toEqual([1, 3, 4]);
    expect(numbers('any papers with both Robert Mullins and Ilia Shumailov?')).toEqual([18, 24]);
    expect(numbers('did Xuan Wang and Siyuan Liang write anything together')).toEqual([12, 16]);
  });

  it('GIVEN "not by", "but not", "without" before a person THEN their papers are left out', () => {
    expect(numbers('papers not by Xitong Gao')).toEqual([11, 16, 22]);
    expect(numbers('papers by Tianrui Qin but not Kejiang Ye')).toEqual([6, 14]);
    expect(ask('Gao papers without Yiren Zhao').understood).toMatch(/not by Yiren Zhao/u);
    expect(numbers('training without sharing data')).toEqual(expect.arrayContaining([9, 13]));
  });

  it('GIVEN "joint", "shared", "co-written" between people THEN papers having all of them', () => {
    expect(numbers('yiren + tianrui joint papers')).toEqual([4]);
    expect(numbers('papers co-written by Xuan Wang and Siyuan Liang')).toEqual([12, 16]);
    // With one person or none the word may be a topic, and is searched for.
    expect(ask('joint papers by Tianrui Qin').notes).toContain(
      'No paper in the corpus mentions “joint”.',
    );
  });

  it('GIVEN an aside in parentheses THEN only its words the papers use narrow the answer', () => {
    expect(numbers('tell me about Tomato (the FPGA one, not the fruit lol)')).toEqual([21]);
    expect(ask('papers on backdoors (the sneaky kind)').ignored).toContain('sneaky');
  });

  it('GIVEN a venue name the papers also use as a word THEN it is the venue only with nothing after it', () => {
    expect(numbers('CVPR pubs')).toEqual([19]);
    expect(numbers('any CVPR stuff?')).toEqual([19]);
    expect(ask('CVPR competition').query).toMatchObject({ filters: { venues: [] } });
  });

  it('GIVEN "or" or a spaced slash between topic words THEN papers on either', () => {
    const either = numbers('papers on backdoors or poisoning');
    expect(either).toEqual(
      [...new Set([...numbers('backdoors'), ...numbers('poisoning')])].sort((a, b) => a - b),
    );
    expect(ask('kv cache / grouped query attention').headline).toMatch(
      /about “kv cache” or “grouped query attention”/u,
    );
    // A word no paper uses leaves its alternative empty, not the answer.
    expect(numbers('backdoors or sourdough')).toEqual(numbers('backdoors'));
    // Several papers named and nothing else: each of them.
    expect(numbers('compare FLIP and Fed-Credit')).toEqual([9, 13]);
  });

  it('GIVEN "but not", "except", "not about" before topic words THEN those papers are left out', () => {
    const attacks = numbers('attacks');
    const backdoors = new Set(numbers('backdoors'));
    expect(numbers('show papers about attacks but not backdoors')).toEqual(
      attacks.filter((n) => !backdoors.has(n)),
    );
    expect(ask('yiren papers except pruning').understood).toMatch(/not about “pruning”/u);
    // Lay phrasings that merely contain "without" stay descriptions.
    expect(numbers('training without sharing data')).toEqual(expect.arrayContaining([9, 13]));
  });

  it('GIVEN honorifics, "not with" and "I am looking for" THEN read as framing, not topics', () => {
    expect(numbers('plz give me paper list of mister gao from year 2023')).toEqual(
      numbers('papers by Xitong Gao in 2023'),
    );
    expect(ask('papers by Tianrui Qin not with Kejiang Ye').understood).toMatch(
      /not by Kejiang Ye/u,
    );
    expect(ask('yiren papers but not with xitong').understood).toMatch(/not by Xitong Gao/u);
    expect(ask('which papers made it into a conference?').query).toMatchObject({
      filters: { published: true },
    });
    expect(numbers('I am looking for papers on pruning')).toEqual(numbers('pruning'));
    expect(numbers('pls which paper yiren zhao make in 2021 year')).toEqual(
      numbers('papers by Yiren Zhao in 2021'),
    );
    expect(ask('who write most paper about LLM').shape).toBe('ranking');
    // Contractions typed without an apostrophe are read as meant.
    expect(ask('whats the FPGA paper').shape).toBe('detail');
    for (const text of ['papers that dont have code', "papers that don't have any code"]) {
      expect(ask(text).query).toMatchObject({ filters: { hasCode: false } });
    }
  });

  it('GIVEN a person set aside by "not", "is not on", "but not the ones with" THEN their papers are left out', () => {
    expect(numbers('which papers Xitong Gao is NOT an author of?')).toEqual(
      numbers('papers not by Xitong Gao'),
    );
    expect(numbers('Cheng Zhang (not Chengzhong Xu!), what has he co-authored?')).toEqual(
      numbers('papers by Cheng Zhang but not Cheng-Zhong Xu'),
    );
    expect(ask('all Yiren Zhao papers but not the ones with Mullins').understood).toBe(
      'papers by Yiren Zhao · not by Robert Mullins · newest first',
    );
    expect(ask('is there papers with somebody named Zhang in authors?').query).toMatchObject({
      filters: { authors: [{ how: 'surname' }] },
    });
  });

  it('GIVEN "not CV", "except cs.CR" THEN that category is left out', () => {
    expect(ask('Kejiang Ye papers that are not CV').understood).toBe(
      'papers by Kejiang Ye · not in Computer Vision (cs.CV) · newest first',
    );
    expect(numbers('papers except cs.CR')).toHaveLength(25 - numbers('cs.CR papers').length);
    // "not in 2024" is a date; "not me" nothing.
    expect(ask('papers not in 2024').query).toMatchObject({ filters: { categories: [] } });
  });

  it('GIVEN "are not on <topic>" THEN a topic set aside, not a person', () => {
    expect(numbers('papers that are not on backdoors')).toEqual(
      numbers('papers').filter((n) => !numbers('backdoors').includes(n)),
    );
    expect(ask('list 2025 papers and their authors').shape).toBe('list');
  });

  it('GIVEN chatter sentences around a question THEN they are set aside and said', () => {
    expect(ask('Great bot. List all papers.').total).toBe(25);
    expect(ask('Nice. Papers please.').total).toBe(25);
    const answer = ask('morning! coffee has not kicked in yet lol. which papers are at ICLR?');
    expect(numbersOf(answer.papers)).toEqual(numbers('papers at ICLR'));
    expect(answer.ignored).toContain('coffee has not kicked in yet lol.');
    // Words no paper uses are the question when the rest asks nothing of its own.
    expect(ask('polygraph lie detection in police interviews, any paper?').papers).toEqual([]);
    expect(ask('polygraph lie detection in police interviews. any paper?').papers).toEqual([]);
  });

  it('GIVEN a word the corpus does not cover THEN the topic is empty, with the reason', () => {
    const answer = ask('papers about sourdough pls');
    expect(answer.papers).toEqual([]);
    expect(answer.notes).toContain('No paper in the corpus mentions “sourdough”.');
  });
});

describe('2. aggregates', () => {
  const groups = (text: string) =>
    Object.fromEntries((ask(text).groups ?? []).map((g) => [g.key, g.count]));

  it('GIVEN "per year" THEN papers counted per year, in time order, and combinable with filters', () => {
    const answer = ask('number of papers per year');
    expect(answer.shape).toBe('groups');
    expect(answer.groups?.map((g) => g.key)).toEqual([
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(groups('papers by Xitong Gao per year since 2024')).toEqual({ 2024: 4, 2025: 6 });
  });

  it('GIVEN per category, per venue or per author THEN keys are codes, venues or display names', () => {
    expect(groups('breakdown of Yiren Zhao papers by category')).toEqual({
      'cs.LG': 8,
      'cs.CL': 2,
      'cs.CV': 1,
      'cs.CR': 1,
      'eess.SP': 1,
    });
    expect(groups('papers per venue')).toEqual({
      NeurIPS: 5,
      ICLR: 1,
      CVPR: 1,
      ACL: 1,
      ACML: 1,
      TMLR: 1,
      ICFPT: 1,
    });
    expect(ask('papers per venue').notes).toContain(
      '14 papers not published at a venue (preprints) are not shown.',
    );
    expect(groups('cs.CR papers per author')).toMatchObject({ 'Tianrui Qin': 1, 'Xuan Wang': 1 });
  });

  it('GIVEN "who published the most" THEN people ranked by papers in scope', () => {
    expect(ask('who published the most?').people?.[0]).toMatchObject({
      name: 'Xitong Gao',
      papers: 22,
    });
    expect(ask('top authors in 2019').people?.[0]).toMatchObject({ name: 'Yiren Zhao', papers: 4 });
    const backdoors = ask('who has written the most about backdoors').people ?? [];
    expect(backdoors.filter((p) => p.papers === 2).map((p) => p.name)).toEqual([
      'Siyuan Liang',
      'Xitong Gao',
      'Xuan Wang',
    ]);
  });

  it('GIVEN "most frequent collaborator of X" THEN co-authors, most shared first', () => {
    const answer = ask('most frequent collaborator of Robert Mullins');
    expect(answer.shape).toBe('coauthors');
    expect(answer.people?.slice(0, 2).map((p) => p.name)).toEqual(['Xitong Gao', 'Yiren Zhao']);
  });

  it('GIVEN "which year had the most papers" THEN the largest group first, named in the title', () => {
    const answer = ask('which year had the most papers?');
    expect(answer.groups?.[0]).toEqual({ key: '2025', count: 7 });
    expect(answer.headline).toBe('2025 has the most papers (7)');
    expect(ask('what venue has the most papers').headline).toBe('NeurIPS has the most papers (5)');
    expect(ask('in which year did yiren publish the most').headline).toBe(
      '2019 has the most papers by Yiren Zhao (4)',
    );
  });

  it('GIVEN "besides X" in a question about people THEN X is left out of the people, not the papers', () => {
    const ranking = ask('besides Xitong who has the most papers here');
    expect(ranking.people?.[0]).toMatchObject({ name: 'Yiren Zhao', papers: 13 });
    expect(ranking.people?.map((p) => p.name)).not.toContain('Xitong Gao');
    expect(ranking.headline).toMatch(/besides Xitong Gao/u);
    const coauthors = ask('who does xitong work with other than yiren');
    expect(coauthors.total).toBe(22);
    expect(coauthors.people?.map((p) => p.name)).not.toContain('Yiren Zhao');
    // In a list of papers the same words leave the person's papers out.
    expect(numbers('papers besides Xitong Gao')).toEqual([11, 16, 22]);
  });

  it('GIVEN "which categories / venues / years" THEN papers counted per that unit', () => {
    expect(ask('which categories has Yiren published in')).toMatchObject({
      shape: 'groups',
      total: 13,
    });
    expect(groups('categories of the 2025 papers, counts')).toEqual({
      'cs.AI': 2,
      'cs.LG': 2,
      'cs.CL': 1,
      'cs.CV': 1,
      'cs.CR': 1,
    });
    expect(groups('what venues did Xitong Gao publish at')).toMatchObject({ NeurIPS: 5, CVPR: 1 });
  });

  it('GIVEN a superlative about a unit THEN the top group, and ties, named in the title', () => {
    expect(groups('In which year was most of papers published?')).toEqual({ 2025: 7 });
    expect(ask("which year was Yiren Zhao's busiest?").headline).toBe(
      '2019 has the most papers by Yiren Zhao (4)',
    );
    expect(groups('which category has the most papers?')).toEqual({ 'cs.LG': 14 });
  });

  it('GIVEN a plural unit with "most", or "most recent" THEN every group in order, or an order', () => {
    expect(ask('which venues have the most papers').groups?.length).toBeGreaterThan(1);
    expect(ask('which authors wrote the most recent paper').shape).not.toBe('groups');
    expect(ask('which authors wrote the most recent paper').shape).not.toBe('ranking');
  });

  it('GIVEN rankings asked in other words THEN people ranked', () => {
    expect(ask("who's the most prolific").people?.[0]?.name).toBe('Xitong Gao');
    expect(ask('who is last author most often?').query).toMatchObject({
      intent: 'ranking',
      position: 'last',
    });
    expect(ask('which people wrote the 2019 papers?').shape).toBe('ranking');
    expect(ask('who is write most papers together with Dongping Liao?').shape).toBe('coauthors');
    expect(
      ask("Yiren Zhao's most frequent collaborator if you don't count Xitong Gao").people?.[0]
        ?.name,
    ).toBe('Robert Mullins');
  });

  it('GIVEN "how many people / authors" THEN people counted, not papers', () => {
    expect(ask('how many authors does FLIP have')).toMatchObject({ shape: 'ranking', count: 4 });
    expect(ask('how many people published in 2025').headline).toMatch(
      /^\d+ people wrote 7 papers in 2025$/u,
    );
    const withTianrui = ask('how many ppl have published with tianrui');
    expect(withTianrui.shape).toBe('coauthors');
    expect(withTianrui.headline).toMatch(/^Tianrui Qin worked with \d+ people on 5 papers$/u);
  });

  it('GIVEN "collab", "works together" THEN co-authors', () => {
    for (const text of [
      'who does Yiren Zhao collab with most often',
      'who xitong gao works together most frequently?',
      'who does yiren work with',
    ]) {
      expect(ask(text).shape).toBe('coauthors');
    }
  });

  it('GIVEN "how many in total" THEN a count of everything', () => {
    expect(ask('how many papers in total')).toMatchObject({ shape: 'count', count: 25 });
  });
});

describe('3. author position', () => {
  it('GIVEN first-author wordings THEN only papers the person leads', () => {
    expect(numbers('first-author papers by Tianrui Qin')).toEqual([1, 3, 4, 14]);
    expect(numbers('papers led by Yunrui Yu')).toEqual([2, 19]);
    expect(numbers('Xitong Gao as first author')).toEqual([25]);
    expect(ask('how many papers did Tianrui Qin lead as first author?')).toMatchObject({
      shape: 'count',
      count: 4,
    });
    expect(numbers('how many papers did tianrui lead')).toEqual([1, 3, 4, 14]);
  });

  it('GIVEN last author THEN only full author lists count, and the answer says so', () => {
    const answer = ask('papers with Yiren Zhao as last author');
    expect(numbersOf(answer.papers).sort((a, b) => a - b)).toEqual([10, 17]);
    expect(answer.notes.join(' ')).toMatch(/last author of 3 papers is unknown/u);
  });

  it('GIVEN "where his name is last" or "listed first" THEN that position', () => {
    expect(ask('works of mister Mullins where his name is last').understood).toMatch(
      /Robert Mullins as last author/u,
    );
  });

  it('GIVEN "who leads the most" THEN a ranking by first authorships', () => {
    expect(ask('who leads the most papers').query).toMatchObject({
      intent: 'ranking',
      position: 'first',
    });
  });

  it('GIVEN "most prolific first author" THEN a ranking by first authorships', () => {
    const answer = ask('most prolific first author');
    expect(answer.shape).toBe('ranking');
    expect(answer.people?.[0]).toMatchObject({ name: 'Yiren Zhao', papers: 6 });
  });
});

describe('4. date phrases', () => {
  const range = (text: string) => {
    const query = bundled().core.parse(text, { today: TODAY });
    return 'filters' in query ? query.filters.dates : undefined;
  };

  it.each([
    ['2021 or earlier', undefined, '2021-12-31'],
    ['2024 and later', '2024-01-01', undefined],
    ['from 2023 onwards', '2023-01-01', undefined],
    ['H2 2024', '2024-07-01', '2024-12-31'],
    ['first half of 2023', '2023-01-01', '2023-06-30'],
    ['late 2022', '2022-09-01', '2022-12-31'],
    ['on 18 December 2024', '2024-12-18', '2024-12-18'],
    ['June 17, 2025', '2025-06-17', '2025-06-17'],
    ['2022-12-20', '2022-12-20', '2022-12-20'],
    ["sept '22", '2022-09-01', '2022-09-30'],
    ['the year before last', '2024-01-01', '2024-12-31'],
    ['in the first quarter of 2025', '2025-01-01', '2025-03-31'],
    ['the last quarter of 2022', '2022-10-01', '2022-12-31'],
    ['in the past 6 months', '2026-05-25', TODAY],
    ['papers between march and june 2025', '2025-03-01', '2025-06-30'],
    ['jan-mar 2024', '2024-01-01', '2024-03-31'],
    ['from November to February 2025', '2024-11-01', '2025-02-28'],
    // A stated window says more than "new".
    ['anything new this month?', '2026-11-01', TODAY],
    ['from Sep 2021 up to and including March 2023', '2021-09-01', '2023-03-31'],
    ['from 2022 on, only the security ones', '2022-01-01', undefined],
    ['not older than 2024', '2024-01-01', undefined],
    ['papers from March last year', '2025-03-01', '2025-03-31'],
    ['papers in March or June 2025', '2025-03-01', '2025-06-30'],
    // A month without a year is the latest one not after today, and the label says so.
    ['any papers in august?', '2026-08-01', '2026-08-31'],
    ['stuff from December', '2025-12-01', '2025-12-31'],
    ['since march', '2026-03-01', undefined],
    // Years, seasons and decades named relative to today or loosely.
    ['since last year', '2025-01-01', undefined],
    ['before last year', undefined, '2024-12-31'],
    ['earlier this year', '2026-01-01', TODAY],
    ['papers last summer', '2026-06-01', '2026-08-31'],
    ['the past year and a half', '2025-05-25', TODAY],
    ['in the last decade', '2016-11-25', TODAY],
    ['papers in the 2010s', '2010-01-01', '2019-12-31'],
    ['the early 2020s', '2020-01-01', '2023-12-31'],
  ])('GIVEN "%s" THEN %s … %s', (text, from, to) => {
    expect(range(text)?.from).toBe(from);
    expect(range(text)?.to).toBe(to);
  });

  it('GIVEN several dates listed THEN papers from any of them', () => {
    const per = (year: string) => numbers(`papers from ${year}`);
    expect(numbers('2019 and 2021 papers')).toEqual(
      [...per('2019'), ...per('2021')].sort((a, b) => a - b),
    );
    expect(ask('papers in 2019 or 2021').understood).toBe('papers in 2019 or 2021 · newest first');
    expect(numbers("yiren's 2019 and 2020 papers")).toHaveLength(5);
  });

  it('GIVEN "except", "excluding", "not from" before a date THEN those papers are left out', () => {
    expect(numbers('papers except 2024')).toEqual(
      numbers('papers').filter((n) => !numbers('papers from 2024').includes(n)),
    );
    expect(ask('papers since 2020 but not 2022').understood).toBe(
      'papers since 2020 · not in 2022 · newest first',
    );
    expect(numbers('yiren papers excluding 2019')).toHaveLength(13 - 4);
    expect(ask('papers except the 2019 and 2025 ones').understood).toBe(
      'papers not in 2019 · not in 2025 · newest first',
    );
  });

  it('GIVEN a season or part of a year THEN the reading is stated', () => {
    expect(range('summer 2025')?.label).toBe('summer 2025 (read as June–August)');
    expect(range('late 2024')?.label).toBe('late 2024 (read as September–December)');
    expect(ask('summer 2025').understood).toMatch(
      /^papers in summer 2025 \(read as June–August\)/u,
    );
    expect(range('the late 2010s')?.label).toBe('in the late 2010s (read as its last three years)');
  });

  it('GIVEN "older" or "newer" before what is listed THEN sorted that way; "older than" is a date', () => {
    expect(ask('older stuff from before 2020 pls')).toMatchObject({
      total: 5,
      query: { order: 'oldest' },
    });
    expect(ask('newer work on backdoors').query).toMatchObject({ order: 'newest' });
    expect(numbers('papers older than 2020')).toEqual([21, 22, 23, 24, 25]);
  });

  it('GIVEN a day that does not exist THEN nothing matches and the answer says why', () => {
    const answer = ask('anything from 30 February 2024?');
    expect(answer.papers).toEqual([]);
    expect(answer.understood).toMatch(/no such day/u);
  });

  it('GIVEN exact days THEN the papers of that day', () => {
    expect(numbers('papers from 16 June 2025')).toEqual([15, 16]);
  });
});

describe('5. topics in lay words, with precision', () => {
  it.each([
    ['keeping data on phones while training a shared model, without sharing data', [9, 13]],
    ['making my pictures unusable for training', [1, 3]],
    ['hidden triggers in neural networks', [4, 12, 16]],
    ['detecting defective products in a factory', [8]],
    ['how do I stop my model overfitting', [5]],
    ['speeding up models at inference time', [15, 17]],
    // "by" + an -ing verb says how, not who.
    ['tricking an AI assistant on a phone by hiding a pattern in screenshots', [16]],
    ['i want to stop people training AI on my photos by adding invisible noise', [1, 3]],
  ])('GIVEN "%s" THEN the papers on it come first', (text, expected) => {
    const top = numbersOf(ask(text).papers).slice(0, expected.length + 2);
    for (const n of expected) expect(top).toContain(n);
  });

  it.each([
    'protein language models',
    'quantum error correction',
    'sourdough bread fermentation',
    'crop yield prediction from satellites',
    'stock market forecasting',
    'music generation with diffusion',
    'a model that predicts how proteins fold from their amino acid sequence',
    'that paper where robots learn to walk on rough terrain using cameras',
    'detecting fake news articles on social media with graph networks',
    'the one about self driving cars seeing pedestrians at night in the rain',
    'the one about training a network on protein data to find new drugs',
    'how to break defenses in football',
    'invisible noise in audio recordings',
    'concurrently running database transactions',
    'papers about (protein folding)',
    "what's the paper on (quantum computing)",
  ])('GIVEN "%s", outside the corpus THEN no papers', (text) => {
    expect(ask(text).papers).toEqual([]);
  });

  it('GIVEN an abbreviation a paper defines THEN it finds papers using the long form', () => {
    expect(numbers('PEFT')).toContain(7);
    expect(numbers('MHA')).toEqual(numbers('multi-head attention'));
  });
});

describe('6. typo repair only into plausible, non-English words', () => {
  it('GIVEN a misspelt field word THEN it is repaired and said', () => {
    const answer = ask('federatd learning');
    expect(numbersOf(answer.papers).sort()).toEqual([13, 9].sort());
    expect(answer.notes).toContain('Showing results for “federated” (you wrote “federatd”).');
  });

  it('GIVEN a real English word the papers lack THEN it is never "repaired" into another', () => {
    expect(ask('clear papers').notes.join(' ')).not.toMatch(/clean/u);
    expect(ask('speeding').notes.join(' ')).not.toMatch(/seeming/u);
  });

  it('GIVEN a "repair" that would leave the question asking nothing THEN the word is the topic', () => {
    expect(ask('Papers on covid?').notes).toContain('No paper in the corpus mentions “covid”.');
    expect(ask('papres').total).toBe(25);
  });

  it('GIVEN a misspelt question word THEN it is read as meant, not searched', () => {
    expect(numbers('papres by Ilia Shumailov')).toEqual([18, 22, 24]);
    expect(numbers('cs.LG papers frm 2021')).toEqual([18, 19]);
  });
});

describe('7. greetings, thanks and praise', () => {
  it.each(['hi', 'hello there 👋', 'thanks!', 'ty', '👍', 'good bot', 'lol', '<@U0ABC123> hey'])(
    'GIVEN "%s" THEN a short friendly reply with examples, never a list',
    (text) => {
      const answer = ask(text);
      expect(answer.shape).toBe('greeting');
      expect(answer.papers).toEqual([]);
      expect(answer.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(answerText(answer).split('\n').length).toBeLessThanOrEqual(3);
    },
  );

  it.each(['papers pls', 'show me everything thx', 'only the preprints pls'])(
    'GIVEN "%s", asking for papers with filler THEN papers, not small talk',
    (text) => {
      expect(ask(text).shape).toBe('list');
      expect(ask(text).total).toBeGreaterThan(0);
    },
  );

  it('GIVEN thanks THEN it answers in kind', () => {
    expect(ask('thanks!').headline).toBe('You’re welcome!');
    expect(ask('hey').headline).toBe('Hi!');
  });
});

describe('8. notes and headlines agree with the papers shown', () => {
  it('GIVEN no papers THEN no note claims some are shown', () => {
    for (const text of ['sourdough gardening pruning shears', 'protein folding dynamics']) {
      const answer = ask(text);
      expect(answer.papers).toEqual([]);
      expect(answer.notes.join(' ')).not.toMatch(/showing/iu);
    }
  });

  it('GIVEN "recent" widened to the newest THEN what was understood no longer claims a window', () => {
    const answer = ask('recent papers by Yunrui Yu');
    expect(answer.understood).not.toMatch(/since/u);
    expect(answer.notes).toContain(
      'Nothing from the past 2 years; showing the newest matches instead.',
    );
  });

  it('GIVEN any answer THEN its headline states the number it shows', () => {
    for (const text of ['papers in 2024', 'NeurIPS papers', 'cs.CR papers with code']) {
      const answer = ask(text);
      expect(answer.headline).toMatch(new RegExp(`^${answer.total} paper`, 'u'));
    }
  });
});
