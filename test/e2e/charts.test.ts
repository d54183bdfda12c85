import type { APIEmbed } from 'discord.js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../adapters/discord/discord-platform.js';
import { SlackPlatform } from '../../adapters/slack/slack-platform.js';
import { ChartRenderer } from '../../src/chart/chart-renderer.js';
import { Conversation } from '../../src/conversation/conversation.js';
import type { Logger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { bundled } from '../support/corpus.js';
import { APP_ID, FakeDiscord } from '../support/fake-discord.js';
import {
  BOT_USER_ID,
  eventEnvelope,
  FakeSlack,
  nextTs,
  postSigned,
  SIGNING_SECRET,
} from '../support/fake-slack.js';
import type { FormPart } from '../support/http-server.js';
import { memoryLogger } from '../support/memory-logger.js';
import { serveRoutes } from '../support/serve-routes.js';

/** Follow-ups and Slack event ids kept in an in-memory store, as the bot keeps them in its own. */
const store = new SqliteStore(':memory:');

const conversation = (charts: ChartRenderer, logger: Logger) =>
  new Conversation({
    core: () => bundled().core,
    store,
    logger,
    charts,
    clock: () => new Date('2026-11-25T12:00:00Z'),
  });

/** The image part of a multipart body, decoded. */
function pngOf(part: FormPart | undefined): PNG {
  expect(part?.contentType).toBe('image/png');
  return PNG.sync.read(part?.data as Buffer);
}

describe('charts for grouped and ranked answers on every platform', () => {
  const log = memoryLogger();
  const charts = new ChartRenderer({ timeoutMs: 10_000 });
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let discordBot: DiscordPlatform;
  let slackBot: SlackPlatform;
  let slackUrl = '';
  let server: Awaited<ReturnType<typeof serveRoutes>>;

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
    discordBot = new DiscordPlatform({
      token: 'test-token-abcdefghijklmnopqrstuvwxyz',
      appId: APP_ID,
      apiUrl: discord.apiUrl,
      conversation: conversation(charts, log.logger),
      core: () => bundled().core,
      logger: log.logger,
    });
    slackBot = new SlackPlatform({
      botToken: 'xoxb-test-token',
      transport: { kind: 'http', signingSecret: SIGNING_SECRET },
      apiUrl: slack.apiUrl,
      conversation: conversation(charts, log.logger),
      logger: log.logger,
      events: store,
    });
    await Promise.all([discordBot.start(), slackBot.start()]);
    server = await serveRoutes(slackBot.routes());
    slackUrl = server.url('/slack/events');
  }, 30_000);

  afterAll(async () => {
    await Promise.all([discordBot.stop(), slackBot.stop()]);
    await server.close();
    await Promise.all([discord.close(), slack.close(), charts.close()]);
  });

  it('GIVEN /ask "papers per year" on Discord THEN a multipart reply whose embed shows the attached PNG', async () => {
    const id = discord.command('ask', [{ name: 'question', type: 3, value: 'papers per year' }]);
    const callback = await discord.callback(id);
    const body = callback.body as { data: { embeds: APIEmbed[]; attachments: unknown[] } };
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data/u);
    const [embed] = body.data.embeds;
    expect(embed?.image?.url).toBe('attachment://chart.png');
    expect(embed?.title).toBe('25 papers, per year');
    const file = callback.parts?.find((part) => part.filename === 'chart.png');
    const png = pngOf(file);
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(png.height).toBeGreaterThanOrEqual(300);
    expect(JSON.stringify(body.data.attachments)).toContain('2025: 7');
  }, 20_000);

  it('GIVEN a ranking on Discord THEN it carries a chart too', async () => {
    const id = discord.command('ask', [
      { name: 'question', type: 3, value: 'who does Robert Mullins work with?' },
    ]);
    const callback = await discord.callback(id);
    expect((callback.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]?.image?.url).toBe(
      'attachment://chart.png',
    );
    expect(pngOf(callback.parts?.find((p) => p.filename === 'chart.png')).width).toBeGreaterThan(
      600,
    );
  }, 20_000);

  it('GIVEN a mention asking per category on Slack THEN the answer and then the upload Slack documents, in the thread, with alt text', async () => {
    const ts = nextTs();
    const event = {
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> papers per category`,
      ts,
      channel: 'CPAPERS1',
    };
    await postSigned(slackUrl, JSON.stringify(eventEnvelope(event)));
    const complete = await slack.waitForCall('files.completeUploadExternal');
    const [posted] = slack.calls('chat.postMessage').filter((c) => c.raw.includes(ts));
    const asked = slack.calls('files.getUploadURLExternal').at(-1);
    const upload = slack.http.requests.find((r) => r.path.startsWith('/upload/'));
    expect(posted && asked && upload).toBeTruthy();
    // The order Slack documents: the message, then ask for a URL, send the bytes there, complete.
    const order = [posted, asked, upload, complete].map((r) =>
      slack.http.requests.indexOf(r as never),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const form = asked?.body as Record<string, string>;
    expect(form.filename).toBe('chart.png');
    expect(form.alt_text).toMatch(/^25 papers, per category\. Bar chart/u);
    expect(form.alt_text).toContain('Machine Learning (cs.LG): 14');
    // The bytes go to the upload URL as they are, or as the one part of a form.
    const bytes = upload?.parts?.[0]?.data ?? (upload?.bytes as Buffer);
    expect(Number(form.length)).toBe(bytes.length);
    expect(PNG.sync.read(bytes).width).toBeGreaterThanOrEqual(600);
    const done = complete.body as Record<string, string>;
    expect(done.channel_id).toBe('CPAPERS1');
    expect(done.thread_ts).toBe(ts);
  }, 20_000);

  it('GIVEN a chart that cannot be drawn THEN the answer goes without it, and the failure is logged', async () => {
    const broken = new ChartRenderer({
      timeoutMs: 2000,
      workerEntry: new URL('../fixtures/chart/throwing-worker.mjs', import.meta.url),
    });
    const failing = memoryLogger();
    const reply = await conversation(broken, failing.logger).handle(
      { kind: 'question', text: 'papers per year' },
      {
        platform: 'slack',
        channel: 'C1',
        user: 'U1',
        surface: { pageSize: 5, tokenLength: 2000, images: true },
        mayManage: async () => false,
        managers: 'admins',
      },
    );
    await broken.close();
    expect(reply.title).toBe('25 papers, per year');
    expect(reply.chart?.bars).toHaveLength(8);
    expect(reply.attachments).toEqual([]);
    expect(failing.lines().map((line) => line.msg)).toContain(
      'chart not drawn; answering without it',
    );
  });
});
