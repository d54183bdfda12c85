import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { CorpusReloader } from '../../src/reload/corpus-reloader.js';
import { spawnBot } from '../support/spawn-bot.js';

const folder = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('corpus problems in the log', () => {
  const broken = () => {
    const dir = folder('pubbot-broken-');
    writeFileSync(join(dir, 'listing.txt'), 'not a header\nTitleAuthor\nAbstract.\n');
    const good = {
      title: 'A Good Paper',
      authors: ['Ana Ruiz'],
      published: '2024-01-01',
      category: 'cs.LG',
    };
    writeFileSync(join(dir, 'papers.json'), JSON.stringify([good]));
    return dir;
  };

  it('GIVEN a broken entry read at start and again at every cycle THEN it is logged once, as one line even on a terminal; fixed and broken again THEN once more', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logger = createLogger({ level: 'warn', pretty: true, destination });
    const corpusDir = broken();
    const { reloader } = await CorpusReloader.load({ corpusDir, logger });
    await reloader.reload([]);
    await reloader.reload([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN.*listing\.txt:1: expected a header/u);
    writeFileSync(join(corpusDir, 'listing.txt'), '');
    await reloader.reload([]);
    writeFileSync(join(corpusDir, 'listing.txt'), 'not a header\n');
    await reloader.reload([]);
    expect(lines.filter((line) => line.includes('listing.txt:1'))).toHaveLength(2);
  });

  it('GIVEN the bot starting on a broken entry THEN the problem is in its log once', async () => {
    const bot = spawnBot({ CORPUS_DIR: broken(), LOG_LEVEL: 'warn' });
    bot.child.stdin.end();
    expect((await bot.exited).code).toBe(0);
    expect(bot.stderr().match(/listing\.txt:1: expected a header/gu)).toHaveLength(1);
  });
});
