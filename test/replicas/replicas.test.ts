import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres-store.js';
import {
  announceWorld,
  deliveredPairs,
  eventually,
  lostAndDoubled,
} from '../support/announce-world.js';
import { FakeDiscord } from '../support/fake-discord.js';
import {
  BOT_USER_ID,
  eventEnvelope,
  FakeSlack,
  nextTs,
  postSigned,
} from '../support/fake-slack.js';
import { freePort } from '../support/free-port.js';
import { describePostgres, dropDatabases, freshDatabase } from '../support/postgres.js';
import { type BotProcess, spawnBot } from '../support/spawn-bot.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills a replica with SIGKILL the moment it holds a claim (its owner id
 * carries its pid): it dies mid-send. Returns how many messages it left
 * claimed.
 */
async function killWhileSending(victim: BotProcess, databaseUrl: string): Promise<number> {
  const store = await PostgresStore.open(databaseUrl);
  const mine = async () =>
    (await store.openMessages()).filter((m) => m.claimOwner?.includes(`:${victim.child.pid}:`))
      .length;
  try {
    await eventually(async () => (await mine()) > 0, 'the replica to claim a message', 20_000);
    victim.child.kill('SIGKILL');
    await victim.exited;
    return await mine();
  } finally {
    await store.close();
  }
}

/**
 * Several bot processes on one PostgreSQL database, as replicas behind a
 * load balancer: they share subscriptions, the ledger and Slack event ids;
 * each scheduled cycle is planned once, every (channel, paper) is posted
 * once — also when one of them is killed mid-cycle.
 */
describePostgres('replicas sharing one PostgreSQL ledger, as real processes', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
  });
  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((bot) => bot.exited));
    await discord.close();
    await slack.close();
    await dropDatabases();
  });

  async function replicas(count: number, env: Record<string, string>) {
    const started = await Promise.all(
      Array.from({ length: count }, async () => {
        const port = await freePort();
        const bot = spawnBot({ ...env, HTTP_PORT: String(port) });
        bots.push(bot);
        return { bot, port };
      }),
    );
    await Promise.all(started.map(({ bot }) => bot.waitForLog('slack ready', 30_000)));
    return started;
  }

  it('GIVEN three replicas cycling every second through 20 rounds of new papers, one killed with SIGKILL mid-cycle THEN every (channel, paper) is posted exactly once', async () => {
    const channels = [
      'discord:920000000000000001',
      'discord:920000000000000002',
      'slack:CREPL001',
      'slack:CREPL002',
    ];
    const databaseUrl = await freshDatabase();
    const world = announceWorld({ channels, databaseUrl, discord, slack });
    discord.latencyMs = 250;
    slack.latencyMs = 250;
    try {
      const three = await replicas(3, { ...world.env, ANNOUNCE_CRON: '* * * * * *' });
      let killed: Promise<number> = Promise.resolve(0);
      for (let round = 0; round < 20; round++) {
        world.addPapers(
          `round-${round}.json`,
          [1, 2].map((n) => `Replica Eta R${round}P${n}`),
        );
        await sleep(1200);
        // From the middle on, the third replica dies the first time it is caught holding a claim.
        if (round === 10) killed = killWhileSending(three[2]?.bot as BotProcess, databaseUrl);
      }
      await eventually(
        () =>
          lostAndDoubled(channels, world.titles, deliveredPairs(world.titles, { discord, slack }))
            .lost.length === 0,
        'every delivery',
        60_000,
      );
      await sleep(2000);
      const result = lostAndDoubled(
        channels,
        world.titles,
        deliveredPairs(world.titles, { discord, slack }),
      );
      expect({ pairs: channels.length * world.titles.length, ...result }).toEqual({
        pairs: 160,
        lost: [],
        doubled: [],
      });
      const left = await killed;
      console.log(`replica killed holding ${left} claims`);
      expect(left).toBeGreaterThan(0);
      const store = await PostgresStore.open(databaseUrl);
      expect(await store.openMessages()).toEqual([]);
      await store.close();
      // Each replica delivered some of it: the work was shared, not done by one of them alone.
      const announcedBy = three.map(
        ({ bot }) => (bot.stderr().match(/"msg":"announced"/gu) ?? []).length,
      );
      expect(announcedBy.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    } finally {
      discord.latencyMs = 0;
      slack.latencyMs = 0;
    }
  }, 180_000);

  it('GIVEN a Slack event answered by one replica and its retry landing on another THEN exactly one answer', async () => {
    const databaseUrl = await freshDatabase();
    const world = announceWorld({ channels: [], databaseUrl, slack });
    const two = await replicas(2, world.env);
    const ts = nextTs();
    const envelope = JSON.stringify(
      eventEnvelope(
        {
          type: 'app_mention',
          user: 'UASKER01',
          text: `<@${BOT_USER_ID}> cite Flareon`,
          ts,
          channel: 'CRETRY01',
        },
        'EvRetryAcrossReplicas',
      ),
    );
    const [first, second] = two.map(({ port }) => `http://127.0.0.1:${port}/slack/events`);
    const answers = await Promise.all([
      postSigned(first as string, envelope),
      sleep(50).then(() => postSigned(second as string, envelope, { retryNum: 1 })),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await slack.waitForCall('chat.postMessage', (b) => b.thread_ts === ts);
    await sleep(1500);
    expect(
      slack
        .calls('chat.postMessage')
        .filter((r) => (r.body as Record<string, string>).thread_ts === ts),
    ).toHaveLength(1);
    expect(
      two.some(({ bot }) =>
        bot.stderr().includes('ignoring repeat of event EvRetryAcrossReplicas'),
      ),
    ).toBe(true);
  }, 60_000);
});
