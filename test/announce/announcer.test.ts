import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../adapters/discord/discord-platform.js';
import { ShellPlatform } from '../../adapters/shell/shell-platform.js';
import { SlackPlatform } from '../../adapters/slack/slack-platform.js';
import { Announcer } from '../../src/announce/announcer.js';
import type { Poster } from '../../src/announce/deliver-messages.js';
import { DIGEST_SIZE } from '../../src/announce/plan-cycle.js';
import { Conversation } from '../../src/conversation/conversation.js';
import { CorpusReloader } from '../../src/reload/corpus-reloader.js';
import { fetchArxivFeed } from '../../src/sources/arxiv-api.js';
import { PoliteHttp } from '../../src/sources/polite-http.js';
import { syncSources } from '../../src/sources/sync.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { LISTING_PATH, TODAY } from '../support/corpus.js';
import { discordViolations } from '../support/discord-limits.js';
import { FakeArxiv } from '../support/fake-arxiv.js';
import { FakeDblp } from '../support/fake-dblp.js';
import { APP_ID, FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { RecordingServer } from '../support/http-server.js';
import { memoryLogger } from '../support/memory-logger.js';
import { ARXIV_RECORDS, DBLP_PEOPLE, SYNC_CORPUS_DIR } from '../support/source-fixtures.js';

const FEED = readFileSync('test/fixtures/arxiv/feed.xml', 'utf8');
const HOUR = 60 * 60 * 1000;

const listing = (title: string, authors: string, abstract: string, header = 'LGNov 20, 2026Code') =>
  `${header}\n${title}${authors}\n${abstract}\n`;
const TRIGON = listing(
  'Trigon: Catching Backdoor Triggers Early',
  'Ana Ruiz, Xitong Gao',
  'We propose Trigon, a detector for backdoor triggers in trained models.',
);
const hand = (title: string) =>
  JSON.stringify([
    {
      title,
      authors: ['Ana Ruiz'],
      published: '2026-11-21',
      category: 'cs.LG',
      abstract: `We study ${title.toLowerCase()}.`,
    },
  ]);

describe('Announcer with a real SQLite file, a clock the test moves and local fake platforms', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let feedServer: RecordingServer;
  let feedUrl = '';
  let channelNumber = 900000000000000100n;
  /** A Discord channel of its own for each test, so counts never mix. */
  const discordChannel = () => String(channelNumber++);

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
    feedServer = new RecordingServer();
    feedUrl = `http://127.0.0.1:${await feedServer.listen()}/api/query`;
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
    corpus = [LISTING_PATH],
    sync,
    posters,
  }: {
    seed?: boolean;
    feed?: boolean;
    /** Files copied into the corpus folder. */
    corpus?: string[];
    sync?: Parameters<typeof syncSources>[1];
    posters?: (base: Record<string, Poster>) => Record<string, Poster>;
  } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'pubbot-announce-'));
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    for (const file of corpus) copyFileSync(file, join(corpusDir, basename(file)));
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
        events: store,
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
    const disabled: string[] = [];
    const make = (s: SqliteStore) =>
      new Announcer({
        store: s,
        corpusDir,
        platformFor: (name) => platforms[name],
        reloader,
        logger: log.logger,
        clock: () => new Date(now),
        events: { disabled: (channel) => disabled.push(channel) },
        ...(sync ? { sync: (input) => syncSources(input, sync) } : {}),
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
      store,
      reloader,
      log,
      disabled,
      announcer: make(store),
      /** The same installation after a restart: a new store object on the same file. */
      restart: () => make(new SqliteStore(dbPath)),
      advance: (ms: number) => {
        now += ms;
      },
      shell: () => shellText,
      add: (name: string, text: string) => writeFileSync(join(corpusDir, name), text),
      remove: (name: string) => rmSync(join(corpusDir, name)),
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
  const discordAttempts = (channel: string) =>
    discord.requests.filter((r) => r.path === `/api/v10/channels/${channel}/messages`);
  const statuses = (report: { deliveries: Array<{ channel: string; status: string }> }) =>
    report.deliveries.map((d) => [d.channel, d.status]).sort();

  it('GIVEN a first run with no seed THEN the corpus is recorded silently and nothing is posted, then or on the next run', async () => {
    const w = await world({ seed: false });
    await w.subscribe('shell:first');
    const first = await w.announcer.runCycle();
    expect(first).toMatchObject({ papers: 25, silent: 25, deliveries: [], planned: true });
    expect(first.newPapers).toEqual([]);
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
    expect(w.shell()).toBe('');
    expect(await w.store.ledgerPapers()).toHaveLength(25);
  });

  it('GIVEN a new listing file THEN one post per matching channel, none elsewhere, nothing on the next cycle, and it can be asked about at once', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = discordChannel();
    await w.subscribe(`discord:${channel}`);
    await w.subscribe('slack:CBACKDOOR', 'backdoors');
    await w.subscribe('shell:yiren', 'papers by Yiren Zhao');
    w.add('2026-11.txt', TRIGON);
    const report = await w.announcer.runCycle();
    expect(report.deliveries.map((d) => [d.channel, d.title, d.status]).sort()).toEqual([
      [`discord:${channel}`, 'Trigon: Catching Backdoor Triggers Early', 'sent'],
      ['slack:CBACKDOOR', 'Trigon: Catching Backdoor Triggers Early', 'sent'],
    ]);
    const [message] = discordMessages(channel);
    expect(message).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect((message?.embeds as APIEmbed[] | undefined)?.[0]?.title).toBe(
      'Trigon: Catching Backdoor Triggers Early',
    );
    const [post] = slack.channelPosts('CBACKDOOR');
    expect(post?.text).toMatch(/^New paper:\nTrigon: Catching Backdoor Triggers Early\n/u);
    expect(post?.metadata?.event_type).toBe('pubbot_announcement');
    const body = slack.calls('chat.postMessage').at(-1)?.body as Record<string, string>;
    expect(body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(body.blocks).toContain('Announced here for papers matching “backdoors”');
    expect(w.shell()).toBe('');
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
    expect(discordMessages(channel)).toHaveLength(1);
    expect(w.reloader.core.ask('what is Trigon?', { today: TODAY }).papers[0]?.title).toBe(
      'Trigon: Catching Backdoor Triggers Early',
    );
  });

  it('GIVEN Discord answering 503 for three cycles THEN nothing is disabled, each cycle says it failed, and the fourth delivers it once', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = discordChannel();
    await w.subscribe(`discord:${channel}`);
    await w.subscribe('shell:fine');
    const outage = discord.http.failNext(
      (r) => r.path === `/api/v10/channels/${channel}/messages`,
      { status: 503, body: 'upstream unavailable' },
    );
    w.add('new.txt', TRIGON);
    const first = await w.announcer.runCycle();
    expect(statuses(first)).toEqual([
      [`discord:${channel}`, 'failed'],
      ['shell:fine', 'sent'],
    ]);
    expect(first.failed).toBe(true);
    for (let cycle = 0; cycle < 2; cycle++) {
      w.advance(HOUR);
      expect(statuses(await w.announcer.runCycle())).toEqual([[`discord:${channel}`, 'failed']]);
    }
    const subscription = (await w.store.subscriptions()).find(
      (s) => s.channel === `discord:${channel}`,
    );
    expect(subscription).toMatchObject({ failures: 3, lastError: expect.stringMatching(/503/u) });
    expect(subscription?.disabledAt).toBeUndefined();
    outage.stop();
    w.advance(HOUR);
    const recovered = await w.announcer.runCycle();
    expect(statuses(recovered)).toEqual([[`discord:${channel}`, 'sent']]);
    expect(recovered.failed).toBe(false);
    expect(discordMessages(channel)).toHaveLength(1);
    expect(w.disabled).toEqual([]);
    expect((await w.store.subscriptions()).every((s) => s.failures === 0)).toBe(true);
  });

  it('GIVEN a channel Discord refuses (50001) THEN it is disabled loudly at once, keeps being owed new papers, and subscribing it again delivers all of them once', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = discordChannel();
    await w.subscribe(`discord:${channel}`);
    await w.subscribe('slack:CFINE');
    const refusal = discord.http.failNext(
      (r) => r.path === `/api/v10/channels/${channel}/messages`,
      { status: 403, body: { message: 'Missing Access', code: 50001 } },
    );
    w.add('new.txt', TRIGON);
    const first = await w.announcer.runCycle();
    expect(statuses(first)).toEqual([
      [`discord:${channel}`, 'refused'],
      ['slack:CFINE', 'sent'],
    ]);
    expect(first.disabled).toEqual([
      expect.objectContaining({
        channel: `discord:${channel}`,
        owed: 1,
        reason: expect.stringMatching(/Missing Access \(50001, HTTP 403\)/u),
      }),
    ]);
    expect(w.disabled).toEqual([`discord:${channel}`]);
    expect(
      w.log.lines().find((l) => l.level === 50 && String(l.msg).includes('channel disabled')),
    ).toMatchObject({
      channel: `discord:${channel}`,
    });
    w.advance(HOUR);
    w.add('more.json', hand('Quieter Backdoors'));
    const second = await w.announcer.runCycle();
    expect(statuses(second)).toEqual([['slack:CFINE', 'sent']]);
    expect(second.disabled[0]?.owed).toBe(2);
    expect(discordAttempts(channel)).toHaveLength(1);
    refusal.stop();
    // Someone fixed the permission and subscribes the channel again.
    expect((await w.announcer.subscribe(`discord:${channel}`, undefined, 'admin')).message).toMatch(
      /missed while it could not be reached \(2\) follow/u,
    );
    const third = await w.announcer.deliver();
    expect(statuses(third)).toEqual([
      [`discord:${channel}`, 'sent'],
      [`discord:${channel}`, 'sent'],
    ]);
    expect(third.disabled).toEqual([]);
    expect(
      discordMessages(channel)
        .map((m) => (m.embeds as APIEmbed[])[0]?.title)
        .sort(),
    ).toEqual(['Quieter Backdoors', 'Trigon: Catching Backdoor Triggers Early']);
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
  });

  it('GIVEN a Slack channel the bot was removed from THEN disabled; a restart with it still in ANNOUNCE_CHANNELS re-enables it and delivers what it is owed', async () => {
    const w = await world();
    await w.announcer.runCycle();
    await w.store.replaceConfigSubscriptions(
      [{ channel: 'slack:CGONE' }],
      new Date().toISOString(),
    );
    const refusal = slack.http.failNext(
      (r) =>
        r.path === '/api/chat.postMessage' &&
        (r.body as Record<string, string>).channel === 'CGONE',
      { status: 200, body: { ok: false, error: 'not_in_channel' } },
    );
    w.add('new.txt', TRIGON);
    expect(statuses(await w.announcer.runCycle())).toEqual([['slack:CGONE', 'refused']]);
    refusal.stop();
    await w.store.replaceConfigSubscriptions(
      [{ channel: 'slack:CGONE' }],
      new Date().toISOString(),
    );
    const restarted = w.restart();
    expect(statuses(await restarted.runCycle())).toEqual([['slack:CGONE', 'sent']]);
    expect(slack.channelPosts('CGONE')).toHaveLength(1);
  });

  it('GIVEN Slack took a message but the answer was lost THEN the next pass finds it in the channel history and records it without posting again', async () => {
    const w = await world();
    await w.announcer.runCycle();
    await w.subscribe('slack:CLOST');
    slack.acceptThenDrop = 1;
    w.add('new.txt', TRIGON);
    const first = await w.announcer.runCycle();
    expect(first.deliveries.map((d) => [d.status, d.reason])).toEqual([
      ['failed', expect.any(String)],
    ]);
    expect((await w.store.openMessages())[0]).toMatchObject({ status: 'sending' });
    const second = await w.announcer.deliver();
    expect(statuses(second)).toEqual([['slack:CLOST', 'sent']]);
    expect(slack.channelPosts('CLOST')).toHaveLength(1);
    expect(
      slack
        .calls('conversations.history')
        .filter((r) => (r.body as Record<string, string>).channel === 'CLOST'),
    ).toHaveLength(1);
    expect(w.log.lines().some((l) => String(l.msg).includes('found already posted'))).toBe(true);
  });

  it('GIVEN Discord took a message but the process died before recording it THEN the next run sends it under the same nonce and the channel shows it once', async () => {
    const channel = discordChannel();
    let crash = true;
    const w = await world({
      posters: (base) => ({
        ...base,
        discord: {
          async post(id, reply, options) {
            const outcome = await (base.discord as Poster).post(id, reply, options);
            // The answer never arrives: as far as the ledger knows, the outcome is unknown.
            return crash ? { ok: false, kind: 'unknown', reason: 'socket hang up' } : outcome;
          },
        },
      }),
    });
    await w.announcer.runCycle();
    await w.subscribe(`discord:${channel}`);
    w.add('new.txt', TRIGON);
    expect(statuses(await w.announcer.runCycle())).toEqual([[`discord:${channel}`, 'failed']]);
    crash = false;
    expect(statuses(await w.restart().runCycle())).toEqual([[`discord:${channel}`, 'sent']]);
    const attempts = discordAttempts(channel);
    expect(attempts).toHaveLength(2);
    const nonces = attempts.map((r) => (r.body as { nonce?: string } | undefined)?.nonce);
    expect(nonces[0]).toBeDefined();
    expect(nonces[1]).toBe(nonces[0]);
    expect(discordMessages(channel)).toHaveLength(1);
  });

  it('GIVEN a paper that leaves the corpus before it is announced THEN it waits through the grace period, comes back and is delivered; gone for good it is cancelled', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = discordChannel();
    await w.subscribe(`discord:${channel}`);
    const outage = discord.http.failNext(
      (r) => r.path === `/api/v10/channels/${channel}/messages`,
      { status: 503, body: 'down' },
    );
    w.add('back.json', hand('Coming Back Soon'));
    w.add('gone.json', hand('Gone For Good'));
    expect(statuses(await w.announcer.runCycle())).toEqual([
      [`discord:${channel}`, 'failed'],
      [`discord:${channel}`, 'failed'],
    ]);
    outage.stop();
    w.remove('back.json');
    w.remove('gone.json');
    w.advance(HOUR);
    expect((await w.announcer.runCycle()).deliveries.map((d) => d.status)).toEqual([
      'waiting',
      'waiting',
    ]);
    w.advance(12 * HOUR);
    w.add('back.json', hand('Coming Back Soon'));
    // They came in one digest: the paper that is back goes, the one still missing waits on its own.
    expect(statuses(await w.announcer.runCycle())).toEqual([
      [`discord:${channel}`, 'sent'],
      [`discord:${channel}`, 'waiting'],
    ]);
    w.advance(13 * HOUR);
    const last = await w.announcer.runCycle();
    expect(last.deliveries.map((d) => [d.title, d.status])).toEqual([
      ['Gone For Good', 'cancelled'],
    ]);
    expect(await w.store.openMessages()).toEqual([]);
    expect(discordMessages(channel).map((m) => (m.embeds as APIEmbed[])[0]?.title)).toEqual([
      'Coming Back Soon',
    ]);
  });

  it('GIVEN the file of a paper owed half-written for a cycle, well past the grace period THEN nothing is cancelled, and it is delivered once the file is whole', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = discordChannel();
    await w.subscribe(`discord:${channel}`);
    const outage = discord.http.failNext(
      (r) => r.path === `/api/v10/channels/${channel}/messages`,
      { status: 503, body: 'down' },
    );
    const whole = hand('Half Written Papers');
    w.add('extra.json', whole);
    await w.announcer.runCycle();
    outage.stop();
    w.add('extra.json', whole.slice(0, whole.length / 2));
    w.advance(3 * 24 * HOUR);
    const broken = await w.announcer.runCycle();
    expect(broken.deliveries.map((d) => [d.status, d.reason])).toEqual([
      ['waiting', 'paper missing from the corpus'],
    ]);
    expect(
      (await w.store.ledgerPapers()).find((p) => p.id === 'half-written-papers')?.missingSince,
    ).toBeUndefined();
    w.add('extra.json', whole);
    w.advance(HOUR);
    expect(statuses(await w.announcer.runCycle())).toEqual([[`discord:${channel}`, 'sent']]);
    expect(discordMessages(channel)).toHaveLength(1);
  });

  it('GIVEN a new subscription THEN it does not receive the backlog', async () => {
    const w = await world();
    await w.announcer.runCycle();
    w.add('new.txt', TRIGON);
    await w.announcer.runCycle();
    await w.subscribe('shell:late');
    expect((await w.announcer.runCycle()).deliveries).toEqual([]);
    expect(w.shell()).toBe('');
  });

  it('GIVEN a malformed feed THEN nothing changes and a warning is logged', async () => {
    const remove = feedServer.handle(() => ({ status: 200, body: FEED.slice(0, 900) }));
    const w = await world({ feed: true });
    await w.subscribe('shell:feed');
    const report = await w.announcer.runCycle();
    remove();
    expect(await w.store.learnedFacts()).toEqual([]);
    expect(report.deliveries).toEqual([]);
    expect(report.papers).toBe(25);
    expect(
      w.log.lines().find((l) => l.msg === 'feed skipped; nothing from it was applied')?.err,
    ).toMatchObject({ type: 'SourceError', code: 'ARXIV_MALFORMED' });
  });

  it('GIVEN a feed THEN its first look is silent, a listed paper is enriched, later entries are announced, and learned papers survive a restart', async () => {
    let feed = FEED;
    const remove = feedServer.handle(() => ({ status: 200, body: feed }));
    const w = await world({ feed: true });
    await w.subscribe('shell:feed');
    const first = await w.announcer.runCycle();
    expect(first).toMatchObject({ papers: 26, deliveries: [] });
    const flareon = w.reloader.core.ask('what is Flareon', { today: TODAY }).papers[0];
    expect(flareon).toMatchObject({
      url: 'https://arxiv.org/abs/2212.09999',
      arxivId: '2212.09999',
      authorsTruncated: false,
      authors: ['Tianrui Qin', 'Xianghuan He', 'Xitong Gao', 'Cheng-Zhong Xu'],
    });
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
    await w.restart().runCycle();
    expect(w.reloader.core.ask('what is Blip?', { today: TODAY }).papers[0]?.title).toBe(
      'Yet Another Backdoor Study',
    );
  });

  it('GIVEN SYNC_ON_CYCLE and DBLP learning that a known preprint was published THEN matching channels hear "now published at" once, others never', async () => {
    const arxiv = new FakeArxiv(ARXIV_RECORDS);
    const dblp = new FakeDblp(DBLP_PEOPLE);
    await Promise.all([arxiv.start(), dblp.start()]);
    const pids: string[] = [];
    try {
      const w = await world({
        corpus: ['publications.txt', 'papers.json'].map((file) => join(SYNC_CORPUS_DIR, file)),
        seed: false,
        sync: {
          http: new PoliteHttp({ userAgent: 'pubbot-test', sleep: async () => {} }),
          arxivApiUrl: arxiv.apiUrl,
          dblpApiUrl: dblp.apiUrl,
          dblpPids: pids,
        },
      });
      await w.subscribe('shell:fog', 'event cameras');
      await w.subscribe('shell:other', 'papers by Yiren Zhao');
      expect((await w.announcer.runCycle()).deliveries).toEqual([]);
      pids.push('71/4882');
      const report = await w.announcer.runCycle();
      expect(report.venueNews).toBe(1);
      expect(report.deliveries.map((d) => [d.channel, d.kind, d.venue, d.status])).toEqual([
        ['shell:fog', 'venue', 'NeurIPS 2025', 'sent'],
      ]);
      expect(w.shell()).toMatch(
        /^\[shell:fog\] Now published at NeurIPS 2025:\nSeeing Through Fog with Event Cameras \(Nov 2024\)/u,
      );
      expect((await w.announcer.runCycle()).deliveries).toEqual([]);
      expect(w.shell().match(/Now published/gu)).toHaveLength(1);
    } finally {
      await Promise.all([arxiv.close(), dblp.close()]);
    }
  });

  it('GIVEN 200 new papers at once THEN each channel gets digests of at most ten, every one within platform limits', async () => {
    const w = await world();
    await w.announcer.runCycle();
    const channel = discordChannel();
    await w.subscribe(`discord:${channel}`);
    await w.subscribe('slack:CBURST');
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
    const posts = slack
      .calls('chat.postMessage')
      .filter((r) => (r.body as Record<string, string>).channel === 'CBURST');
    expect(posts).toHaveLength(20);
    for (const post of posts) {
      const blocks = JSON.parse((post.body as Record<string, string>).blocks ?? '[]') as unknown[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect((post.body as Record<string, string>).blocks?.length).toBeLessThanOrEqual(12_000);
    }
  });
});
