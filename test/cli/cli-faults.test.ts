import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { runScript, temporaryDatabase } from '../support/run-script.js';
import { spawnBot } from '../support/spawn-bot.js';

const folder = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A database file that is not one: what a disk error or a stray copy leaves behind. */
function damagedDatabase(): { url: string; path: string } {
  const path = join(folder('pubbot-damaged-'), 'pubbot.db');
  writeFileSync(path, Buffer.from('this is not an SQLite database, just bytes '.repeat(200)));
  return { url: `sqlite:${path}`, path };
}

/** A corpus of `count` hand-added papers, enough output to outgrow a pipe's buffer. */
function largeCorpus(count: number): string {
  const dir = folder('pubbot-large-');
  const papers = Array.from({ length: count }, (_, i) => ({
    title: `A Study of Things Number ${i}`,
    authors: ['Ana Ruiz', 'Bo Li'],
    published: '2024-01-01',
    category: 'cs.LG',
    abstract: 'We study things. '.repeat(20),
  }));
  writeFileSync(join(dir, 'papers.json'), JSON.stringify(papers));
  return dir;
}

/** Runs a CLI whose reader stops reading after the first output, as `| head -1` does. */
function runIntoClosedPipe(args: string[], env: Record<string, string>, input?: string[]) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ENV_FILE: '', DATABASE_URL: temporaryDatabase(), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => {
      child.stdout.destroy();
      // More questions after the reader left: each answer now meets a closed pipe.
      for (const line of input?.slice(1) ?? []) child.stdin.write(`${line}\n`);
      child.stdin.end();
    });
    if (input) child.stdin.write(`${input[0]}\n`);
    else child.stdin.end();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('command-line tools at the edges', () => {
  it('GIVEN `corpus` or `ask --batch` piped into a reader that stops THEN they end quietly with exit 0', async () => {
    const corpus = await runIntoClosedPipe(['src/cli/corpus.ts', '--json'], {
      CORPUS_DIR: largeCorpus(2000),
    });
    expect(corpus).toEqual({ code: 0, stderr: '' });
    const questions = Array.from({ length: 50 }, (_, i) => `papers in ${2000 + (i % 26)}`);
    const ask = await runIntoClosedPipe(['src/cli/ask.ts', '--batch'], {}, questions);
    expect(ask).toEqual({ code: 0, stderr: '' });
  }, 60_000);

  it.each(['2026-13-45', '2026-02-30', '25-11-2026'])(
    'GIVEN `--today %s` THEN a one-line usage error and exit code 2',
    async (day) => {
      const result = await runScript('src/cli/ask.ts', ['--today', day, 'latest']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`pubbot: --today must be a date like 2026-11-25, got "${day}"\n`);
    },
  );

  it('GIVEN an empty corpus folder THEN `ask` still answers, with one warning saying why nothing is found', async () => {
    const result = await runScript('src/cli/ask.ts', ['latest'], {
      env: { CORPUS_DIR: folder('pubbot-empty-') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No papers\b/u);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string).msg).toMatch(
      /^corpus .* has no papers, so every question finds nothing/u,
    );
  });
});

describe('a damaged database', () => {
  it('GIVEN `ask` THEN it still answers, after one line naming the file', async () => {
    const db = damagedDatabase();
    const result = await runScript('src/cli/ask.ts', ['how many papers in 2024?'], {
      env: { DATABASE_URL: db.url },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^4 papers in 2024/u);
    expect(JSON.parse(result.stderr.trim()).msg).toBe(
      `database ${db.path} cannot be opened: file is not a database; answering without it (no announcements, follow-ups kept in memory only)`,
    );
  });

  it('GIVEN `announce`, which exists to write it THEN exit 2 (a setting to fix) with one line naming the file', async () => {
    const db = damagedDatabase();
    const result = await runScript('src/cli/announce.ts', ['--once'], {
      env: { DATABASE_URL: db.url },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `pubbot: database ${db.path} cannot be opened: file is not a database\n`,
    );
  });

  it('GIVEN the bot THEN it answers questions while /healthz says 503 naming the file', async () => {
    const db = damagedDatabase();
    const port = await freePort();
    const bot = spawnBot({ DATABASE_URL: db.url, HTTP_PORT: String(port) });
    try {
      await bot.waitForLog('serving /healthz and /metrics');
      bot.child.stdin.write('how many papers in 2024?\n');
      await bot.waitForOutput('4 papers in 2024');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { reasons: string[] }).reasons).toEqual([
        `store: database ${db.path} cannot be opened: file is not a database`,
      ]);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });
});
