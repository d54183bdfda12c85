import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { barLines } from '../../src/chart/text-bars.js';
import { announcementReply } from '../../src/conversation/layout-announcement.js';
import { layoutAnswer } from '../../src/conversation/layout-answer.js';
import { replyText } from '../../src/conversation/reply-text.js';
import { bundled, paperNumber, TODAY } from '../support/corpus.js';

const ask = (text: string) => bundled().core.ask(text, { today: TODAY });
/** An answer of a shape the core does not produce yet, built on a real one. */
const shaped = (base: Answer, extra: Partial<Answer>): Answer => ({ ...base, ...extra });

describe('one layout for every platform', () => {
  it('GIVEN a list THEN a title, one line per paper with its page, a footer and no pager on one page', () => {
    const reply = layoutAnswer(ask('latest on backdoors'));
    expect(reply.title).toBe('3 papers about “backdoors”, newest first');
    expect(reply.papers?.map((line) => line.position)).toEqual([1, 2, 3]);
    expect(reply.papers?.[2]).toMatchObject({
      title: 'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation',
      url: 'https://arxiv.org/abs/2212.09979',
      date: 'Dec 2022',
      facts: [
        { text: 'Tianrui Qin, Xianghuan He, Xitong Gao et al.' },
        { text: 'cs.CR' },
        { text: 'code', url: 'https://github.com/lafeat/flareon' },
      ],
    });
    expect(reply.footer).toBe('papers about “backdoors” · newest first · 3 results');
    expect(reply.pager).toBeUndefined();
  });

  it('GIVEN facts the question asked to see THEN they come first in the detail, and BibTeX when asked', () => {
    const base = ask('what is Flareon?');
    const reply = layoutAnswer(shaped(base, { show: ['link', 'code', 'bibtex'] }));
    expect(reply.detail?.fields.map((field) => field.label).slice(0, 3)).toEqual([
      'Link',
      'Code',
      'Authors',
    ]);
    expect(reply.code?.text).toContain('@misc{qin2022flareon,');
    expect(layoutAnswer(base).detail?.fields.map((field) => field.label)).not.toContain('Link');
  });

  it('GIVEN a ranking THEN people lines; GIVEN groups THEN a compact table', () => {
    const base = ask('papers by Xitong Gao');
    const ranking = layoutAnswer(
      shaped(base, {
        shape: 'ranking',
        headline: 'Most papers on backdoors',
        people: [
          { id: 'xitong-gao', name: 'Xitong Gao', papers: 2 },
          { id: 'xuan-wang', name: 'Xuan Wang', papers: 1 },
        ],
      }),
    );
    expect(ranking.people?.lines).toEqual(['1. Xitong Gao — 2 papers', '2. Xuan Wang — 1 paper']);
    expect(ranking.papers).toBeUndefined();
    // The ranking is drawn as a picture; as text, its people lines already say every number.
    expect(ranking.chart).toMatchObject({
      kind: 'ranking',
      bars: [
        { label: 'Xitong Gao', value: 2 },
        { label: 'Xuan Wang', value: 1 },
      ],
    });
    expect(replyText(ranking)).not.toContain('▇');
    const groups = layoutAnswer(
      shaped(base, {
        shape: 'groups',
        groupBy: 'category',
        groups: [
          { key: 'cs.LG', count: 4 },
          { key: 'cs.CR', count: 2 },
        ],
      }),
    );
    expect(groups.chart).toMatchObject({
      kind: 'columns',
      xLabel: 'Category',
      yLabel: 'Papers',
      bars: [
        { label: 'Machine Learning (cs.LG)', value: 4 },
        { label: 'Cryptography and Security (cs.CR)', value: 2 },
      ],
    });
    const table = barLines(groups.chart as NonNullable<typeof groups.chart>);
    expect(table).toHaveLength(2);
    expect(table[0]).toMatch(/^Machine Learning \(cs\.LG\) +▇+ 4$/u);
    expect(replyText(groups)).toContain(table.join('\n'));
    expect(groups.attachments).toEqual([]);
  });

  it('GIVEN papers per year with a quiet year THEN the chart keeps the year at zero, the groups do not', () => {
    const answer = ask('papers per year by Yiren Zhao');
    expect(answer.groups?.map((g) => g.key)).not.toContain('2023');
    const chart = layoutAnswer(answer).chart;
    expect(chart?.bars.map((bar) => `${bar.label}:${bar.value}`)).toEqual([
      '2018:1',
      '2019:4',
      '2020:1',
      '2021:1',
      '2022:2',
      '2023:0',
      '2024:3',
      '2025:1',
    ]);
  });

  it('GIVEN small talk THEN a short text with example questions, never a list', () => {
    const greeting = layoutAnswer(ask('thanks!'));
    expect(greeting.text).toMatch(
      /^You’re welcome! Ask me about the group’s papers, for example:/u,
    );
    expect(greeting.text).toContain('Try: ');
    expect(greeting).toMatchObject({ notes: [], visibility: 'public' });
    expect(greeting.papers).toBeUndefined();
    expect(greeting.title).toBeUndefined();
  });

  it('GIVEN filler around a question THEN the ignored words are a small note', () => {
    const reply = layoutAnswer(ask('pls papers by Tianrui Qin thx'));
    expect(reply.notes).toContain('Ignored: pls, thx');
  });

  it('GIVEN a refusal THEN text only, private', () => {
    expect(layoutAnswer(ask('x'.repeat(600)))).toMatchObject({
      visibility: 'private',
      notes: [],
      text: expect.stringMatching(/600 characters long/u),
    });
  });

  it('GIVEN one new paper THEN it in full under "New paper"; several THEN a numbered digest', () => {
    const one = announcementReply([paperNumber(4)], 'backdoors');
    expect(one).toMatchObject({
      title: 'New paper',
      detail: { title: paperNumber(4).title },
      footer: 'Announced here for papers matching “backdoors”',
    });
    const digest = announcementReply([paperNumber(4), paperNumber(2)]);
    expect(digest.title).toBe('2 new papers');
    expect(digest.papers?.map((line) => line.position)).toEqual([1, 2]);
    expect(replyText(digest)).toMatch(/^2 new papers:\n1\. Flareon: .+ \(Dec 2022\) — /u);
  });
});
