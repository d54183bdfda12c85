import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../adapters/discord/discord-platform.js';
import { ShellPlatform } from '../../adapters/shell/shell-platform.js';
import { SlackPlatform } from '../../adapters/slack/slack-platform.js';
import { Announcer, DIGEST_SIZE, MAX_FAILURES } from '../../src/announce/announcer.js';
import type { ChatPlatform } from '../../src/conversation/chat-platform.js';
import { Conversation } from '../../src/conversation/conversation.js';
import { CorpusReloader } from '../../src/reload/corpus-reloader.js';
import { fetchArxivFeed } from '../../src/sources/arxiv-api.js';
import { PoliteHttp } from '../../src/sources/polite-http.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { LISTING_PATH, TODAY } from '../support/corpus.js';
import { discordViolations } from '../support/discord-limits.js';
import { APP_ID, FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { RecordingServer } from '../support/http-server.js';
import { memoryLogger } from '../support/memory-logger.js';

/** What the announcer needs of a platform. */
type Poster = Pick<ChatPlatform, 'post'>;

const FEED = readFileSync('test/fixtures/arxiv/feed.xml', 'utf8');
const DISCORD_CHANNEL = '900000000000000001';
const BROKEN_DISCORD_CHANNEL = '900000000000000002';

const listing = (title: string, authors: string, abstract: string, header = 'LGNov 20, 2026Code') =>
  `${header}\n${title}${authors}\n${abstract}\n`;
const TRIGON = listing(
  'Trigon: Catching Backdoor Triggers Early',
  'Ana Ruiz, Xitong Gao',
  'We propose Trigon, a detector for backdoor triggers in trained models.',
);

describe('Announcer with a real SQLite file, an injected clock and local fake platforms', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let feedServer: RecordingServer;
  let feedUrl = '';

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
    feedServer = new RecordingServer();
    feedUrl = `http://127.0.0.1:${await feedServer.listen()}/api/query`;
    discord.http.handle((r) =>
      r.path === `/api/v10/channels/${BROKEN_DISCORD_CHANNEL}/messages`
        ? { status: 403, body: { message: 'Missing Access', code: 50001 } }
        : undefined,
    );
  });
  afterAll(async () => {
    await discord.close();
    await slack.close();
    await feedServer.close();
  });

  /** A fresh installation: its own corpus folder and database file. */
  async function world({
    seed = true,
    feed = false,
    posters,
  }: {
    seed?: boolean;
    feed?: boolean;
    posters?: (base: Record<string, Poster>) => Record<string, Poster>;
  } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'pubbot-announce-'));
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    copyFileSync(LISTING_PATH, join(corpusDir, 'publications.txt'));
    if (seed) copyFileSync('corpus/.announced', join(corpusDir, '.announced'));
    const dbPath = join(dir, 'pubbot.db');
    const store = new SqliteStore(dbPath);
    const shellOut = new PassThrough();
    let shellText = '';
    shellOut.on('data', (chunk) => {
      shellText += chunk;
    });
    const log = memoryLogger();
    const { reloader } = await CorpusReloader.load({ corpusDir, logger: log.logger });
    let now = Date.parse(`${TODAY}T09:00:00Z`);
    // Posting needs no started session, and no conversation takes part; a real one is there all the same.
    const conversation = new Conversation({ core: () => reloader.core, store, logger: log.logger });
    const base: Record<string, Poster> = {
      discord: new DiscordPlatform({
        token: 'discord-token-abcdefghijklmnopqrstu',
        appId: APP_ID,
        apiUrl: discord.apiUrl,
        conversation,
        core: () => reloader.core,
        logger: log.logger,
      }),
      slack: new SlackPlatform({
        botToken: 'xoxb-announce',
        transport: { kind: 'http', signingSecret: 'unused-secret' },
        apiUrl: slack.apiUrl,
        conversation,
        logger: log.logger,
        channelIntervalMs: 0,
      }),
      shell: new ShellPlatform({
        conversation,
        input: new PassThrough(),
        output: shellOut,
        interactive: false,
      }),
    };
    const platforms = posters ? posters(base) : base;
    const make = (s: SqliteStore) =>
      new Announcer({
        store: s,
        corpusDir,
        platformFor: (name) => platforms[name],
        reloader,
        logger: log.logger,
        clock: () => {
          now += 60_000;
          return new Date(now);
        },
        ...(feed
          ? {
              feed: () =>
                fetchArxivFeed({
                  apiUrl: feedUrl,
                  query: 'au:Gao_Xitong',
                  http: new PoliteHttp({ userAgent: 'pubbot-test', sleep: async () => {} }),
                }),
            }
          : {}),
      });
    return {
      corpusDir,
      dbPath,
      store,
      reloader,
      log,
      announcer: make(store),
      /** The same installation after a restart: a new store object on the same file. */
      restart: () => make(new SqliteStore(dbPath)),
      shell: () => shellText,
      add: (name: string, text: string) => writeFileSync(join(corpusDir, name), text),
      subscribe: (channel: string, query?: string) =>
        store.saveSubscription({
          channel,
          query,
          createdBy: 'test',
          createdAt: new Date(now).toISOString(),
          origin: 'command',
        }),
    };
  }

  const discordMessages = (channel: string) =>
    discord.channelMessages.filter((m) => m.channel_id === channel);
  const slackPosts = (channel: string) =>
    slack
      .calls('chat.postMessage')
      .filter((r) => (r.body as Record<string, string>).channel === channel);

  it('GIVEN a first run with no seed THEN the corpus is recorded silently and nothing is posted, then or on the next run', async () => {
    const w = await world({ seed: false });
    w.subscribe('shell:first');
    const first = await w.announcer.runCycle();
    expect(first).toMatchObject({ papers: 25, silent: 25, deliveries: [] });
    expect(first.newPapers).toEqual([]);
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
    expect(w.shell()).toBe('');
    expect(w.store.knownPapers().ids.size).toBe(25);
  });

  it('GIVEN a new listing file THEN one post per matching channel, none elsewhere, nothing on the next cycle, and it can be asked about at once', async () => {
    const w = await world();
    await w.announcer.runCycle();
    w.subscribe(`discord:${DISCORD_CHANNEL}`);
    w.subscribe('slack:CBACKDOOR', 'backdoors');
    w.subscribe('shell:yiren', 'papers by Yiren Zhao');
    w.add('2026-11.txt', TRIGON);
    const report = await w.announcer.runCycle();
    expect(report.deliveries.map((d) => [d.channel, d.title, d.status]).sort()).toEqual([
      [`discord:${DISCORD_CHANNEL}`, 'Trigon: Catching Backdoor Triggers Early', 'sent'],
      ['slack:CBACKDOOR', 'Trigon: Catching Backdoor Triggers Early', 'sent'],
    ]);
    const [message] = discordMessages(DISCORD_CHANNEL);
    expect(message).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect((message?.embeds as APIEmbed[] | undefined)?.[0]?.title).toBe(
      'Trigon: Catching Backdoor Triggers Early',
    );
    const slackBody = slackPosts('CBACKDOOR')[0]?.body as Record<string, string>;
    expect(slackBody).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(slackBody.text).toMatch(/^New paper:\nTrigon: Catching Backdoor Triggers Early\n/u);
    expect(slackBody.blocks).toContain('Announced here for papers matching “backdoors”');
    expect(w.shell()).toBe('');
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
    expect(discordMessages(DISCORD_CHANNEL)).toHaveLength(1);
    expect(w.reloader.core.ask('what is Trigon?', { today: TODAY }).papers[0]?.title).toBe(
      'Trigon: Catching Backdoor Triggers Early',
    );
  });

  it('GIVEN the process dies after the platform accepted a message but before it was confirmed THEN the next run completes it without a duplicate', async () => {
    let crash = true;
    const w = await world({
      posters: (base) => ({
        ...base,
        discord: {
          async post(channel, reply, options) {
            const receipt = await (base.discord as Poster).post(channel, reply, options);
            if (crash) throw new Error('process killed before confirming');
            return receipt;
          },
        },
      }),
    });
    await w.announcer.runCycle();
    const channel = '900000000000000003';
    w.subscribe(`discord:${channel}`);
    w.subscribe('shell:crash');
    w.add('new.txt', TRIGON);
    const first = await w.announcer.runCycle();
    expect(first.deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      [`discord:${channel}`, 'failed'],
      ['shell:crash', 'sent'],
    ]);
    expect(w.store.pendingDeliveries().map((d) => d.channel)).toEqual([`discord:${channel}`]);
    crash = false;
    const restarted = w.restart();
    const second = await restarted.runCycle();
    expect(second.deliveries.map((d) => [d.channel, d.status])).toEqual([
      [`discord:${channel}`, 'sent'],
    ]);
    const attempts = discord.requests.filter(
      (r) => r.path === `/api/v10/channels/${channel}/messages`,
    );
    expect(attempts).toHaveLength(2);
    expect((attempts[0]?.body as { nonce?: string } | undefined)?.nonce).toBe(
      (attempts[1]?.body as { nonce?: string } | undefined)?.nonce,
    );
    expect(discordMessages(channel)).toHaveLength(1);
    expect(w.shell().match(/New paper/gu)).toHaveLength(1);
  });

  it('GIVEN a channel that keeps failing THEN others still get their posts, and it is disabled after repeated failures', async () => {
    const w = await world();
    await w.announcer.runCycle();
    w.subscribe(`discord:${BROKEN_DISCORD_CHANNEL}`);
    w.subscribe('slack:CFINE');
    w.subscribe('shell:fine');
    w.add('new.txt', TRIGON);
    const first = await w.announcer.runCycle();
    expect(first.deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      [`discord:${BROKEN_DISCORD_CHANNEL}`, 'failed'],
      ['shell:fine', 'sent'],
      ['slack:CFINE', 'sent'],
    ]);
    for (let cycle = 1; cycle < MAX_FAILURES; cycle++) await w.announcer.runCycle();
    const broken = w.store
      .subscriptions()
      .find((s) => s.channel === `discord:${BROKEN_DISCORD_CHANNEL}`);
    expect(broken).toMatchObject({
      failures: MAX_FAILURES,
      lastError: expect.stringMatching(/Missing Access/u),
    });
    expect(broken?.disabledAt).toBeDefined();
    const attempts = () =>
      discord.requests.filter(
        (r) => r.path === `/api/v10/channels/${BROKEN_DISCORD_CHANNEL}/messages`,
      ).length;
    const before = attempts();
    await w.announcer.runCycle();
    expect(attempts()).toBe(before);
    expect(w.log.lines().some((l) => l.msg === 'channel disabled after repeated failures')).toBe(
      true,
    );
    // Still owed, never silently dropped: it goes out if someone subscribes the channel again.
    expect(w.store.pendingDeliveries().map((d) => d.channel)).toEqual([
      `discord:${BROKEN_DISCORD_CHANNEL}`,
    ]);
  });

  it('GIVEN a new subscription THEN it does not receive the backlog', async () => {
    const w = await world();
    await w.announcer.runCycle();
    w.add('new.txt', TRIGON);
    await w.announcer.runCycle();
    w.subscribe('shell:late');
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
    expect(w.shell()).toBe('');
  });

  it('GIVEN a malformed feed THEN nothing changes and a warning is logged', async () => {
    const remove = feedServer.handle(() => ({ status: 200, body: FEED.slice(0, 900) }));
    const w = await world({ feed: true });
    w.subscribe('shell:feed');
    const report = await w.announcer.runCycle();
    remove();
    expect(w.store.learnedFacts()).toEqual([]);
    expect(report.deliveries).toEqual([]);
    expect(report.papers).toBe(25);
    expect(
      w.log.lines().find((l) => l.msg === 'feed skipped; nothing from it was applied')?.err,
    ).toMatchObject({
      type: 'SourceError',
      code: 'ARXIV_MALFORMED',
    });
  });

  it('GIVEN a feed THEN its first look is silent, a listed paper is enriched, later entries are announced, and learned papers survive a restart', async () => {
    let feed = FEED;
    const remove = feedServer.handle(() => ({ status: 200, body: feed }));
    const w = await world({ feed: true });
    w.subscribe('shell:feed');
    const first = await w.announcer.runCycle();
    expect(first).toMatchObject({ papers: 26, deliveries: [] });
    const flareon = w.reloader.core.ask('what is Flareon', { today: TODAY }).papers[0];
    expect(flareon).toMatchObject({
      url: 'https://arxiv.org/abs/2212.09999',
      arxivId: '2212.09999',
      authorsTruncated: false,
      authors: ['Tianrui Qin', 'Xianghuan He', 'Xitong Gao', 'Cheng-Zhong Xu'],
    });
    expect(w.reloader.core.ask('papers by Cheng-Zhong Xu', { today: TODAY }).total).toBe(3);
    feed = FEED.replace(
      '<entry>',
      `<entry><id>http://arxiv.org/abs/2611.05555v1</id><title>Yet Another Backdoor Study</title><summary>We propose Blip, a thing.</summary><published>2026-11-24T00:00:00Z</published><arxiv:primary_category term="cs.LG"/><author><name>Ana Ruiz</name></author></entry><entry>`,
    );
    const second = await w.announcer.runCycle();
    expect(second.deliveries.map((d) => [d.channel, d.paperId, d.status])).toEqual([
      ['shell:feed', 'yet-another-backdoor-study', 'sent'],
    ]);
    expect(w.shell()).toContain(
      '[shell:feed] New paper:\nYet Another Backdoor Study\n   https://arxiv.org/abs/2611.05555\nAuthors: Ana Ruiz\n',
    );
    remove();
    feedServer.handle(() => ({ status: 503, body: 'down' }));
    const restarted = w.restart();
    await restarted.runCycle();
    expect(w.reloader.core.ask('what is Blip?', { today: TODAY }).papers[0]?.title).toBe(
      'Yet Another Backdoor Study',
    );
  });

  it('GIVEN 200 new papers at once THEN each channel gets digests of at most ten, every one within platform limits', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = '900000000000000004';
    w.subscribe(`discord:${channel}`);
    w.subscribe('slack:CBURST');
    const burst = Array.from({ length: 200 }, (_, i) =>
      listing(
        `Burst Paper Number ${i}: ${'On Many Long Words '.repeat(8).trim()}`,
        'Ana Ruiz, Bo Li, Cy Dee',
        `Abstract ${i}. ${'Lorem ipsum. '.repeat(200)}`,
      ),
    ).join('');
    w.add('burst.txt', burst);
    const report = await w.announcer.runCycle();
    expect(report.newPapers).toHaveLength(200);
    expect(report.deliveries.filter((d) => d.status === 'sent')).toHaveLength(400);
    const messages = discordMessages(channel);
    expect(messages).toHaveLength(200 / DIGEST_SIZE);
    for (const message of messages)
      expect(discordViolations(message as { embeds: APIEmbed[] })).toEqual([]);
    expect((messages[0]?.embeds as APIEmbed[] | undefined)?.[0]?.title).toBe('10 new papers');
    const posts = slackPosts('CBURST');
    expect(posts).toHaveLength(20);
    for (const post of posts) {
      const blocks = JSON.parse((post.body as Record<string, string>).blocks ?? '[]') as unknown[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect((post.body as Record<string, string>).blocks?.length).toBeLessThanOrEqual(12_000);
    }
  });
});
