import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackPlatform } from '../../adapters/slack/slack-platform.js';
import { Conversation } from '../../src/conversation/conversation.js';
import type { SubscriptionCommands } from '../../src/conversation/subscriptions.js';
import { type Core, createCore } from '../../src/core.js';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Logger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { LISTING_TEXT } from '../support/corpus.js';
import {
  BOT_USER_ID,
  eventEnvelope,
  FakeSlack,
  nextTs,
  postSigned,
  SIGNING_SECRET,
} from '../support/fake-slack.js';
import { freePort } from '../support/free-port.js';
import { memoryLogger } from '../support/memory-logger.js';
import { rawPost } from '../support/raw-post.js';
import { serveRoutes } from '../support/serve-routes.js';
import { spawnBot } from '../support/spawn-bot.js';

interface Block {
  type: string;
  text?: { type: string; text: string };
  elements?: Array<{
    type: string;
    text?: string | { text: string };
    value?: string;
    action_id?: string;
  }>;
}

const hostile = {
  title: 'Hijack <!channel> & <!here> <https://evil.example|totally safe> <@U123>',
  authors: ['Mallory <!everyone>'],
  published: '2026-02-01',
  category: 'cs.CR',
  abstract: 'An abstract with <!channel> and <https://evil.example|a link> & more.',
};
const stress = Array.from({ length: 40 }, (_, i) => ({
  title: `Lorem study ${i}: ${'a long descriptive title about many things '.repeat(6)}`.trim(),
  authors: Array.from({ length: 30 }, (_, j) => `Author${j} Person${i}`),
  published: '2025-05-05',
  category: 'cs.LG',
  abstract: 'Lorem ipsum dolor sit amet. '.repeat(400),
}));
const corpus = buildCorpus([
  { name: 'corpus/publications.txt', text: LISTING_TEXT },
  { name: 'corpus/extra.json', text: JSON.stringify([hostile, ...stress]) },
]);

/** Follow-ups and event ids kept in an in-memory store, as the bot keeps them in its own. */
const store = new SqliteStore(':memory:');

/** The real funnel on that store, in front of the platform under test. */
const conversation = (core: () => Core, logger: Logger, subscriptions?: SubscriptionCommands) =>
  new Conversation({ core, store, logger, ...(subscriptions ? { subscriptions } : {}) });

const blocksOf = (body: Record<string, string>): Block[] =>
  JSON.parse(body.blocks ?? '[]') as Block[];
const textOf = (blocks: Block[]) => JSON.stringify(blocks);

describe('Slack adapter: the real Bolt app over HTTP against a local fake Slack', () => {
  let fake: FakeSlack;
  let adapter: SlackPlatform;
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let core: Core = createCore(corpus.papers);
  let url = '';
  let subscribed: Array<[string, string | undefined]> = [];
  const log = memoryLogger();

  beforeAll(async () => {
    fake = await FakeSlack.start();
    // The announcement service is out of this test's scope: a recorder stands in for it.
    const subscriptions: SubscriptionCommands = {
      subscribe: async (channel, wanted) => {
        subscribed.push([channel, wanted?.text]);
        return {
          ok: true,
          message: `Subscribed ${channel} to ${wanted?.text ?? 'all new papers'}.`,
        };
      },
      unsubscribe: async () => ({ ok: true, message: 'Unsubscribed.' }),
    };
    adapter = new SlackPlatform({
      botToken: 'xoxb-test-token',
      transport: { kind: 'http', signingSecret: SIGNING_SECRET },
      apiUrl: fake.apiUrl,
      conversation: conversation(() => core, log.logger, subscriptions),
      logger: log.logger,
      events: store,
    });
    await adapter.start();
    server = await serveRoutes(adapter.routes());
    url = server.url('/slack/events');
  });

  afterAll(async () => {
    await adapter.stop();
    await server.close();
    await fake.close();
  });

  afterEach(() => {
    core = createCore(corpus.papers);
    subscribed = [];
  });

  async function mention(text: string, extra: Record<string, unknown> = {}, eventId?: string) {
    const ts = nextTs();
    const event = {
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      channel: 'CPAPERS1',
      ...extra,
    };
    const response = await postSigned(url, JSON.stringify(eventEnvelope(event, eventId)));
    return { ts, response };
  }

  it('GIVEN a mention with a question THEN the answer is posted in a thread with blocks and a text fallback', async () => {
    const { ts, response } = await mention('papers by Yiren Zhao in 2019');
    expect(response.status).toBe(200);
    const post = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts);
    const body = post.body as Record<string, string>;
    expect(body).toMatchObject({
      channel: 'CPAPERS1',
      thread_ts: ts,
      unfurl_links: 'false',
      unfurl_media: 'false',
    });
    expect(post.headers.authorization).toBe('Bearer xoxb-test-token');
    const blocks = blocksOf(body);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: '4 papers by Yiren Zhao in 2019, newest first',
        emoji: false,
      },
    });
    for (const title of [
      'Automatic Generation of Multi-precision',
      'Blackbox Attacks on Reinforcement',
      'Focused Quantization for Sparse CNNs',
      'Sitatapatra: Blocking',
    ]) {
      expect(textOf(blocks)).toContain(title);
    }
    expect(body.text).toMatch(
      /^4 papers by Yiren Zhao in 2019, newest first:\n1\. Automatic Generation/u,
    );
  });

  it('GIVEN a mention inside a thread THEN the answer goes to that thread', async () => {
    const parent = nextTs();
    const { ts } = await mention('how many papers in 2024?', { thread_ts: parent });
    const post = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === parent);
    expect(blocksOf(post.body as Record<string, string>)[0]?.text?.text).toBe('4 papers in 2024');
    expect(ts).not.toBe(parent);
  });

  it('GIVEN a mention in the thread where the bot answered THEN it refines that question; outside the thread a question stands alone', async () => {
    const { ts } = await mention('papers by Tianrui Qin');
    await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts);
    await mention('and in 2025?', { thread_ts: ts });
    const refined = await fake.waitForCall(
      'chat.postMessage',
      (b) => b.thread_ts === ts && b.text?.startsWith('2 papers') === true,
    );
    expect(blocksOf(refined.body as Record<string, string>)[0]?.text?.text).toBe(
      '2 papers by Tianrui Qin in 2025, newest first',
    );
    await mention('just first-author ones', { thread_ts: ts });
    const narrowed = await fake.waitForCall(
      'chat.postMessage',
      (b) => b.thread_ts === ts && (b.blocks ?? '').includes('as first author'),
    );
    expect(blocksOf(narrowed.body as Record<string, string>)[0]?.text?.text).toBe(
      '1 paper by Tianrui Qin as first author in 2025',
    );
    const alone = await mention('and in 2025?');
    const answer = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === alone.ts);
    expect(blocksOf(answer.body as Record<string, string>)[0]?.text?.text).toMatch(
      /^\d+ papers in 2025, newest first$/u,
    );
  });

  it('GIVEN Slack retries an event while the first attempt still runs THEN exactly one answer', async () => {
    // The first attempt's post is held for 800 ms, so both retries arrive while it is still running.
    const slow = fake.http.handle((r) =>
      r.path === '/api/chat.postMessage' &&
      (r.body as Record<string, string>).channel === 'CRETRY01'
        ? { status: 200, body: { ok: true, channel: 'CRETRY01', ts: nextTs() }, delayMs: 800 }
        : undefined,
    );
    const ts = nextTs();
    const event = {
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> latest on backdoors`,
      ts,
      channel: 'CRETRY01',
    };
    const body = JSON.stringify(eventEnvelope(event, 'EvRetry0001'));
    const first = await postSigned(url, body);
    await fake.waitForCall('chat.postMessage', (b) => b.channel === 'CRETRY01');
    const retries = await Promise.all([
      postSigned(url, body, { retryNum: 1 }),
      postSigned(url, body, { retryNum: 2 }),
    ]);
    expect([first, ...retries].map((r) => r.status)).toEqual([200, 200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    slow();
    const posts = fake
      .calls('chat.postMessage')
      .filter((r) => (r.body as Record<string, string>).channel === 'CRETRY01');
    expect(posts).toHaveLength(1);
  });

  it('GIVEN a bad signature or a stale timestamp THEN 401 and no answer', async () => {
    const before = fake.calls('chat.postMessage').length;
    const event = eventEnvelope({
      type: 'app_mention',
      user: 'U1',
      text: `<@${BOT_USER_ID}> help`,
      ts: nextTs(),
      channel: 'CBAD0001',
    });
    const forged = await postSigned(url, JSON.stringify(event), { secret: 'wrong-secret' });
    const stale = await postSigned(url, JSON.stringify(event), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.calls('chat.postMessage')).toHaveLength(before);
  });

  it('GIVEN a timestamp more than 5 minutes ahead, a signed null or non-object body, or an oversize body THEN a clean 4xx and no answer', async () => {
    const before = fake.calls('chat.postMessage').length;
    const event = JSON.stringify(
      eventEnvelope({
        type: 'app_mention',
        user: 'U1',
        text: `<@${BOT_USER_ID}> help`,
        ts: nextTs(),
        channel: 'CBAD0002',
      }),
    );
    const form = { contentType: 'application/x-www-form-urlencoded' };
    const responses = await Promise.all([
      postSigned(url, event, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }),
      postSigned(url, 'null'),
      postSigned(url, '[1,2]'),
      postSigned(url, 'payload=null', form),
      postSigned(url, `{"type":"event_callback","pad":"${'x'.repeat(300 * 1024)}"}`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 400, 400, 400, 413]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.calls('chat.postMessage')).toHaveLength(before);
  });

  it('GIVEN /papers THEN it is acked at once and answered in the channel through response_url', async () => {
    const form = new URLSearchParams({
      command: '/papers',
      text: 'who does Tianrui Qin work with?',
      user_id: 'UASKER01',
      channel_id: 'CPAPERS1',
      team_id: 'T0000001',
      response_url: fake.responseUrl('cmd1'),
      trigger_id: 't1',
      token: 'legacy',
    }).toString();
    // Slack's response_url is held back; an ack that waited for the answer would come after it.
    const slowRespond = fake.http.handle((r) =>
      r.path === '/respond/cmd1' ? { status: 200, body: 'ok', delayMs: 1500 } : undefined,
    );
    const acked = postSigned(url, form, { contentType: 'application/x-www-form-urlencoded' });
    const answered = fake.http.waitFor((r) => r.path === '/respond/cmd1');
    const first = await Promise.race([acked.then(() => 'ack'), answered.then(() => 'answer')]);
    expect(first).toBe('ack');
    expect((await acked).status).toBe(200);
    const responded = await answered;
    slowRespond();
    const body = responded.body as { response_type: string; text: string; blocks: Block[] };
    expect(body.response_type).toBe('in_channel');
    expect(body.blocks[0]?.text?.text).toBe('Tianrui Qin worked with 7 people on 5 papers');
    expect(body.blocks[1]?.text?.text).toMatch(
      /^1\. Xitong Gao — 3 papers\n2\. Juanjuan Zhao — 2 papers/u,
    );
  });

  it('GIVEN "Show more" THEN the message is replaced by the next page', async () => {
    const { ts } = await mention('papers by Xitong Gao');
    const post = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts);
    const actions = blocksOf(post.body as Record<string, string>).find((b) => b.type === 'actions');
    const button = actions?.elements?.[0];
    expect(button?.action_id).toBe('pubbot_show_more');
    const payload = {
      type: 'block_actions',
      user: { id: 'UASKER01' },
      team: { id: 'T0000001' },
      api_app_id: 'A0000001',
      container: { type: 'message', message_ts: ts, channel_id: 'CPAPERS1' },
      channel: { id: 'CPAPERS1' },
      response_url: fake.responseUrl('more1'),
      trigger_id: 't2',
      token: 'legacy',
      actions: [
        {
          type: 'button',
          action_id: 'pubbot_show_more',
          block_id: 'b1',
          value: button?.value,
          action_ts: nextTs(),
        },
      ],
    };
    const response = await postSigned(
      url,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect(response.status).toBe(200);
    const replaced = (await fake.http.waitFor((r) => r.path === '/respond/more1')).body as {
      replace_original: boolean;
      blocks: Block[];
    };
    expect(replaced.replace_original).toBe(true);
    expect(replaced.blocks[1]?.text?.text).toMatch(/^\*6\. /u);
  });

  it('GIVEN corpus text that would form <!channel> or a fake link THEN it is escaped everywhere', async () => {
    const { ts } = await mention('Hijack');
    const body = (await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts))
      .body as Record<string, string>;
    const all = `${body.text} ${body.blocks}`;
    expect(all).not.toMatch(/<!channel>|<!here>|<!everyone>|<https:\/\/evil|<@U123>/u);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&amp;');
  });

  it('GIVEN an answer far larger than a message THEN blocks stay within Slack limits', async () => {
    const { ts } = await mention('top 40 papers about lorem');
    const body = (await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts))
      .body as Record<string, string>;
    const blocks = blocksOf(body);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(body.blocks?.length).toBeLessThanOrEqual(12_000);
    for (const block of blocks) {
      if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    }
    expect(textOf(blocks)).toMatch(/did not fit in one message/u);
    expect(body.text?.length).toBeLessThanOrEqual(3000);
  });

  it('GIVEN Slack answers 429 with Retry-After THEN the client waits and posts once', async () => {
    const ts = nextTs();
    const postsInThread = () =>
      fake
        .calls('chat.postMessage')
        .filter((r) => (r.body as Record<string, string>).thread_ts === ts);
    const remove = fake.http.handle((r) =>
      r.path === '/api/chat.postMessage' && postsInThread().length === 1 && postsInThread()[0] === r
        ? {
            status: 429,
            body: { ok: false, error: 'ratelimited' },
            headers: { 'retry-after': '1' },
          }
        : undefined,
    );
    await mention('what is MORA?', { ts });
    let attempt = 0;
    const post = await fake.waitForCall(
      'chat.postMessage',
      (b) => b.thread_ts === ts && ++attempt === 2,
    );
    remove();
    const attempts = postsInThread();
    expect(attempts).toHaveLength(2);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(blocksOf(post.body as Record<string, string>)[0]?.text?.text).toMatch(
      /^MORA: Improving Ensemble/u,
    );
  }, 15_000);

  it('GIVEN a handler that throws THEN an apology in the thread and an error logged with context', async () => {
    core = {
      ...core,
      answer: () => {
        throw new Error('index exploded');
      },
    };
    const { ts } = await mention('anything at all', {}, 'EvExploded');
    const body = (await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts))
      .body as Record<string, string>;
    expect(body.text).toBe(
      'Sorry, something went wrong answering that. It has been logged (request EvExploded); please try again.',
    );
    expect(log.lines().filter((l) => l.msg === 'request failed')).toEqual([
      expect.objectContaining({
        requestId: 'EvExploded',
        platform: 'slack',
        channel: 'CPAPERS1',
        err: expect.objectContaining({ message: 'index exploded' }),
      }),
    ]);
  });

  it('GIVEN messages from bots, or edits THEN no answer; a plain DM THEN an answer in its thread', async () => {
    const botMention = await mention('help', { bot_id: 'BOTHER01' });
    const dmTs = nextTs();
    const botDm = eventEnvelope({
      type: 'message',
      channel_type: 'im',
      channel: 'DUSER001',
      user: 'UOTHER',
      bot_id: 'BOTHER01',
      text: 'help',
      ts: nextTs(),
    });
    const edit = eventEnvelope({
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'DUSER001',
      ts: nextTs(),
    });
    const dm = eventEnvelope({
      type: 'message',
      channel_type: 'im',
      channel: 'DUSER001',
      user: 'UASKER01',
      text: 'what is Tomato?',
      ts: dmTs,
    });
    for (const envelope of [botDm, edit, dm]) await postSigned(url, JSON.stringify(envelope));
    const answered = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === dmTs);
    expect(blocksOf(answered.body as Record<string, string>)[0]?.text?.text).toMatch(
      /^Automatic Generation of Multi-precision/u,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const threads = fake
      .calls('chat.postMessage')
      .map((r) => (r.body as Record<string, string>).thread_ts);
    expect(threads).not.toContain(botMention.ts);
    expect(
      fake
        .calls('chat.postMessage')
        .filter((r) => (r.body as Record<string, string>).channel === 'DUSER001'),
    ).toHaveLength(1);
  });

  it('GIVEN "subscribe" from a member who is neither admin nor channel creator THEN refused; from the creator THEN subscribed', async () => {
    const { ts } = await mention('subscribe backdoors', { user: 'UMEMBER1' });
    const refused = (await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts))
      .body as Record<string, string>;
    expect(refused.text).toBe(
      'Only workspace admins or the channel’s creator can change this channel’s announcements.',
    );
    expect(subscribed).toEqual([]);
    fake.creators.set('CPAPERS1', 'UCREATOR');
    const form = new URLSearchParams({
      command: '/papers',
      text: 'subscribe papers by Tianrui Qin',
      user_id: 'UCREATOR',
      channel_id: 'CPAPERS1',
      team_id: 'T0000001',
      response_url: fake.responseUrl('sub1'),
      trigger_id: 't3',
      token: 'legacy',
    }).toString();
    await postSigned(url, form, { contentType: 'application/x-www-form-urlencoded' });
    const responded = (await fake.http.waitFor((r) => r.path === '/respond/sub1')).body as {
      response_type: string;
      text: string;
    };
    expect(subscribed).toEqual([['slack:CPAPERS1', 'papers by Tianrui Qin']]);
    expect(responded).toMatchObject({
      response_type: 'in_channel',
      text: 'Subscribed slack:CPAPERS1 to papers by Tianrui Qin.',
    });
  });

  it('GIVEN a question over the length cap THEN an ephemeral refusal', async () => {
    const form = new URLSearchParams({
      command: '/papers',
      text: 'y'.repeat(700),
      user_id: 'UASKER01',
      channel_id: 'CPAPERS1',
      team_id: 'T0000001',
      response_url: fake.responseUrl('long1'),
      trigger_id: 't4',
      token: 'legacy',
    }).toString();
    await postSigned(url, form, { contentType: 'application/x-www-form-urlencoded' });
    const responded = (await fake.http.waitFor((r) => r.path === '/respond/long1')).body as {
      response_type: string;
      text: string;
    };
    expect(responded.response_type).toBe('ephemeral');
    expect(responded.text).toMatch(/700 characters long/u);
  });
});

describe('Slack adapter over Socket Mode', () => {
  it('GIVEN an app token THEN it connects through apps.connections.open, acks envelopes and answers', async () => {
    const fake = await FakeSlack.start();
    const core = createCore(corpus.papers);
    const { logger } = memoryLogger();
    const adapter = new SlackPlatform({
      botToken: 'xoxb-test-token',
      transport: { kind: 'socket', appToken: 'xapp-test-token' },
      apiUrl: fake.apiUrl,
      conversation: conversation(() => core, logger),
      logger,
      events: store,
    });
    try {
      await adapter.start();
      expect(fake.socketConnected()).toBe(true);
      const ts = nextTs();
      const envelopeId = fake.sendOverSocket(
        eventEnvelope({
          type: 'app_mention',
          user: 'UASKER01',
          text: `<@${BOT_USER_ID}> what is UEraser?`,
          ts,
          channel: 'CSOCKET1',
        }),
      );
      const post = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts);
      expect(blocksOf(post.body as Record<string, string>)[0]?.text?.text).toMatch(
        /^Learning the Unlearnable/u,
      );
      expect(fake.socketAcks).toContain(envelopeId);
      expect(fake.calls('apps.connections.open')[0]?.headers.authorization).toBe(
        'Bearer xapp-test-token',
      );
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('the bot process against a local fake Slack', () => {
  it('GIVEN SLACK_* pointing at the fake THEN the process answers a signed mention, and SIGTERM stops it with exit 0', async () => {
    const fake = await FakeSlack.start();
    const port = await freePort();
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-process-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      HTTP_PORT: String(port),
    });
    try {
      await bot.waitForLog('slack ready');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', adapters: { slack: true } });
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain(
        'pubbot_adapter_connected{platform="slack"} 1',
      );
      const ts = nextTs();
      const event = {
        type: 'app_mention',
        user: 'UASKER01',
        text: `<@${BOT_USER_ID}> cite Flareon`,
        ts,
        channel: 'CPROC001',
      };
      const response = await postSigned(
        `http://127.0.0.1:${port}/slack/events`,
        JSON.stringify(eventEnvelope(event)),
      );
      expect(response.status).toBe(200);
      const post = await fake.waitForCall('chat.postMessage', (b) => b.thread_ts === ts);
      expect(blocksOf(post.body as Record<string, string>)[1]?.text?.text).toMatch(
        /^```@misc\{qin2022flareon,/u,
      );
      // Bad input between Slack and the bot: each a clean refusal, none a crash or a hang.
      const events = `http://127.0.0.1:${port}/slack/events`;
      const future = Math.floor(Date.now() / 1000) + 10 * 60;
      expect(
        (await postSigned(events, JSON.stringify(eventEnvelope(event)), { timestamp: future }))
          .status,
      ).toBe(401);
      expect((await postSigned(events, 'null')).status).toBe(400);
      expect(
        await rawPost(port, '/slack/events', { 'content-length': String(4 * 1024 * 1024) }),
      ).toBe(413);
      expect(bot.stderr()).not.toMatch(/unhandled|uncaught/u);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.stderr()).not.toMatch(/xoxb-process-token|test-signing-secret/u);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  });
});
