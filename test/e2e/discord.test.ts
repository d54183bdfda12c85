import { type APIEmbed, REST } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../adapters/discord/commands.js';
import { DiscordFatalError, DiscordPlatform } from '../../adapters/discord/discord-platform.js';
import { syncCommands } from '../../adapters/discord/register-commands.js';
import { Conversation } from '../../src/conversation/conversation.js';
import { type Core, createCore } from '../../src/core.js';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Logger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { LISTING_TEXT } from '../support/corpus.js';
import { discordViolations } from '../support/discord-limits.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, GUILD_ID } from '../support/fake-discord.js';
import { freePort } from '../support/free-port.js';
import { memoryLogger } from '../support/memory-logger.js';
import { spawnBot } from '../support/spawn-bot.js';

interface CallbackBody {
  type: number;
  data?: {
    content?: string;
    embeds?: APIEmbed[];
    components?: Array<{
      components: Array<{ label?: string; custom_id?: string; disabled?: boolean }>;
    }>;
    allowed_mentions?: { parse: string[] };
    flags?: number;
    choices?: Array<{ name: string; value: string }>;
  };
}

const hostile = {
  title: '@everyone look <@&123456789012345678> **now** [click](https://evil.example) `code`',
  authors: ['Mallory <@999999999999999999>', 'Eve @here'],
  published: '2026-02-01',
  category: 'cs.CR',
  abstract: '@everyone ping! # Heading\n> quote ||spoiler|| <#555555555555555555> ~~strike~~',
  url: 'https://example.org/paper) @everyone',
};
const huge = {
  title: `An Extremely Long Title ${'about very many things '.repeat(30)}`.trim(),
  authors: ['Ana Ruiz'],
  published: '2026-03-01',
  category: 'cs.LG',
  abstract: 'Words upon words. '.repeat(2000),
};
const corpus = buildCorpus([
  { name: 'corpus/publications.txt', text: LISTING_TEXT },
  { name: 'corpus/extra.json', text: JSON.stringify([hostile, huge]) },
]);
const paperIdOf = (prefix: string) =>
  corpus.papers.find((p) => p.title.startsWith(prefix))?.id as string;

/** The real platform in front of the real funnel, on an in-memory store. */
function discordPlatform(apiUrl: string, core: () => Core, logger: Logger, token: string) {
  const conversation = new Conversation({ core, store: new SqliteStore(':memory:'), logger });
  return new DiscordPlatform({ token, appId: APP_ID, apiUrl, conversation, core, logger });
}

describe('Discord adapter against a local fake Discord, with the real discord.js client', () => {
  let fake: FakeDiscord;
  let adapter: DiscordPlatform;
  let core: Core = createCore(corpus.papers);
  const log = memoryLogger();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    adapter = discordPlatform(
      fake.apiUrl,
      () => core,
      log.logger,
      'test-token-abcdefghijklmnopqrstuvwxyz',
    );
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  afterEach(() => {
    core = createCore(corpus.papers);
  });

  async function reply(interactionId: string): Promise<CallbackBody> {
    const request = await fake.callback(interactionId);
    return request.body as CallbackBody;
  }

  it('GIVEN the bot logged in THEN it identified over the gateway and reports ready', () => {
    expect(adapter.isReady()).toBe(true);
    expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(true);
  });

  it('GIVEN /ask "papers by Yiren Zhao in 2019" THEN one list embed with the four titles and a footer of what was understood', async () => {
    const id = fake.command('ask', [
      { name: 'question', type: 3, value: 'papers by Yiren Zhao in 2019' },
    ]);
    const body = await reply(id);
    expect(body.type).toBe(4);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const [embed] = body.data?.embeds ?? [];
    expect(embed?.title).toBe('4 papers by Yiren Zhao in 2019, newest first');
    for (const title of [
      'Automatic Generation of Multi-precision',
      'Blackbox Attacks on Reinforcement',
      'Focused Quantization for Sparse CNNs',
      'Sitatapatra: Blocking',
    ]) {
      expect(embed?.description).toContain(title);
    }
    expect(embed?.description).toContain('Yiren Zhao, Xitong Gao, Xuan Guo et al.');
    expect(embed?.footer?.text).toBe('papers by Yiren Zhao · in 2019 · newest first · 4 results');
    // One page holds all four: no page buttons, only Refine.
    expect(body.data?.components?.[0]?.components.map((b) => b.label)).toEqual(['Refine']);
  });

  it('GIVEN /ask "latest on backdoors" THEN newest first', async () => {
    const body = await reply(
      fake.command('ask', [{ name: 'question', type: 3, value: 'latest on backdoors' }]),
    );
    const description = body.data?.embeds?.[0]?.description ?? '';
    const order = ['Poison Once', 'Lie Detector', 'Flareon'].map((t) => description.indexOf(t));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(
      true,
    );
  });

  it('GIVEN /paper with an autocomplete pick THEN a detail embed with authors, date, category, code and names', async () => {
    const body = await reply(
      fake.command('paper', [{ name: 'title', type: 3, value: paperIdOf('Flareon') }]),
    );
    const [embed] = body.data?.embeds ?? [];
    expect(embed?.title).toBe(
      'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation',
    );
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({
      Authors: 'Tianrui Qin, Xianghuan He, Xitong Gao et al.',
      Published: 'Dec 2022',
      Category: 'Cryptography and Security (cs.CR)',
      Code: '[repository](https://github.com/lafeat/flareon)',
      Introduces: 'Flareon',
    });
    expect(embed?.description).toMatch(/^Open software supply chain attacks/u);
  });

  it('GIVEN /cite THEN BibTeX in a code block', async () => {
    const body = await reply(fake.command('cite', [{ name: 'title', type: 3, value: 'MORA' }]));
    expect(body.data?.embeds?.[0]?.description).toMatch(
      /^```bibtex\n@misc\{yu2022mora,[\s\S]*\n```$/u,
    );
  });

  it('GIVEN /author THEN their papers newest first and a co-author embed', async () => {
    const body = await reply(
      fake.command('author', [{ name: 'name', type: 3, value: 'Tianrui Qin' }]),
    );
    const [papers, coauthors] = body.data?.embeds ?? [];
    expect(papers?.title).toBe('5 papers by Tianrui Qin, newest first');
    const newest = papers?.description?.indexOf('Flash-Searcher') ?? -1;
    const oldest = papers?.description?.indexOf('Flareon') ?? -1;
    expect(newest).toBeGreaterThanOrEqual(0);
    expect(oldest).toBeGreaterThan(newest);
    expect(coauthors?.title).toBe('Top co-authors');
    // Escaped so Discord shows the number as written instead of starting a markdown list.
    expect(coauthors?.description?.split('\n')[0]).toBe('\\1. Xitong Gao — 3 papers');
  });

  it('GIVEN /latest with a count THEN that many papers', async () => {
    const body = await reply(fake.command('latest', [{ name: 'count', type: 4, value: 2 }]));
    expect(body.data?.embeds?.[0]?.description?.match(/^\*\*\d+\. /gmu)).toHaveLength(2);
  });

  it('GIVEN typing in /paper and /author THEN autocomplete offers ranked corpus choices within limits', async () => {
    const titles = await reply(fake.autocomplete('paper', 'title', 'flare'));
    expect(titles.type).toBe(8);
    expect(titles.data?.choices?.[0]).toEqual({
      name: 'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation (2022)',
      value: paperIdOf('Flareon'),
    });
    const names = await reply(fake.autocomplete('author', 'name', 'yir'));
    expect(names.data?.choices?.[0]).toEqual({
      name: 'Yiren Zhao (9 papers)',
      value: 'yiren-zhao',
    });
    const all = await reply(fake.autocomplete('paper', 'title', ''));
    expect(all.data?.choices?.length).toBe(25);
    for (const choice of all.data?.choices ?? []) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN more results than a page THEN Next updates the same message to page 2', async () => {
    const first = await reply(
      fake.command('ask', [{ name: 'question', type: 3, value: 'papers by Xitong Gao' }]),
    );
    expect(first.data?.embeds?.[0]?.footer?.text).toBe(
      'papers by Xitong Gao · newest first · 16 results · page 1/4',
    );
    const [previous, next] = first.data?.components?.[0]?.components ?? [];
    expect(previous?.disabled).toBe(true);
    const message = fake.message({
      embeds: first.data?.embeds,
      components: first.data?.components,
    });
    const pressed = await reply(fake.button(next?.custom_id as string, message));
    expect(pressed.type).toBe(7);
    expect(pressed.data?.embeds?.[0]?.footer?.text).toBe(
      'papers by Xitong Gao · newest first · 16 results · page 2/4',
    );
    expect(pressed.data?.embeds?.[0]?.description).toMatch(/^\*\*6\. /u);
    expect(pressed.data?.components?.[0]?.components[0]?.disabled).toBe(false);
  });

  it('GIVEN /subscribe from a member without Manage Channels THEN an ephemeral refusal', async () => {
    const body = await reply(fake.command('subscribe', [], { permissions: 0n }));
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toBe(
      'Only members with the Manage Channels permission can change this channel’s announcements.',
    );
  });

  it('GIVEN /subscribe with permission but no announcement store THEN it says announcements are not set up', async () => {
    const body = await reply(fake.command('subscribe'));
    expect(body.data?.content).toBe('Announcements are not set up on this bot.');
  });

  it('GIVEN corpus text with @everyone, role mentions and markdown THEN nothing pings and nothing formats', async () => {
    const body = await reply(
      fake.command('paper', [{ name: 'title', type: 3, value: paperIdOf('@everyone') }]),
    );
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.data?.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@&|<@\d|<#\d/u);
    const [embed] = body.data?.embeds ?? [];
    expect(embed?.title).toContain('\\*\\*now\\*\\* \\[click\\]');
    expect(embed?.url).toBe('https://example.org/paper%29%20%40everyone');
    expect(embed?.description).toContain('\n\\> quote \\|\\|spoiler\\|\\|');
    expect(embed?.description).toContain('\\~\\~strike\\~\\~');
  });

  it('GIVEN a huge abstract and a long title THEN the message is cut cleanly within every limit', async () => {
    const detail = await reply(
      fake.command('paper', [
        { name: 'title', type: 3, value: paperIdOf('An Extremely Long Title') },
      ]),
    );
    expect(discordViolations(detail.data ?? {})).toEqual([]);
    expect(detail.data?.embeds?.[0]?.description).toMatch(/…$/u);
    const list = await reply(fake.command('latest', [{ name: 'count', type: 4, value: 10 }]));
    expect(discordViolations(list.data ?? {})).toEqual([]);
  });

  it('GIVEN a question over the length cap THEN an ephemeral refusal', async () => {
    const body = await reply(
      fake.command('ask', [{ name: 'question', type: 3, value: 'x'.repeat(501) }]),
    );
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toMatch(/501 characters long; please keep it under 500/u);
  });

  it('GIVEN a handler that throws THEN an ephemeral apology and an error logged with context', async () => {
    core = {
      ...core,
      answer: () => {
        throw new Error('index exploded');
      },
    };
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'anything' }]);
    const body = await reply(id);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toBe(
      `Sorry, something went wrong answering that. It has been logged (request ${id}); please try again.`,
    );
    const logged = log.lines().filter((line) => line.msg === 'request failed');
    expect(logged).toEqual([
      expect.objectContaining({
        requestId: id,
        platform: 'discord',
        channel: CHANNEL_ID,
        request: 'question',
        err: expect.objectContaining({ message: 'index exploded' }),
      }),
    ]);
    expect(adapter.isReady()).toBe(true);
  });

  it('GIVEN an answer THEN Refine opens a modal, and "and in 2025?" answers about the same person in 2025', async () => {
    const asked = fake.command('ask', [
      { name: 'question', type: 3, value: 'papers by Tianrui Qin' },
    ]);
    const first = await reply(asked);
    const buttons = first.data?.components?.[0]?.components ?? [];
    const refine = buttons.find((b) => b.label === 'Refine');
    expect(refine?.custom_id).toBe(`refine:discord:${asked}`);
    const message = fake.message({
      embeds: first.data?.embeds,
      components: first.data?.components,
    });
    const modal = await reply(fake.button(refine?.custom_id as string, message));
    expect(modal.type).toBe(9);
    const form = modal.data as unknown as {
      custom_id: string;
      components: Array<{ type: number; component: { custom_id: string; type: number } }>;
    };
    expect(form.custom_id).toBe(`refine:discord:${asked}`);
    expect(form.components[0]).toMatchObject({ type: 18, component: { type: 4 } });
    const submitted = fake.modalSubmit(form.custom_id, {
      [form.components[0]?.component.custom_id as string]: 'and in 2025?',
    });
    const refined = await reply(submitted);
    expect(refined.type).toBe(4);
    expect(refined.data?.embeds?.[0]?.title).toBe('2 papers by Tianrui Qin in 2025, newest first');
    expect(refined.data?.embeds?.[0]?.footer?.text).toBe(
      'papers by Tianrui Qin · in 2025 · newest first · 2 results',
    );
  });

  it('GIVEN an interaction that arrives late THEN the bot defers first and edits the reply', async () => {
    const id = fake.command(
      'ask',
      [{ name: 'question', type: 3, value: 'how many papers in 2024?' }],
      {
        createdAt: Date.now() - 2000,
      },
    );
    expect((await reply(id)).type).toBe(5);
    const edit = await fake.http.waitFor(
      (r) =>
        r.method === 'PATCH' &&
        r.path.includes(`/webhooks/${APP_ID}/token-${id}/messages/@original`),
    );
    expect((edit.body as CallbackBody['data'])?.embeds?.[0]?.title).toBe('4 papers in 2024');
  });

  it('GIVEN the bot started THEN it registered its commands; a sync finding them unchanged does not PUT again; a guild gets its own', async () => {
    const global = `/api/v10/applications/${APP_ID}/commands`;
    const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === global);
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.body).toEqual(slashCommands());
    expect(log.lines().find((l) => l.msg?.toString().startsWith('discord commands'))).toMatchObject(
      {
        msg: 'discord commands differed from what Discord had; registered them',
        commands: 8,
        scope: 'global',
      },
    );
    const rest = new REST({ api: fake.apiUrl }).setToken('x'.repeat(30));
    expect(await syncCommands(rest, { appId: APP_ID })).toEqual({ changed: false, count: 8 });
    expect(puts()).toHaveLength(1);
    expect(await syncCommands(rest, { appId: APP_ID, guildId: GUILD_ID })).toEqual({
      changed: true,
      count: 8,
    });
    const put = await fake.http.waitFor(
      (r) =>
        r.method === 'PUT' &&
        r.path === `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
    );
    const names = (put.body as Array<{ name: string; default_member_permissions?: string }>).map(
      (c) => [c.name, c.default_member_permissions ?? null],
    );
    expect(names).toEqual([
      ['ask', null],
      ['paper', null],
      ['author', null],
      ['latest', null],
      ['cite', null],
      ['help', null],
      ['subscribe', '16'],
      ['unsubscribe', '16'],
    ]);
  });

  it('GIVEN Discord holds an older version of one command THEN the sync replaces them', async () => {
    const global = `/api/v10/applications/${APP_ID}/commands`;
    const stale = (fake.commands.get(global) ?? []).map((c) =>
      c.name === 'latest' ? { ...c, description: 'The newest papers' } : c,
    );
    fake.commands.set(global, stale);
    const rest = new REST({ api: fake.apiUrl }).setToken('x'.repeat(30));
    expect(await syncCommands(rest, { appId: APP_ID })).toEqual({ changed: true, count: 8 });
  });
});

describe('Discord adapter start-up failures', () => {
  it('GIVEN a token Discord rejects THEN start fails with one clear fatal error', async () => {
    const fake = await FakeDiscord.start();
    fake.http.handle((r) =>
      r.path === '/api/v10/gateway/bot'
        ? { status: 401, body: { message: '401: Unauthorized', code: 0 } }
        : undefined,
    );
    const adapter = discordPlatform(
      fake.apiUrl,
      () => createCore([]),
      memoryLogger().logger,
      'bad-token-abcdefghijklmnopqrstu',
    );
    await expect(adapter.start()).rejects.toThrow(
      new DiscordFatalError(
        'Discord rejected DISCORD_TOKEN (401): check the bot token in the Developer Portal',
      ),
    );
    await adapter.stop();
    await fake.close();
  });

  it('GIVEN the gateway closes with 4014 THEN start fails naming the intents problem', async () => {
    const fake = await FakeDiscord.start();
    fake.rejectIdentifyWith = 4014;
    const adapter = discordPlatform(
      fake.apiUrl,
      () => createCore([]),
      memoryLogger().logger,
      'token-abcdefghijklmnopqrstuvwxyz',
    );
    await expect(adapter.start()).rejects.toThrow(/disallowed intents/u);
    await adapter.stop();
    await fake.close();
  });
});

describe('the bot process against a local fake Discord', () => {
  it('GIVEN DISCORD_* pointing at the fake THEN the process answers /ask, and SIGTERM stops it cleanly with exit 0', async () => {
    const fake = await FakeDiscord.start();
    const port = await freePort();
    const bot = spawnBot({
      DISCORD_TOKEN: 'process-token-abcdefghijklmnopqrstuvwxyz',
      DISCORD_APP_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      HTTP_PORT: String(port),
    });
    try {
      await bot.waitForLog('"platform":"discord","msg":"platform started"');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        papers: 25,
        adapters: { discord: true },
        reasons: [],
      });
      const id = fake.command('ask', [
        { name: 'question', type: 3, value: 'how many papers in 2024?' },
      ]);
      const callback = await fake.callback(id);
      expect((callback.body as CallbackBody).data?.embeds?.[0]?.title).toBe('4 papers in 2024');
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('pubbot_questions_total{platform="discord",intent="count"} 1');
      expect(metrics).toContain('pubbot_corpus_papers 25');
      expect(metrics).toContain('pubbot_adapter_connected{platform="discord"} 1');
      expect(metrics).toMatch(/pubbot_answer_duration_seconds_count\{platform="discord"\} 1/u);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.stderr()).not.toContain('process-token-abcdefghijklmnopqrstuvwxyz');
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  });

  it('GIVEN a token the fake rejects THEN the process exits 1 with one clear line, no stack trace loop', async () => {
    const fake = await FakeDiscord.start();
    fake.http.handle((r) =>
      r.path === '/api/v10/gateway/bot'
        ? { status: 401, body: { message: '401: Unauthorized', code: 0 } }
        : undefined,
    );
    const bot = spawnBot({
      DISCORD_TOKEN: 'rejected-token-abcdefghijklmnopqrstu',
      DISCORD_APP_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    try {
      expect((await bot.exited).code).toBe(1);
      expect(bot.stderr().trim().split('\n').at(-1)).toBe(
        'pubbot: Discord rejected DISCORD_TOKEN (401): check the bot token in the Developer Portal',
      );
    } finally {
      await fake.close();
    }
  });
});
