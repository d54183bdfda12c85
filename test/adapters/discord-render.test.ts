import { describe, expect, it } from 'vitest';
import { codeBlock, escapeDiscord, truncate } from '../../adapters/discord/discord-text.js';
import { renderReply, safeUrl } from '../../adapters/discord/render-message.js';
import { layoutAnswer } from '../../src/conversation/layout-answer.js';
import { TODAY } from '../support/corpus.js';
import { discordViolations } from '../support/discord-limits.js';
import { renderCases, stressCore } from '../support/render-stress.js';

const core = stressCore();

const pager = { previous: 'p'.repeat(100), next: 'n'.repeat(100), page: 2, pages: 3, remaining: 5 };

describe('renderReply within Discord limits', () => {
  it.each(renderCases([5, 10, 25]))(
    'GIVEN "%s" at %i per page THEN the message breaks no limit and never enables mentions',
    (_label, limit, question) => {
      const reply = layoutAnswer(core.ask(question, { today: TODAY, limit }));
      const message = renderReply({ ...reply, pager, followUp: `discord:${'9'.repeat(19)}` });
      expect(discordViolations(message)).toEqual([]);
      expect(message.allowedMentions).toEqual({ parse: [] });
    },
  );

  it('GIVEN a refusal or clarification THEN a short ephemeral message, not an embed', () => {
    const refusal = renderReply(layoutAnswer(core.ask('x'.repeat(900))));
    expect(refusal).toMatchObject({ embeds: [], flags: 64 });
    expect(refusal.content).toMatch(/900 characters long/u);
  });

  it('GIVEN a pager and a conversation THEN Prev, Next and Refine buttons in one row', () => {
    const reply = layoutAnswer(core.ask('papers by Xitong Gao', { today: TODAY, limit: 5 }));
    const message = renderReply({
      ...reply,
      pager: { ...pager, previous: undefined },
      followUp: 'discord:1',
    });
    expect(
      message.components[0]?.components.map((b) => [
        'label' in b ? b.label : '',
        'custom_id' in b ? b.custom_id : '',
        b.disabled,
      ]),
    ).toEqual([
      ['◀ Prev', 'disabled:◀ Prev', true],
      ['Next ▶', 'n'.repeat(100), false],
      ['Refine', 'refine:discord:1', false],
    ]);
  });

  it('GIVEN a reply with a PNG THEN the file travels with the message and the embed shows it', () => {
    const chart = {
      name: 'chart.png',
      contentType: 'image/png',
      data: new Uint8Array([137, 80, 78, 71]),
      alt: 'Papers per year',
    };
    const reply = layoutAnswer(core.ask('how many papers in 2024?', { today: TODAY }));
    const message = renderReply({ ...reply, attachments: [chart] });
    expect(message.files).toEqual([
      { attachment: Buffer.from(chart.data), name: 'chart.png', description: 'Papers per year' },
    ]);
    expect(message.embeds[0]?.image).toEqual({ url: 'attachment://chart.png' });
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
