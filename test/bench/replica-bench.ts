import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Conversation } from '../../src/conversation/conversation.js';
import type { Origin } from '../../src/conversation/request.js';
import { ExampleFileSchema } from '../../src/eval/example-questions.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import {
  announceWorld,
  deliveredPairs,
  eventually,
  lostAndDoubled,
} from '../support/announce-world.js';
import { bundled } from '../support/corpus.js';
import { FakeDiscord } from '../support/fake-discord.js';
import {
  BOT_USER_ID,
  eventEnvelope,
  FakeSlack,
  nextTs,
  postSigned,
} from '../support/fake-slack.js';
import { freePort } from '../support/free-port.js';
import { memoryLogger } from '../support/memory-logger.js';
import { dropDatabases, freshDatabase, TEST_DATABASE_URL } from '../support/postgres.js';
import { type BotProcess, spawnBot } from '../support/spawn-bot.js';

/**
 * `TEST_DATABASE_URL=postgres://… npm run bench:replicas [-- --replicas 1,2,4]`:
 * what several replicas on one PostgreSQL database cost and give, measured
 * with real bot processes against the fake platforms (answering in 250 ms):
 * the announcement cycle time, Slack HTTP events answered per second, and
 * the answer latency with the store behind it (SQLite file or PostgreSQL).
 * A script, never a test: it reports, it does not assert.
 */
const { values } = parseArgs({
  options: {
    replicas: { type: 'string', default: '1,2,4' },
    slack: { type: 'string', default: '1,2' },
    events: { type: 'string', default: '300' },
  },
});
if (!TEST_DATABASE_URL)
  throw new Error('set TEST_DATABASE_URL to a PostgreSQL server the bench may create databases on');
const counts = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

const discord = await FakeDiscord.start();
const slack = await FakeSlack.start();
const bots: BotProcess[] = [];

async function startReplicas(count: number, env: Record<string, string>): Promise<number[]> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const started = ports.map((port) =>
    spawnBot({ ...env, HTTP_PORT: String(port), LOG_LEVEL: 'warn' }),
  );
  bots.push(...started);
  await Promise.all(
    started.map((bot) => waitForHealth(bot, ports[started.indexOf(bot)] as number)),
  );
  return ports;
}

async function waitForHealth(bot: BotProcess, port: number): Promise<void> {
  await eventually(
    async () => {
      if (bot.child.exitCode !== null) throw new Error(`a replica exited: ${bot.stderr()}`);
      return fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    'a replica to be healthy',
    60_000,
  );
}

async function stopReplicas(): Promise<void> {
  for (const bot of bots.splice(0)) bot.child.kill('SIGTERM');
  await sleep(500);
}

/**
 * Seconds from new papers landing in the corpus to the last of their
 * announcements on the platforms: 8 channels, 3 rounds of 12 papers (two
 * digests per channel), cycles every second on every replica.
 */
async function cycleTime(
  replicas: number,
): Promise<{ seconds: number; lost: number; doubled: number }> {
  const channels = [
    ...[1, 2, 3, 4].map((n) => `discord:93000000000000000${n}`),
    ...[1, 2, 3, 4].map((n) => `slack:CBENCH${replicas}${n}`),
  ];
  const world = announceWorld({ channels, databaseUrl: await freshDatabase(), discord, slack });
  await startReplicas(replicas, { ...world.env, ANNOUNCE_CRON: '* * * * * *' });
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const titles = Array.from(
      { length: 12 },
      (_, i) => `Bench Theta N${replicas} R${round} P${String(i).padStart(2, '0')}`,
    );
    const started = Date.now();
    world.addPapers(`bench-${round}.json`, titles);
    await eventually(
      () =>
        lostAndDoubled(channels, titles, deliveredPairs(titles, { discord, slack })).lost.length ===
        0,
      'the round',
      120_000,
    );
    times.push((Date.now() - started) / 1000);
  }
  await sleep(1500);
  const result = lostAndDoubled(
    channels,
    world.titles,
    deliveredPairs(world.titles, { discord, slack }),
  );
  await stopReplicas();
  return { seconds: median(times), lost: result.lost.length, doubled: result.doubled.length };
}

/** Signed app_mention events sent 32 at a time, spread over the replicas: answers per second. */
async function slackEventsPerSecond(replicas: number, total: number): Promise<number> {
  const world = announceWorld({ channels: [], databaseUrl: await freshDatabase(), slack });
  const ports = await startReplicas(replicas, world.env);
  const channel = `CEVENTS${replicas}`;
  const answered = () =>
    slack
      .calls('chat.postMessage')
      .filter((r) => (r.body as Record<string, string>).channel === channel).length;
  const send = (i: number) => {
    const event = {
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> papers by Xitong Gao in 2023`,
      ts: nextTs(),
      channel,
    };
    const url = `http://127.0.0.1:${ports[i % ports.length]}/slack/events`;
    return postSigned(url, JSON.stringify(eventEnvelope(event, `EvBench${replicas}x${i}`)));
  };
  for (let i = 0; i < 20; i++) await send(i);
  await eventually(() => answered() === 20, 'the warm-up');
  const before = answered();
  const started = Date.now();
  let next = 20;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < total + 20) await send(next++);
    }),
  );
  await eventually(() => answered() - before === total, 'every answer', 120_000);
  const rate = total / ((Date.now() - started) / 1000);
  await stopReplicas();
  return rate;
}

/** p50 and p99 of `answer` over the example questions, 20 rounds, the first quarter left out as warm-up. */
async function latency(
  answer: (question: string, key: string) => unknown,
): Promise<{ p50: number; p99: number }> {
  const examples = ExampleFileSchema.parse(
    JSON.parse(readFileSync('test/fixtures/example-questions.json', 'utf8')),
  );
  const times: number[] = [];
  for (let round = 0; round < 20; round++)
    for (const [i, example] of examples.cases.entries()) {
      const started = performance.now();
      await answer(example.q, `slack:CLATENCY:${round}.${i}`);
      times.push(performance.now() - started);
    }
  const sorted = times.slice(times.length / 4).sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** The whole answer path on one store: the funnel, the core, the follow-up context it saves. */
function throughConversation(store: Store) {
  const { core } = bundled();
  const conversation = new Conversation({
    core: () => core,
    store,
    logger: memoryLogger('silent').logger,
  });
  return (question: string, key: string) => {
    const origin: Origin = {
      platform: 'slack',
      channel: 'CLATENCY',
      user: 'U1',
      conversation: { key },
      surface: { pageSize: 5, tokenLength: 2000 },
      mayManage: async () => false,
      managers: 'nobody',
    };
    return conversation.handle({ kind: 'question', text: question }, origin);
  };
}

try {
  const report: Record<string, unknown> = {};
  report.cycle = [];
  for (const n of counts(values.replicas))
    (report.cycle as unknown[]).push({ replicas: n, ...(await cycleTime(n)) });
  report.slack = [];
  for (const n of counts(values.slack))
    (report.slack as unknown[]).push({
      replicas: n,
      eventsPerSecond: await slackEventsPerSecond(n, Number(values.events)),
    });
  const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'pubbot-bench-')), 'pubbot.db'));
  const postgres = await PostgresStore.open(await freshDatabase());
  const { core } = bundled();
  report.ask = {
    coreOnly: await latency((question) => core.ask(question, { today: '2026-11-25' })),
    sqlite: await latency(throughConversation(sqlite)),
    postgres: await latency(throughConversation(postgres)),
  };
  await sqlite.close();
  await postgres.close();
  console.log(JSON.stringify(report, null, 2));
} finally {
  await stopReplicas();
  await discord.close();
  await slack.close();
  await dropDatabases();
}
