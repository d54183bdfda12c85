import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import {
  announceWorld,
  deliveredPairs,
  eventually,
  lostAndDoubled,
} from '../support/announce-world.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack, postSigned } from '../support/fake-slack.js';
import { freePort } from '../support/free-port.js';
import type { Answer } from '../support/http-server.js';
import { type BotProcess, spawnBot } from '../support/spawn-bot.js';

/**
 * The ledger under faults that happen between processes: the bot, `npm run
 * announce -- --once` runs beside it, `kill -9`, a platform that is down or
 * slow, a database that cannot grow. Every test ends by counting what the
 * fake platforms show: each (channel, paper) exactly once.
 */
describe('announcements under faults, as real processes against fake platforms', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let channelNumber = 910000000000000000n;
  let slackNumber = 0;
  const discordChannel = () => `discord:${String(channelNumber++)}`;
  const slackChannel = () => `slack:CFAULT${String(slackNumber++).padStart(3, '0')}`;
  const idOf = (channel: string) => channel.split(':')[1] as string;
  const bots: BotProcess[] = [];
  const startBot = (env: Record<string, string>) => {
    const bot = spawnBot(env);
    bots.push(bot);
    return bot;
  };

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
  });
  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await discord.close();
    await slack.close();
  });

  const postsTo = (channel: string) =>
    channel.startsWith('discord:')
      ? (r: { path: string }) => r.path === `/api/v10/channels/${idOf(channel)}/messages`
      : (r: { path: string; body: unknown }) =>
          r.path === '/api/chat.postMessage' &&
          (r.body as Record<string, string>).channel === idOf(channel);
  /** Answers posts to one channel with `answer` until stopped: an outage, a refusal. */
  const fault = (channel: string, answer: Answer) =>
    (channel.startsWith('discord:') ? discord.http : slack.http).failNext(postsTo(channel), answer);
  const attempts = (channel: string) =>
    [...discord.requests, ...slack.http.requests].filter(postsTo(channel)).length;
  const fakes = () => ({ discord, slack });

  it('GIVEN both platforms answering 503 for several retries THEN the bot keeps trying with backoff, never disables, and each channel gets the paper once', async () => {
    const channels = [discordChannel(), slackChannel()];
    const world = announceWorld({ channels, discord, slack });
    world.addPapers('outage.json', ['Outage Study Alpha One']);
    const outages = channels.map((channel) => fault(channel, { status: 503, body: 'unavailable' }));
    const port = await freePort();
    const bot = startBot({ ...world.env, HTTP_PORT: String(port) });
    await eventually(
      () => channels.every((c) => attempts(c) >= 4),
      'four failed attempts per channel',
    );
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
      disabledChannels: unknown[];
    };
    expect(health.disabledChannels).toEqual([]);
    for (const outage of outages) outage.stop();
    await eventually(
      () => deliveredPairs(world.titles, fakes()).size === 2,
      'delivery after recovery',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, fakes()))).toEqual({
      lost: [],
      doubled: [],
    });
    expect(bot.stderr()).toMatch(/announcements owed; trying again/u);
    expect(bot.stderr()).not.toMatch(/channel disabled/u);
    bot.child.kill('SIGTERM');
    await bot.exited;
  }, 60_000);

  it('GIVEN a Slack channel the bot was removed from THEN disabled loudly (log, /healthz, metric, announce --json, exit 1); subscribing it again delivers what it was owed, once', async () => {
    const channel = slackChannel();
    const world = announceWorld({ channels: [channel], slack });
    world.addPapers('refused.json', ['Refusal Study Beta One']);
    const refusal = fault(channel, { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const port = await freePort();
    const bot = startBot({ ...world.env, HTTP_PORT: String(port) });
    await bot.waitForLog('announcement channel disabled');
    await bot.waitForLog('slack ready');
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({
      status: 'ok',
      disabledChannels: [{ channel, owed: 1, reason: expect.stringContaining('not_in_channel') }],
    });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('pubbot_announce_channels_disabled 1\n');
    expect(metrics).toContain('pubbot_announce_channels_disabled_total{platform="slack"} 1\n');
    // A run with the channel still in ANNOUNCE_CHANNELS tries it once more, and says so.
    const cli = await world.announce();
    expect(cli.code).toBe(1);
    expect(
      cli.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      expect.objectContaining({
        channel,
        status: 'refused',
        reason: expect.stringContaining('not_in_channel'),
      }),
      {
        channel,
        status: 'disabled',
        reason: expect.stringContaining('not_in_channel'),
        since: expect.any(String),
        owed: 1,
      },
    ]);
    expect(cli.stderr).toMatch(
      /1 failed, 1 channel disabled\n.*is disabled .*1 delivery kept for it/u,
    );
    // The bot is invited back, and a workspace admin subscribes the channel again.
    refusal.stop();
    slack.admins.add('UADMIN01');
    const command = new URLSearchParams({
      command: '/papers',
      text: 'subscribe',
      channel_id: idOf(channel),
      user_id: 'UADMIN01',
      team_id: 'T0000001',
      trigger_id: 'tsub1',
      response_url: slack.responseUrl('resub'),
    });
    await postSigned(`http://127.0.0.1:${port}/slack/events`, command.toString(), {
      contentType: 'application/x-www-form-urlencoded',
    });
    await eventually(() => slack.channelPosts(idOf(channel)).length > 0, 'the owed paper');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(lostAndDoubled([channel], world.titles, deliveredPairs(world.titles, fakes()))).toEqual({
      lost: [],
      doubled: [],
    });
    expect(
      (
        (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
          disabledChannels: unknown[];
        }
      ).disabledChannels,
    ).toEqual([]);
    bot.child.kill('SIGTERM');
    await bot.exited;
  }, 60_000);

  it('GIVEN SIGTERM while a post is in flight THEN the bot waits for it, records it, and leaves nothing claimed', async () => {
    const channels = [slackChannel()];
    const world = announceWorld({ channels, slack });
    slack.latencyMs = 3000;
    try {
      const bot = startBot({
        ...world.env,
        HTTP_PORT: String(await freePort()),
        ANNOUNCE_CRON: '* * * * * *',
      });
      await bot.waitForLog('platform started');
      world.addPapers('slow.json', ['Slow Platform Iota One']);
      await slack.http.waitFor(postsTo(channels[0] as string), 30_000);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const store = new SqliteStore(world.dbPath);
      expect(await store.openMessages()).toEqual([]);
      await store.close();
      expect(lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, fakes()))).toEqual(
        {
          lost: [],
          doubled: [],
        },
      );
    } finally {
      slack.latencyMs = 0;
    }
  }, 60_000);

  it('GIVEN the JSON file of a paper still owed half-written for a cycle, with no grace at all THEN nothing is cancelled, and it is delivered once the file is whole', async () => {
    const channel = discordChannel();
    const world = announceWorld({ channels: [channel], discord });
    const env = { ANNOUNCE_MISSING_GRACE: '0s' };
    world.addPapers('extra.json', ['Half Written Gamma One', 'Half Written Gamma Two']);
    const outage = fault(channel, { status: 503, body: 'down' });
    expect((await world.announce(env)).code).toBe(1);
    outage.stop();
    const whole = readFileSync(join(world.corpusDir, 'extra.json'), 'utf8');
    world.writeFile('extra.json', whole.slice(0, Math.floor(whole.length / 2)));
    const broken = await world.announce(env);
    expect(broken.code).toBe(0);
    expect(
      broken.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).status),
    ).toEqual(['waiting', 'waiting']);
    expect(deliveredPairs(world.titles, fakes()).size).toBe(0);
    world.writeFile('extra.json', whole);
    const healed = await world.announce(env);
    expect(
      healed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).status),
    ).toEqual(['sent', 'sent']);
    expect(lostAndDoubled([channel], world.titles, deliveredPairs(world.titles, fakes()))).toEqual({
      lost: [],
      doubled: [],
    });
  }, 60_000);

  it('GIVEN a bot and two `announce --once` processes cycling at the same moment against platforms answering in 250 ms THEN each (channel, paper) is posted exactly once', async () => {
    const channels = [
      discordChannel(),
      discordChannel(),
      discordChannel(),
      slackChannel(),
      slackChannel(),
      slackChannel(),
    ];
    const world = announceWorld({ channels, discord, slack });
    discord.latencyMs = 250;
    slack.latencyMs = 250;
    try {
      const port = await freePort();
      const bot = startBot({
        ...world.env,
        HTTP_PORT: String(port),
        ANNOUNCE_CRON: '* * * * * *',
      });
      await bot.waitForLog('announcements scheduled');
      for (let round = 0; round < 4; round++) {
        world.addPapers(
          `round-${round}.json`,
          [1, 2, 3, 4, 5].map((n) => `Overlap Delta R${round}P${n}`),
        );
        const runs = await Promise.all([world.announce(), world.announce()]);
        for (const run of runs) expect(run.code, run.stderr).toBe(0);
      }
      await eventually(
        () =>
          lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, fakes())).lost
            .length === 0,
        'every delivery',
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const result = lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, fakes()));
      expect({ pairs: channels.length * world.titles.length, ...result }).toEqual({
        pairs: 120,
        lost: [],
        doubled: [],
      });
      bot.child.kill('SIGTERM');
      await bot.exited;
    } finally {
      discord.latencyMs = 0;
      slack.latencyMs = 0;
    }
  }, 120_000);

  it('GIVEN `announce --once` killed with SIGKILL at random points, round after round THEN after recovery nothing is lost and nothing doubled', async () => {
    const channels = [discordChannel(), discordChannel(), slackChannel(), slackChannel()];
    const world = announceWorld({ channels, discord, slack });
    const env = { ANNOUNCE_CLAIM_TTL: '1s' };
    discord.latencyMs = 400;
    slack.latencyMs = 400;
    let interrupted = 0;
    const claimsLeft = new Set<string>();
    try {
      for (let round = 0; round < 8; round++) {
        world.addPapers(
          `kill-${round}.json`,
          [1, 2, 3].map((n) => `Killed Epsilon R${round}P${n}`),
        );
        const run = spawnBot({ ...world.env, ...env }, 'src/cli/announce.ts', undefined, [
          '--once',
        ]);
        run.child.stdin.end();
        // Half the runs die somewhere from start-up to the end of planning, half while they post
        // (each post takes 400 ms): anywhere a crash can leave the ledger.
        const planned = Promise.race([
          run.waitForLog('announcement cycle planned', 15_000),
          run.exited,
        ]);
        if (round % 2 === 0) await Promise.race([sleep(300 + Math.random() * 2200), planned]);
        else {
          await planned;
          await sleep(Math.random() * 350);
        }
        run.child.kill('SIGKILL');
        const { signal } = await run.exited;
        if (signal === 'SIGKILL') interrupted++;
        const store = new SqliteStore(world.dbPath);
        for (const message of await store.openMessages())
          if (message.status === 'sending') claimsLeft.add(message.batch);
        await store.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 1100));
      for (let pass = 0; pass < 5; pass++) {
        const recovery = await world.announce(env);
        if (recovery.code === 0 && !recovery.stdout.includes('"waiting"')) break;
        await new Promise((resolve) => setTimeout(resolve, 1100));
      }
      const result = lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, fakes()));
      console.log(
        `kill -9: ${interrupted} of 8 runs killed mid-way, ${claimsLeft.size} messages left claimed or unconfirmed; ${channels.length * world.titles.length} pairs, ${result.lost.length} lost, ${result.doubled.length} doubled`,
      );
      expect(interrupted).toBeGreaterThanOrEqual(6);
      expect(result).toEqual({ lost: [], doubled: [] });
    } finally {
      discord.latencyMs = 0;
      slack.latencyMs = 0;
    }
  }, 120_000);

  it('GIVEN the database full (max_page_count) right after the platforms took the messages THEN the bot records them once it has room and never posts them again', async () => {
    const channels = [discordChannel(), slackChannel()];
    const world = announceWorld({ channels, discord, slack });
    // Long enough that what the ledger keeps of the message spills onto overflow pages, which a
    // changed row writes anew: recording it needs free pages, and a full database has none.
    world.addPapers('full.json', ['Full Disk Zeta One'], 'We fill disks. '.repeat(400));
    const cap = 2000;
    let filled = false;
    const fill = (request: { path: string; body: unknown }) => {
      if (!filled && channels.some((c) => postsTo(c)(request))) {
        filled = true;
        fillToCap(world.dbPath, cap);
      }
      return undefined;
    };
    const stops = [discord.http.handle(fill), slack.http.handle(fill)];
    const port = await freePort();
    const bot = startBot({
      ...world.env,
      DATABASE_URL: `sqlite:${world.dbPath}?max_page_count=${cap}`,
      HTTP_PORT: String(port),
    });
    try {
      await bot.waitForLog('the ledger could not record it');
      expect(bot.stderr()).toMatch(/SQLITE_FULL/u);
      // A write that shrinks a row can free a page by rebalancing the tree, so the first record
      // after the disk filled up may still fit: every one that did not is recorded later.
      const count = (pattern: RegExp) => (bot.stderr().match(pattern) ?? []).length;
      await sleep(500);
      const raw = new Database(world.dbPath);
      raw.exec('DROP TABLE filler');
      raw.close();
      await eventually(
        () =>
          count(/recorded after the ledger recovered/gu) ===
          count(/the ledger could not record it/gu),
        'every receipt recorded',
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the bot said:\n${bot.stderr().slice(-4000)}`);
      });
      const store = new SqliteStore(world.dbPath);
      expect(await store.openMessages()).toEqual([]);
      await store.close();
      expect(channels.map(attempts)).toEqual([1, 1]);
      expect(
        slack
          .calls('conversations.history')
          .filter(
            (r) => (r.body as Record<string, string>).channel === idOf(channels[1] as string),
          ),
      ).toEqual([]);
      expect(lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, fakes()))).toEqual(
        { lost: [], doubled: [] },
      );
    } finally {
      for (const stop of stops) stop();
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
  }, 90_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fills a SQLite file up to `cap` pages from another connection, as other
 * writers would fill a disk: blobs of shrinking size until not even one
 * byte more fits, so no free page is left anywhere.
 */
function fillToCap(path: string, cap: number): void {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma(`max_page_count = ${cap}`);
  db.exec('CREATE TABLE IF NOT EXISTS filler (x BLOB)');
  const insert = db.prepare('INSERT INTO filler VALUES (zeroblob(?))');
  for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
    for (;;) {
      try {
        insert.run(size);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_FULL') break;
        throw error;
      }
    }
  }
  db.close();
}
