import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeMrkdwn, link, truncate } from '../../adapters/slack/mrkdwn.js';
import { type MoreRequest, renderBlocks } from '../../adapters/slack/render-blocks.js';
import { SeenEvents } from '../../adapters/slack/seen-events.js';
import { TODAY } from '../support/corpus.js';
import { renderCases, stressCore } from '../support/render-stress.js';

const core = stressCore();

describe('renderBlocks within Slack limits', () => {
  it.each(renderCases([5, 25, 50]))(
    'GIVEN "%s" at %i per page THEN blocks, sections, headers and payload stay within limits',
    (_label, limit, question) => {
      const message = renderBlocks(core.ask(question, { today: TODAY, limit }), {
        question,
        limit,
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

  it('GIVEN more results than a page THEN "Show more" carries the next offset and the question', () => {
    const message = renderBlocks(core.ask('papers by Xitong Gao', { today: TODAY, limit: 5 }), {
      question: 'papers by Xitong Gao',
      limit: 5,
    });
    const actions = message.blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ value: string; text: { text: string } }>;
    };
    expect(JSON.parse(actions.elements[0]?.value ?? '') as MoreRequest).toEqual({
      q: 'papers by Xitong Gao',
      o: 5,
      l: 5,
    });
    expect(actions.elements[0]?.text.text).toBe('Show more (11 left)');
  });

  it('GIVEN a refusal or help THEN it is marked ephemeral', () => {
    expect(renderBlocks(core.ask('z'.repeat(800)), { question: '', limit: 5 }).ephemeral).toBe(
      true,
    );
    expect(renderBlocks(core.ask('help'), { question: 'help', limit: 5 }).ephemeral).toBe(true);
    expect(
      renderBlocks(core.ask('what is MORA'), { question: 'what is MORA', limit: 5 }).ephemeral,
    ).toBe(false);
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

describe('SeenEvents', () => {
  it('GIVEN the same id twice THEN only the first is taken, until it expires', () => {
    let now = 0;
    const seen = new SeenEvents({ ttlMs: 1000, now: () => now });
    expect(seen.take('Ev1')).toBe(true);
    expect(seen.take('Ev1')).toBe(false);
    now = 2000;
    expect(seen.take('Ev2')).toBe(true);
    expect(seen.take('Ev1')).toBe(true);
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
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.slash_commands[0].command).toBe('/papers');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
