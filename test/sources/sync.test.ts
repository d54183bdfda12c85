import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, readCorpusFiles, type SourceFile } from '../../src/corpus/load-corpus.js';
import { PoliteHttp } from '../../src/sources/polite-http.js';
import type { SourceName } from '../../src/sources/source-error.js';
import { type SyncOptions, syncSources } from '../../src/sources/sync.js';
import { venueNews } from '../../src/sources/venue-news.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { atomFeed, FakeArxiv } from '../support/fake-arxiv.js';
import { fakeClock } from '../support/fake-clock.js';
import { dblpPersonXml, FakeDblp } from '../support/fake-dblp.js';
import type { Answer } from '../support/http-server.js';
import {
  ARXIV_RECORDS,
  DBLP_PEOPLE,
  SYNC_CORPUS_DIR,
  UNIDENTIFIED,
} from '../support/source-fixtures.js';

const AT = '2026-11-25T09:00:00.000Z';
const FOG = 'seeing-through-fog-with-event-cameras';

describe('syncSources against local arXiv and DBLP servers', () => {
  const clock = fakeClock();
  const arxiv = new FakeArxiv(ARXIV_RECORDS, clock.now);
  const dblp = new FakeDblp(DBLP_PEOPLE, clock.now);
  let files: SourceFile[] = [];

  beforeAll(async () => {
    await Promise.all([arxiv.start(), dblp.start()]);
    files = await readCorpusFiles(SYNC_CORPUS_DIR);
  });
  afterAll(async () => {
    await Promise.all([arxiv.close(), dblp.close()]);
  });

  const options = (): SyncOptions => ({
    http: new PoliteHttp({
      userAgent: 'pubbot-test',
      timeoutMs: 200,
      now: clock.now,
      sleep: clock.sleep,
    }),
    arxivApiUrl: arxiv.apiUrl,
    dblpApiUrl: dblp.apiUrl,
    dblpPids: ['71/4882', '99/1111'],
  });
  const newStore = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'pubbot-sync-')), 'db'));

  it('GIVEN a corpus with truncated authors and a preprint THEN full authors and the venue are learned, as changes per field', async () => {
    const result = await syncSources({ files, learned: [] }, options());
    expect(result.failures).toEqual([]);
    expect(result.asked).toEqual(['arxiv', 'dblp']);
    expect(result.changes).toEqual([
      {
        paperId: FOG,
        title: 'Seeing Through Fog with Event Cameras',
        field: 'authors',
        before: ['Ana Ruiz', 'Xitong Gao', 'Bo Li'],
        after: ['Ana Ruiz', 'Xitong Gao', 'Bo Li', 'Chen Wu', 'Dana Müller'],
      },
      {
        paperId: FOG,
        title: 'Seeing Through Fog with Event Cameras',
        field: 'venue',
        before: null,
        after: 'NeurIPS 2025',
      },
    ]);
    const fog = result.after.find((paper) => paper.id === FOG);
    expect(fog).toMatchObject({ authorsTruncated: false, arxivId: '2411.01234' });
    expect(fog?.sources).toEqual([
      'https://arxiv.org/abs/2411.01234',
      `${dblp.apiUrl}/rec/conf/nips/RuizGLWM25`,
      `${dblp.apiUrl}/rec/journals/corr/abs-2411-01234`,
    ]);
    expect(venueNews(result.before, result.after)).toEqual([
      { paperId: FOG, venue: 'NeurIPS 2025' },
    ]);
  });

  it('GIVEN a hand-edited venue and author list THEN they win over what DBLP and arXiv say', async () => {
    const result = await syncSources({ files, learned: [] }, options());
    const benchmark = result.after.find((paper) => paper.title.startsWith('A Benchmark'));
    expect(benchmark).toMatchObject({
      venue: 'TMLR 2024',
      authors: ['Tianrui Qin', 'Xitong Gao', 'Juanjuan Zhao', 'Kejiang Ye', 'Cheng-Zhong Xu'],
    });
    const dblpFacts = result.synced.find((s) => s.source === 'dblp')?.facts;
    expect(dblpFacts?.find((f) => f.title.startsWith('A Benchmark'))).toMatchObject({
      venue: 'Trans. Mach. Learn. Res. 2024',
    });
  });

  it('GIVEN the facts saved and a second sync THEN nothing changes and nothing is stored twice', async () => {
    const store = newStore();
    const first = await syncSources({ files, learned: await store.learnedFacts() }, options());
    await store.replaceSyncedFacts(first.synced, AT);
    const saved = await store.learnedFacts();
    expect(saved).toHaveLength(4);
    expect(buildCorpus(files, saved).papers).toEqual(first.after);
    const second = await syncSources({ files, learned: saved }, options());
    await store.replaceSyncedFacts(second.synced, AT);
    expect(second.changes).toEqual([]);
    expect(await store.learnedFacts()).toEqual(saved);
    await store.close();
  });

  it('GIVEN papers without an arXiv id THEN an exact title is taken and a near one is not, the requests three seconds apart', async () => {
    const from = arxiv.times.length;
    // arXiv alone: DBLP's pauses would move the shared fake clock too.
    const result = await syncSources(
      { files: [...files, UNIDENTIFIED], learned: [] },
      { ...options(), dblpPids: [] },
    );
    const titles = arxiv
      .queries()
      .slice(from)
      .map((r) => r.query.get('search_query') ?? `id_list=${r.query.get('id_list')}`);
    expect(titles).toEqual([
      'id_list=2411.01234,2308.03258',
      'ti:"quiet gradients for private federated learning"',
      'ti:"robust pruning for tiny devices"',
    ]);
    const times = arxiv.times.slice(from);
    expect(times.map((t) => t - (times[0] as number))).toEqual([0, 3000, 6000]);
    const quiet = result.changes.filter((c) => c.title.startsWith('Quiet'));
    expect(quiet.map((c) => [c.field, c.after])).toEqual([
      ['arxivId', '2502.04321'],
      ['authors', ['Tianrui Qin', 'Xitong Gao', 'Kejiang Ye']],
    ]);
    expect(result.changes.filter((c) => c.title.startsWith('Robust'))).toEqual([]);
  });

  it('GIVEN one 503 before the answer THEN the sync still succeeds', async () => {
    const answers: Answer[] = [{ status: 503, body: 'busy', headers: { 'retry-after': '5' } }];
    const remove = dblp.server.handle(() => answers.shift());
    const result = await syncSources({ files, learned: [] }, options());
    remove();
    expect(result.failures).toEqual([]);
    expect(venueNews(result.before, result.after)).toHaveLength(1);
  });

  it('GIVEN a fresh store and arXiv failing THEN what DBLP said is applied and nothing from arXiv', async () => {
    const store = newStore();
    const remove = arxiv.server.handle(() => ({ status: 404, body: 'gone' }));
    const result = await syncSources({ files, learned: await store.learnedFacts() }, options());
    remove();
    await store.replaceSyncedFacts(result.synced, AT);
    expect(result.failures.map((f) => f.code)).toEqual(['ARXIV_HTTP_STATUS']);
    expect(result.synced.map((s) => s.source)).toEqual(['dblp']);
    expect((await store.learnedFacts()).every((f) => f.source === 'sync:dblp')).toBe(true);
    await store.close();
  });

  const failures: Array<[string, SourceName, Answer, string]> = [
    [
      '429 with Retry-After every time',
      'arxiv',
      { status: 429, headers: { 'retry-after': '7' } },
      'ARXIV_RATE_LIMITED',
    ],
    ['a 5xx every time', 'arxiv', { status: 502, body: 'bad gateway' }, 'ARXIV_HTTP_STATUS'],
    [
      'no answer within the timeout',
      'arxiv',
      { status: 200, body: atomFeed(ARXIV_RECORDS), delayMs: 5000 },
      'ARXIV_TIMEOUT',
    ],
    [
      'malformed XML',
      'arxiv',
      { status: 200, body: '<feed><entry><title>x</entry>' },
      'ARXIV_MALFORMED',
    ],
    [
      'a truncated body',
      'arxiv',
      { status: 200, body: atomFeed(ARXIV_RECORDS), cutAfter: 600 },
      'ARXIV_TRUNCATED',
    ],
    ['an empty feed', 'arxiv', { status: 200, body: atomFeed([]) }, 'ARXIV_INCOMPLETE'],
    [
      '429 with Retry-After every time',
      'dblp',
      { status: 429, headers: { 'retry-after': '7' } },
      'DBLP_RATE_LIMITED',
    ],
    ['a 5xx every time', 'dblp', { status: 500, body: 'oops' }, 'DBLP_HTTP_STATUS'],
    [
      'no answer within the timeout',
      'dblp',
      {
        status: 200,
        body: dblpPersonXml('71/4882', DBLP_PEOPLE['71/4882'] as never),
        delayMs: 5000,
      },
      'DBLP_TIMEOUT',
    ],
    ['malformed XML', 'dblp', { status: 200, body: '<dblpperson><r><article>' }, 'DBLP_MALFORMED'],
    [
      'a truncated body',
      'dblp',
      {
        status: 200,
        body: dblpPersonXml('71/4882', DBLP_PEOPLE['71/4882'] as never),
        cutAfter: 400,
      },
      'DBLP_TRUNCATED',
    ],
    ['an empty body', 'dblp', { status: 200, body: '' }, 'DBLP_MALFORMED'],
  ];

  it.each(failures)(
    'GIVEN %s from %s THEN it is reported, nothing from it is applied, and the store and corpus are unchanged',
    async (_, source, answer, code) => {
      const store = newStore();
      const first = await syncSources({ files, learned: [] }, options());
      await store.replaceSyncedFacts(first.synced, AT);
      const learned = await store.learnedFacts();
      const papers = buildCorpus(files, learned).papers;

      const server = source === 'arxiv' ? arxiv.server : dblp.server;
      const remove = server.handle(() => answer);
      const waitsFrom = clock.waits.length;
      const result = await syncSources({ files, learned }, options());
      remove();
      await store.replaceSyncedFacts(result.synced, '2026-11-26T09:00:00.000Z');

      expect(result.failures).toEqual([{ source, code, message: expect.any(String) }]);
      expect(result.failures[0]?.message).not.toMatch(/\n/u);
      expect(result.synced.map((s) => s.source)).not.toContain(source);
      expect(result.changes).toEqual([]);
      expect(result.after).toEqual(papers);
      expect(await store.learnedFacts()).toEqual(learned);
      expect(buildCorpus(files, await store.learnedFacts()).papers).toEqual(papers);
      if (code.endsWith('RATE_LIMITED')) expect(clock.waits.slice(waitsFrom)).toContain(7000);
      await store.close();
    },
  );
});
