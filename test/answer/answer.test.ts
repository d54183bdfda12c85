import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../src/answer/bibtex.js';
import { answerText, bundled, numbersOf, paperNumber, TODAY } from '../support/corpus.js';

const ask = (text: string, limit = 10, offset = 0) =>
  bundled().core.ask(text, { today: TODAY, limit, offset });

describe('answers', () => {
  it('GIVEN a count question THEN count and total agree and the text states the number', () => {
    const answer = ask('how many papers in 2024?');
    expect(answer).toMatchObject({ shape: 'count', count: 4, total: 4 });
    expect(answerText(answer)).toMatch(/^4 papers in 2024:\n1\. /u);
  });

  it('GIVEN a co-author question THEN people are ranked by shared papers and the asked person is excluded', () => {
    const answer = ask('who does Tianrui Qin work with?');
    expect(answer.shape).toBe('coauthors');
    expect(answer.people?.slice(0, 3)).toEqual([
      { id: 'xitong-gao', name: 'Xitong Gao', papers: 5 },
      { id: 'cheng-zhong-xu', name: 'Cheng-Zhong Xu', papers: 3 },
      { id: 'kejiang-ye', name: 'Kejiang Ye', papers: 3 },
    ]);
    expect(answer.people?.map((p) => p.name)).not.toContain('Tianrui Qin');
  });

  it('GIVEN a question about people THEN the et al. note appears only when an answer paper is cut, saying how many', () => {
    const cut = ask('papers by Xuan Wang');
    expect(numbersOf(cut.papers).sort()).toEqual([12, 16]);
    expect(cut.notes).toContain(
      '1 of these papers lists only its first three authors (“et al.”), so people further down are not counted.',
    );
    expect(ask('papers by Juanjuan Zhao').notes.join(' ')).not.toMatch(/et al/u);
    expect(answerText(ask('papers by Juanjuan Zhao'))).toContain(
      'Tianrui Qin, Xitong Gao, Juanjuan Zhao et al.',
    );
    expect(ask('latest on backdoors').notes.join(' ')).not.toMatch(/et al/u);
  });

  it('GIVEN an unknown author THEN nothing is listed and close names are offered', () => {
    const answer = ask('papers by Yuren Zhang');
    expect(answer.papers).toEqual([]);
    expect(answer.notes[0]).toBe(
      'No author named Yuren Zhang in the corpus; did you mean Yiren Zhao, Cheng Zhang or Ge Zhang?',
    );
    expect(answer.suggestions).toEqual([
      'papers by Yiren Zhao',
      'papers by Cheng Zhang',
      'papers by Ge Zhang',
    ]);
  });

  it('GIVEN filters that exclude each other THEN the answer says which one to drop', () => {
    const answer = ask('papers by Tianrui Qin in 2019');
    expect(answer.total).toBe(0);
    expect(answerText(answer)).toMatch(/^No papers by Tianrui Qin in 2019\./u);
    expect(answer.notes).toContain('Without “2019” there are 5 papers.');
  });

  it('GIVEN an uncovered topic THEN the answer is empty and says no paper mentions it', () => {
    const answer = ask('papers about gardening');
    expect(answer.papers).toEqual([]);
    expect(answer.notes).toContain('No paper in the corpus mentions “gardening”.');
  });

  it('GIVEN "what is" naming one paper THEN detail; naming a field THEN a list with a reason', () => {
    expect(ask('what is UEraser?')).toMatchObject({ shape: 'detail', papers: [paperNumber(1)] });
    const general = ask('what is federated learning?');
    expect(general.shape).toBe('list');
    expect(numbersOf(general.papers).sort((a, b) => a - b)).toEqual([9, 13]);
    expect(general.notes[0]).toMatch(/No single paper matches that by name/u);
  });

  it('GIVEN "cite X" THEN BibTeX with escaped, brace-protected fields and "and others" for et al.', () => {
    const answer = ask('cite Flareon');
    expect(answer.shape).toBe('cite');
    expect(answer.bibtex).toBe(toBibtex(paperNumber(4)));
    expect(answer.bibtex).toContain('@misc{qin2022flareon,');
    expect(answer.bibtex).toContain(
      'author        = {Qin, Tianrui and He, Xianghuan and Gao, Xitong and Zhao, Yiren and Ye, Kejiang and Xu, Cheng-Zhong}',
    );
    expect(toBibtex(paperNumber(16))).toContain(
      'author        = {Wang, Xuan and Liang, Siyuan and Liu, Zhe and others}',
    );
    expect(answer.bibtex).toContain(
      'note          = {Code: \\url{https://github.com/lafeat/flareon}}',
    );
    expect(toBibtex({ ...paperNumber(2), title: 'MORA: 100% of $5 & more_x' })).toContain(
      'title         = {{MORA:} 100\\% of \\$5 \\& more\\_x}',
    );
  });

  it('GIVEN "cite" alone THEN the bot asks which paper', () => {
    const answer = ask('cite');
    expect(answer.shape).toBe('clarify');
    expect(answerText(answer)).toMatch(/^Which paper should I cite\?/u);
  });

  it('GIVEN a page size and offset THEN papers are that page and the text counts the rest', () => {
    const first = ask('papers by Xitong Gao', 5, 0);
    const second = ask('papers by Xitong Gao', 5, 5);
    expect(first.total).toBe(22);
    expect(second.papers).toHaveLength(5);
    expect(second.offset).toBe(5);
    expect(new Set([...first.papers, ...second.papers]).size).toBe(10);
    expect(answerText(second)).toContain('6. ');
  });

  it('GIVEN "recent" with nothing recent THEN it widens to the newest and says so', () => {
    const answer = ask('recent papers by Yunrui Yu');
    expect(numbersOf(answer.papers)).toEqual([2, 19]);
    expect(answer.notes).toContain(
      'Nothing from the past 2 years; showing the newest matches instead.',
    );
  });

  it('GIVEN an over-long question THEN a refusal that states the cap', () => {
    const answer = ask('x'.repeat(600));
    expect(answer).toMatchObject({ shape: 'refusal', total: 0, papers: [] });
    expect(answerText(answer)).toMatch(/600 characters long; please keep it under 500/u);
  });

  it('GIVEN help THEN the text lists example questions', () => {
    expect(answerText(ask('help'))).toContain('papers by Yiren Zhao in 2019');
  });
});
