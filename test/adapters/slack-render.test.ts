import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeMrkdwn, link, truncate } from '../../adapters/slack/mrkdwn.js';
import { renderBlocks } from '../../adapters/slack/render-blocks.js';
import { layoutAnswer } from '../../src/conversation/layout-answer.js';
import { TODAY } from '../support/corpus.js';
import { renderCases, stressCore } from '../support/render-stress.js';

const core = stressCore();

describe('renderBlocks within Slack limits', () => {
  it.each(renderCases([5, 25, 50]))(
    'GIVEN "%s" at %i per page THEN blocks, sections, headers and payload stay within limits',
    (_label, limit, question) => {
      const reply = layoutAnswer(core.ask(question, { today: TODAY, limit }));
      const message = renderBlocks({
        ...reply,
        pager: { next: 'p'.repeat(2000), page: 1, pages: 2, remaining: 3 },
      });
      expect(message.text.length).toBeGreaterThan(0);
      expect(message.text.length).toBeLessThanOrEqual(3000);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(12_000);
      for (const block of message.blocks as Array<{
        type: string;
        text?: { text: string };
        elements?: Array<{ text?: unknown; value?: string }>;
      }>) {
        if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
        if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
        if (block.type === 'context') expect(block.elements?.length).toBeLessThanOrEqual(10);
        for (const element of block.elements ?? [])
          expect((element.value ?? '').length).toBeLessThanOrEqual(2000);
      }
      expect(JSON.stringify(message)).not.toMatch(/<!channel>/u);
    },
  );

  it('GIVEN a pager THEN "Show more" carries the next page token and counts what is left', () => {
    const reply = layoutAnswer(core.ask('papers by Xitong Gao', { today: TODAY, limit: 5 }));
    const message = renderBlocks({
      ...reply,
      pager: { next: 'p1.2026-11-25.5.5.papers by Xitong Gao', page: 1, pages: 3, remaining: 11 },
    });
    const actions = message.blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ value: string; text: { text: string } }>;
    };
    expect(actions.elements[0]?.value).toBe('p1.2026-11-25.5.5.papers by Xitong Gao');
    expect(actions.elements[0]?.text.text).toBe('Show more (11 left)');
  });

  it('GIVEN a refusal or help THEN it is marked ephemeral', () => {
    const render = (question: string) => renderBlocks(layoutAnswer(core.ask(question)));
    expect(render('z'.repeat(800)).ephemeral).toBe(true);
    expect(render('help').ephemeral).toBe(true);
    expect(render('what is MORA').ephemeral).toBe(false);
  });
});

describe('mrkdwn helpers', () => {
  it('GIVEN &, < and > THEN exactly those are escaped', () => {
    expect(escapeMrkdwn('a & b <!channel> <https://x|y> *bold*')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;https://x|y&gt; *bold*',
    );
  });

  it('GIVEN a cut through an entity THEN the half entity is dropped', () => {
    expect(truncate(escapeMrkdwn('word & word & word'), 12)).toBe('word &amp;…');
    expect(truncate('abc &amp;def', 9)).toBe('abc…');
  });

  it('GIVEN links THEN only http(s), with | and > encoded', () => {
    expect(link('t', 'https://a.example/x|y>z')).toBe('<https://a.example/x%7Cy%3Ez|t>');
    expect(link('t', 'javascript:alert(1)')).toBe('t');
    expect(link('t', undefined)).toBe('t');
  });
});

describe('the Slack app manifest', () => {
  const manifest = parse(readFileSync('adapters/slack/manifest.yml', 'utf8'));

  it('GIVEN the manifest THEN it asks for the scopes, events and command the adapter uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'chat:write',
        'commands',
        'im:history',
        'users:read',
        'channels:read',
        // conversations.history, to look for an announcement before sending it again
        'channels:history',
        'groups:history',
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.slash_commands[0].command).toBe('/papers');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
