import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LISTING_PATH, METADATA_PATH } from './corpus.js';
import { APP_ID, type FakeDiscord } from './fake-discord.js';
import { type FakeSlack, SIGNING_SECRET } from './fake-slack.js';
import { runScript, type ScriptResult } from './run-script.js';

/**
 * An installation several processes share, as on a server: a corpus folder
 * (the bundled papers, with `.announced` so only papers added later are
 * new), one database, and the fakes every process posts to. Papers are
 * added as hand entries, one file each, with titles no other title contains.
 */
export function announceWorld({
  channels,
  databaseUrl,
  discord,
  slack,
}: {
  /** ANNOUNCE_CHANNELS: every process of one installation is given the same list, as each makes the configured channels exactly its own. */
  channels: readonly string[];
  databaseUrl?: string;
  discord?: FakeDiscord;
  slack?: FakeSlack;
}) {
  const dir = mkdtempSync(join(tmpdir(), 'pubbot-world-'));
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir);
  copyFileSync(LISTING_PATH, join(corpusDir, 'publications.txt'));
  copyFileSync(METADATA_PATH, join(corpusDir, 'papers.json'));
  copyFileSync('corpus/.announced', join(corpusDir, '.announced'));
  const dbPath = join(dir, 'pubbot.db');
  const titles: string[] = [];
  const env: Record<string, string> = {
    CORPUS_DIR: corpusDir,
    DATABASE_URL: databaseUrl ?? `sqlite:${dbPath}`,
    ANNOUNCE_CHANNELS: channels.join(','),
    LOG_LEVEL: 'info',
    // Cycles come from the test (the start-up one, `announce --once`), retries from the bot itself.
    ANNOUNCE_CRON: '0 0 1 1 *',
    ANNOUNCE_RETRY_MIN: '300ms',
    ANNOUNCE_CLAIM_TTL: '2s',
    ...(discord
      ? {
          DISCORD_TOKEN: 'discord-token-abcdefghijklmnopqrstu',
          DISCORD_APP_ID: APP_ID,
          DISCORD_API_URL: discord.apiUrl,
        }
      : {}),
    ...(slack
      ? {
          SLACK_BOT_TOKEN: 'xoxb-announce-world',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
        }
      : {}),
  };
  return {
    corpusDir,
    dbPath,
    env,
    /** Every paper title added so far. */
    titles,
    /** Adds papers in a file of their own; `abstract` makes them as long as needed. */
    addPapers(file: string, names: string[], abstract = 'We study faults.') {
      const papers = names.map((name) => ({
        title: name,
        authors: ['Ana Ruiz', 'Xitong Gao'],
        published: '2026-11-21',
        category: 'cs.LG',
        abstract: `${name}: ${abstract}`,
      }));
      titles.push(...names);
      writeFileSync(join(corpusDir, file), JSON.stringify(papers));
    },
    writeFile: (file: string, text: string) => writeFileSync(join(corpusDir, file), text),
    /** `npm run announce -- --once --json` as its own process. */
    announce: (extra: Record<string, string> = {}): Promise<ScriptResult> =>
      runScript('src/cli/announce.ts', ['--once', '--json'], { env: { ...env, ...extra } }),
  };
}

/** Every (channel, title) the fakes show, with how many messages carry it. */
export function deliveredPairs(
  titles: readonly string[],
  { discord, slack }: { discord?: FakeDiscord; slack?: FakeSlack },
): Map<string, number> {
  const pairs = new Map<string, number>();
  const count = (channel: string, text: string) => {
    for (const title of titles)
      if (text.includes(title))
        pairs.set(`${channel} ${title}`, (pairs.get(`${channel} ${title}`) ?? 0) + 1);
  };
  for (const message of discord?.channelMessages ?? [])
    count(`discord:${String(message.channel_id)}`, JSON.stringify(message.embeds ?? []));
  for (const message of slack?.messages ?? [])
    if (message.thread_ts === undefined) count(`slack:${message.channel}`, message.text);
  return pairs;
}

/** What was lost and what was doubled, for every channel and title that should have arrived once. */
export function lostAndDoubled(
  channels: readonly string[],
  titles: readonly string[],
  pairs: ReadonlyMap<string, number>,
): { lost: string[]; doubled: string[] } {
  const lost: string[] = [];
  const doubled: string[] = [];
  for (const channel of channels)
    for (const title of titles) {
      const seen = pairs.get(`${channel} ${title}`) ?? 0;
      if (seen === 0) lost.push(`${channel} ${title}`);
      if (seen > 1) doubled.push(`${channel} ${title} ×${seen}`);
    }
  return { lost, doubled };
}

/** Resolves once `condition` holds, polling; rejects with `what` after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
