import { describe, expect, it } from 'vitest';
import { codeBlock, escapeDiscord, truncate } from '../../adapters/discord/discord-text.js';
import { PageIds } from '../../adapters/discord/page-ids.js';
import { renderAnswer, safeUrl } from '../../adapters/discord/render-message.js';
import { TODAY } from '../support/corpus.js';
import { discordViolations } from '../support/discord-limits.js';
import { renderCases, stressCore } from '../support/render-stress.js';

const core = stressCore();

describe('renderAnswer within Discord limits', () => {
  it.each(renderCases([5, 10, 25]))(
    'GIVEN "%s" at %i per page THEN the message breaks no limit and never enables mentions',
    (_label, limit, question) => {
      const answer = core.ask(question, { today: TODAY, limit });
      const message = renderAnswer(answer, {
        pageSize: limit,
        pages: { previous: 'p', next: 'n' },
      });
      expect(discordViolations(message)).toEqual([]);
      expect(message.allowedMentions).toEqual({ parse: [] });
    },
  );

  it('GIVEN a refusal or clarification THEN a short ephemeral message, not an embed', () => {
    const refusal = renderAnswer(core.ask('x'.repeat(900)), { pageSize: 5 });
    expect(refusal).toMatchObject({ embeds: [], flags: 64 });
    expect(refusal.content).toMatch(/900 characters long/u);
  });
});

describe('Discord text helpers', () => {
  it('GIVEN markdown and mention syntax THEN it is escaped to render literally', () => {
    expect(escapeDiscord('**bold** _it_ `code` ||spoiler|| [link](x)')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\| \\[link\\](x)',
    );
    expect(escapeDiscord('@everyone and @here')).toBe('@\u200beveryone and @\u200bhere');
    expect(escapeDiscord('<@123> <@&456> <#789> </cmd:1>')).toBe(
      '<\u200b@123> <\u200b@&456> <\u200b#789> <\u200b/cmd:1>',
    );
    expect(escapeDiscord('# title\n> quote\n- item\n1. first')).toBe(
      '\\# title\n\\> quote\n\\- item\n\\1. first',
    );
  });

  it('GIVEN long text THEN truncate cuts at a word, adds an ellipsis and never strands a backslash', () => {
    const cut = truncate('alpha beta gamma delta', 12);
    expect(cut).toBe('alpha beta…');
    expect(cut.length).toBeLessThanOrEqual(12);
    // The cut lands right after the escape backslash of "\\*": it must go, not escape the ellipsis.
    expect(truncate(escapeDiscord(`${'a'.repeat(9)}*b`), 11)).toBe('aaaaaaaaa…');
  });

  it('GIVEN a fence inside content THEN the code block stays one closed block', () => {
    const block = codeBlock('x```y'.repeat(2000), 'bibtex', 300);
    expect(block.length).toBeLessThanOrEqual(300);
    expect(block.match(/```/gu)).toHaveLength(2);
    expect(block.endsWith('\n```')).toBe(true);
  });

  it('GIVEN hostile or odd URLs THEN only http(s) survive, with link-breaking characters encoded', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://a.example/x(y)@z')).toBe('https://a.example/x%28y%29%40z');
  });
});

describe('PageIds', () => {
  it('GIVEN a short question THEN it travels inside the custom id', () => {
    const ids = new PageIds();
    const id = ids.encode({ question: 'papers by Xitong Gao', offset: 5, limit: 5 });
    expect(id).toBe('page:5:5:q:papers by Xitong Gao');
    expect(new PageIds().decode(id)).toEqual({
      question: 'papers by Xitong Gao',
      offset: 5,
      limit: 5,
    });
  });

  it('GIVEN a long question THEN it is remembered under a key within 100 characters, and expires with the memory', () => {
    const ids = new PageIds();
    const question = `papers about ${'very '.repeat(40)}long topics`;
    const id = ids.encode({ question, offset: 10, limit: 5 });
    expect(id.length).toBeLessThanOrEqual(100);
    expect(ids.decode(id)).toEqual({ question, offset: 10, limit: 5 });
    expect(new PageIds().decode(id)).toBe('expired');
    expect(ids.decode('something-else')).toBeUndefined();
  });
});
