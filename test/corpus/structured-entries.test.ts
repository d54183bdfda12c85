import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import { LISTING_TEXT } from '../support/corpus.js';

const flareonUpdate = {
  title: 'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation',
  authors: ['Tianrui Qin', 'Xianghuan He', 'Xitong Gao', 'Someone Else'],
  published: '2022-12-20',
  category: 'cs.CR',
  url: 'https://example.org/flareon',
  arxivId: '2212.00001',
};

const newPaper = {
  title: 'A Brand New Study of Things',
  authors: ['Ana Ruiz'],
  published: '2026-01-05',
  category: 'LG',
  abstract: 'We propose Thingy, a method.',
};

describe('structured JSON entries', () => {
  it('GIVEN a JSON entry for a listed paper THEN it enriches that paper instead of adding one', () => {
    const { papers, problems } = buildCorpus([
      { name: 'corpus/publications.txt', text: LISTING_TEXT },
      { name: 'corpus/extra.json', text: JSON.stringify([flareonUpdate, newPaper], null, 2) },
    ]);
    expect(problems).toEqual([]);
    expect(papers).toHaveLength(26);
    const flareon = papers.find((p) => p.title.startsWith('Flareon'));
    expect(flareon).toMatchObject({
      authors: flareonUpdate.authors,
      authorsTruncated: false,
      url: 'https://example.org/flareon',
      pdfUrl: 'https://arxiv.org/pdf/2212.00001',
      arxivId: '2212.00001',
      aliases: ['Flareon'],
      codeUrl: 'https://github.com/lafeat/flareon',
    });
    expect(papers.at(-1)).toMatchObject({
      title: newPaper.title,
      category: 'cs.LG',
      aliases: ['Thingy'],
    });
  });

  it('GIVEN partial entries THEN they add ids, links, venues and sources to their listed paper', () => {
    const partial = [
      {
        title: 'flareon: stealthy ANY2ANY backdoor injection via poisoned augmentation',
        arxivId: '2212.09979v2',
        venue: 'NeurIPS 2099',
        sources: ['https://example.org/a'],
      },
      {
        title: 'MORA: Improving Ensemble Robustness Evaluation with Model-Reweighing Attack',
        venue: null,
      },
    ];
    const { papers, problems } = buildCorpus([
      { name: 'corpus/publications.txt', text: LISTING_TEXT },
      { name: 'corpus/papers.json', text: JSON.stringify({ papers: partial }, null, 2) },
    ]);
    expect(problems).toEqual([]);
    expect(papers).toHaveLength(25);
    expect(papers[3]).toMatchObject({
      arxivId: '2212.09979',
      url: 'https://arxiv.org/abs/2212.09979',
      pdfUrl: 'https://arxiv.org/pdf/2212.09979',
      venue: 'NeurIPS 2099',
      sources: ['https://example.org/a'],
      authors: ['Tianrui Qin', 'Xianghuan He', 'Xitong Gao'],
      authorsTruncated: true,
      published: '2022-12-20',
    });
    expect(papers[1]?.venue).toBeUndefined();
  });

  it('GIVEN learned facts and a hand entry that disagree THEN the hand entry wins, and learned facts fill gaps', () => {
    const learned = {
      title: 'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation',
      authors: ['Tianrui Qin', 'Xianghuan He', 'Xitong Gao', 'Yiren Zhao'],
      authorsTruncated: false,
      published: '2022-12-21',
      categoryCode: 'cs.CR',
      abstract: '',
      arxivId: '2212.09979',
      venue: 'Learned Venue',
      source: 'arxiv:2212.09979',
    };
    const hand = [{ title: learned.title, venue: 'Hand Venue' }];
    const { papers } = buildCorpus(
      [
        { name: 'corpus/publications.txt', text: LISTING_TEXT },
        { name: 'corpus/papers.json', text: JSON.stringify(hand) },
      ],
      [learned],
    );
    expect(papers[3]).toMatchObject({
      venue: 'Hand Venue',
      authors: learned.authors,
      authorsTruncated: false,
      arxivId: '2212.09979',
      published: '2022-12-21',
    });
  });

  it('GIVEN a partial entry that matches no listed paper THEN it is reported as lacking what a new paper needs', () => {
    const { papers, problems } = buildCorpus([
      { name: 'x.json', text: JSON.stringify([{ title: 'Nowhere', arxivId: '2401.00001' }]) },
    ]);
    expect(papers).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'x.json',
        line: 1,
        message:
          '“Nowhere” matches no listed paper, and a new paper needs authors, published, category; skipped',
      },
    ]);
  });

  it('GIVEN an invalid entry THEN it is reported with its line and the valid ones still load', () => {
    const text = JSON.stringify(
      { papers: [newPaper, { ...newPaper, title: 'Other', published: 'June 2025' }] },
      null,
      2,
    );
    const { papers, problems } = buildCorpus([{ name: 'x.json', text }]);
    expect(papers.map((p) => p.title)).toEqual([newPaper.title]);
    expect(problems).toEqual([
      { file: 'x.json', line: 12, message: expect.stringMatching(/^published:/u) },
    ]);
  });

  it('GIVEN a file that is not JSON THEN it is one problem at line 1', () => {
    const { papers, problems } = buildCorpus([{ name: 'x.json', text: '{ nope' }]);
    expect(papers).toEqual([]);
    expect(problems[0]).toMatchObject({
      file: 'x.json',
      line: 1,
      message: expect.stringMatching(/not valid JSON/u),
    });
  });
});
