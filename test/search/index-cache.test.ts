import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../src/answer/library.js';
import { cachedIndex, MIN_PAPERS_TO_CACHE } from '../../src/search/index-cache.js';
import { syntheticCorpus } from '../bench/synthetic-corpus.js';
import { memoryLogger } from '../support/memory-logger.js';

describe('index snapshots on disk', () => {
  const { papers } = syntheticCorpus(MIN_PAPERS_TO_CACHE + 100, 3);

  it('GIVEN a large corpus THEN the first start saves a snapshot, the next loads it, and answers agree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pubbot-index-'));
    const log = memoryLogger();
    const build = () =>
      createLibrary(papers, {
        indexFor: (sorted, fingerprint) => cachedIndex(sorted, fingerprint, dir, log.logger),
      });
    const first = build();
    const second = build();
    expect(log.lines().map((l) => l.msg)).toEqual([
      'index snapshot saved',
      'index loaded from snapshot',
    ]);
    expect(readdirSync(dir)).toEqual([`index-${first.fingerprint}.json`]);
    const word = papers[0]?.title.split(' ').at(-1) ?? '';
    expect(second.index.search(word).hits.map((h) => h.id)).toEqual(
      first.index.search(word).hits.map((h) => h.id),
    );
  });

  it('GIVEN a damaged snapshot THEN it is rebuilt; GIVEN a changed corpus THEN the old snapshot is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pubbot-index-'));
    const log = memoryLogger();
    const library = createLibrary(papers, {
      indexFor: (sorted, fingerprint) => {
        writeFileSync(join(dir, `index-${fingerprint}.json`), '{ not json');
        return cachedIndex(sorted, fingerprint, dir, log.logger);
      },
    });
    expect(log.lines().map((l) => l.msg)).toEqual([
      'index snapshot unusable; rebuilding',
      'index snapshot saved',
    ]);
    const changed = papers.slice(1);
    const other = createLibrary(changed, {
      indexFor: (sorted, fingerprint) => cachedIndex(sorted, fingerprint, dir, log.logger),
    });
    expect(readdirSync(dir)).toEqual([`index-${other.fingerprint}.json`]);
    expect(other.fingerprint).not.toBe(library.fingerprint);
  });
});
