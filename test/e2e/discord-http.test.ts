import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../adapters/discord/discord-platform.js';
import { ChartRenderer } from '../../src/chart/chart-renderer.js';
import { Conversation } from '../../src/conversation/conversation.js';
import { createCore } from '../../src/core.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { bundled } from '../support/corpus.js';
import { APP_ID, FakeDiscord, interactionPayload, interactions } from '../support/fake-discord.js';
import { freePort } from '../support/free-port.js';
import { memoryLogger } from '../support/memory-logger.js';
import { serveRoutes } from '../support/serve-routes.js';
import { applicationKeys, postInteraction } from '../support/signed-interactions.js';
import { spawnBot } from '../support/spawn-bot.js';

interface ResponseBody {
  type: number;
  data?: {
    content?: string;
    embeds?: APIEmbed[];
    components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }>;
    choices?: Array<{ name: string; value: string }>;
    custom_id?: string;
    flags?: number;
  };
}

describe('Discord over HTTP interactions, without a gateway', () => {
  const keys = applicationKeys();
  const log = memoryLogger();
  const core = createCore(bundled().papers);
  const charts = new ChartRenderer({ timeoutMs: 10_000 });
  const conversation = new Conversation({
    core: () => core,
    store: new SqliteStore(':memory:'),
    logger: log.logger,
    charts,
  });
  let fake: FakeDiscord;
  let platform: DiscordPlatform;
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let url = '';

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    platform = new DiscordPlatform({
      token: 'http-token-abcdefghijklmnopqrstuvwxyz',
      appId: APP_ID,
      apiUrl: fake.apiUrl,
      publicKey: keys.publicKeyHex,
      gateway: false,
      conversation,
      core: () => core,
      logger: log.logger,
    });
    await platform.start();
    server = await serveRoutes(platform.routes());
    url = server.url('/discord/interactions');
  });

  afterAll(async () => {
    await platform.stop();
    await server.close();
    await fake.close();
    await charts.close();
  });

  const send = async (interaction: unknown) => {
    const response = await postInteraction(url, keys.privateKey, interaction);
    expect(response.status).toBe(200);
    return (await response.json()) as ResponseBody;
  };
  const ask = (question: string, extra: { createdAt?: number } = {}) =>
    interactionPayload(
      ...interactions.command('ask', [{ name: 'question', type: 3, value: question }]),
      extra,
    );

  it('GIVEN no gateway THEN the bot registered its commands and never asked for a gateway', () => {
    expect(platform.isReady()).toBe(true);
    expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(false);
    expect(fake.commands.get(`/api/v10/applications/${APP_ID}/commands`)).toHaveLength(8);
  });

  it('GIVEN a signed PING THEN PONG', async () => {
    expect(
      await send({ id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 }),
    ).toEqual({
      type: 1,
    });
  });

  it('GIVEN requests that are unsigned, signed by another key, altered after signing or replayed THEN 401 and nothing answered', async () => {
    const ping = { id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 };
    const interaction = ask('how many papers in 2024?');
    const foreign = applicationKeys();
    const altered = JSON.stringify(interaction).replace('"name":"ask"', '"name":"help"');
    const statuses = await Promise.all([
      postInteraction(url, keys.privateKey, ping, { unsigned: true }),
      postInteraction(url, foreign.privateKey, interaction),
      postInteraction(url, keys.privateKey, interaction, { sendInstead: altered }),
      postInteraction(url, keys.privateKey, interaction, {
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      }),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(fake.requests.some((r) => r.path.includes(interaction.token))).toBe(false);
  });

  it('GIVEN /ask THEN the answer is the HTTP response itself', async () => {
    const body = await send(ask('papers by Yiren Zhao in 2019'));
    expect(body.type).toBe(4);
    expect(body.data?.embeds?.[0]?.title).toBe('4 papers by Yiren Zhao in 2019, newest first');
    expect(body.data?.components?.[0]?.components.map((b) => b.label)).toEqual(['Refine']);
  });

  it('GIVEN typing in /paper THEN autocomplete choices', async () => {
    const body = await send(
      interactionPayload(...interactions.autocomplete('paper', 'title', 'flare')),
    );
    expect(body.type).toBe(8);
    expect(body.data?.choices?.[0]?.name).toBe(
      'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation (2022)',
    );
  });

  it('GIVEN Next on a long answer THEN the message is updated to page 2, from the page token in the store', async () => {
    const first = await send(ask('papers by Xitong Gao'));
    const next = first.data?.components?.[0]?.components.find((b) => b.label === 'Next ▶');
    const message = fake.message({
      embeds: first.data?.embeds,
      components: first.data?.components,
    });
    const pressed = await send(
      interactionPayload(...interactions.button(next?.custom_id as string), { message }),
    );
    expect(pressed.type).toBe(7);
    expect(pressed.data?.embeds?.[0]?.footer?.text).toMatch(/· page 2\/\d+$/u);
  });

  it('GIVEN Refine THEN a modal, and its submission answers the follow-up', async () => {
    const asked = ask('papers by Tianrui Qin');
    const first = await send(asked);
    const refine = first.data?.components?.[0]?.components.find((b) => b.label === 'Refine');
    const message = fake.message({
      embeds: first.data?.embeds,
      components: first.data?.components,
    });
    const modal = await send(
      interactionPayload(...interactions.button(refine?.custom_id as string), { message }),
    );
    expect(modal.type).toBe(9);
    expect(modal.data?.custom_id).toBe(`refine:discord:${asked.id}`);
    const refined = await send(
      interactionPayload(
        ...interactions.modalSubmit(modal.data?.custom_id as string, {
          'follow-up': 'and in 2025?',
        }),
      ),
    );
    expect(refined.type).toBe(4);
    expect(refined.data?.embeds?.[0]?.title).toBe('2 papers by Tianrui Qin in 2025, newest first');
  });

  it('GIVEN an interaction that arrives late THEN it is deferred (type 5) and the answer edited in through the webhook', async () => {
    const late = ask('how many papers in 2024?', { createdAt: Date.now() - 2500 });
    expect((await send(late)).type).toBe(5);
    const edit = await fake.http.waitFor(
      (r) =>
        r.method === 'PATCH' &&
        r.path === `/api/v10/webhooks/${APP_ID}/${late.token}/messages/@original`,
    );
    expect((edit.body as ResponseBody['data'])?.embeds?.[0]?.title).toBe('4 papers in 2024');
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('GIVEN an answer with a chart THEN deferred, since an HTTP answer cannot carry files, and the PNG goes with the edit', async () => {
    const charted = ask('papers per year');
    expect((await send(charted)).type).toBe(5);
    const edit = await fake.http.waitFor(
      (r) =>
        r.method === 'PATCH' && r.path.startsWith(`/api/v10/webhooks/${APP_ID}/${charted.token}/`),
    );
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/u);
    expect(edit.raw).toContain('filename="chart.png"');
    expect(edit.raw).toContain('"attachment://chart.png"');
    expect(edit.raw).toContain('25 papers, per year');
  });

  it('GIVEN a failed edit THEN its log line carries no interaction token', async () => {
    const failing = fake.http.handle((r) =>
      r.method === 'PATCH'
        ? { status: 404, body: { message: 'Unknown Webhook', code: 10015 } }
        : undefined,
    );
    try {
      const late = ask('how many papers in 2023?', { createdAt: Date.now() - 2500 });
      await send(late);
      await expect
        .poll(() => log.lines().some((l) => l.msg === 'discord reply not delivered'))
        .toBe(true);
      expect(log.raw()).toContain(`/webhooks/${APP_ID}/[redacted]/messages`);
      expect(log.raw()).not.toContain(late.token);
    } finally {
      failing();
    }
  });
});

describe('the bot process with DISCORD_GATEWAY=off', () => {
  it('GIVEN DISCORD_PUBLIC_KEY THEN it serves /discord/interactions on HTTP_PORT and answers signed commands, with no gateway', async () => {
    const fake = await FakeDiscord.start();
    const keys = applicationKeys();
    const port = await freePort();
    const bot = spawnBot({
      DISCORD_TOKEN: 'process-token-abcdefghijklmnopqrstuvwxyz',
      DISCORD_APP_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_GATEWAY: 'off',
      HTTP_PORT: String(port),
    });
    try {
      await bot.waitForLog('"platform":"discord","msg":"platform started"');
      const response = await postInteraction(
        `http://127.0.0.1:${port}/discord/interactions`,
        keys.privateKey,
        interactionPayload(
          ...interactions.command('ask', [{ name: 'question', type: 3, value: 'cite Flareon' }]),
        ),
      );
      const body = (await response.json()) as ResponseBody;
      expect(body.type).toBe(4);
      expect(body.data?.embeds?.[0]?.description).toMatch(/^```bibtex\n@misc\{qin2022flareon,/u);
      expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(false);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  });

  it('GIVEN a token Discord rejects, without a gateway THEN exit 1 with one line naming DISCORD_TOKEN', async () => {
    const fake = await FakeDiscord.start();
    fake.http.handle((r) =>
      r.path.endsWith('/commands')
        ? { status: 401, body: { message: '401: Unauthorized', code: 0 } }
        : undefined,
    );
    const bot = spawnBot({
      DISCORD_TOKEN: 'rejected-token-abcdefghijklmnopqrstu',
      DISCORD_APP_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: applicationKeys().publicKeyHex,
      DISCORD_GATEWAY: 'off',
      HTTP_PORT: String(await freePort()),
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
