import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arxivByIds, arxivByTitle, fetchArxivFeed } from '../../src/sources/arxiv-api.js';
import { PoliteHttp } from '../../src/sources/polite-http.js';
import { SourceError } from '../../src/sources/source-error.js';
import { type ArxivRecord, atomFeed, FakeArxiv } from '../support/fake-arxiv.js';
import { fakeClock } from '../support/fake-clock.js';
import { ARXIV_RECORDS } from '../support/source-fixtures.js';

const FEED = readFileSync('test/fixtures/arxiv/feed.xml', 'utf8');

const RECORDS: ArxivRecord[] = [
  ...ARXIV_RECORDS,
  {
    id: '2504.00001',
    title: 'Sparse Adapters Revisited',
    authors: ['Someone Else'],
    published: '2025-04-01',
    category: 'cs.CL',
  },
  {
    id: '2504.00002',
    title: 'Sparse Adapters, Revisited',
    authors: ['Yiren Zhao', 'Xitong Gao'],
    published: '2025-04-02',
    category: 'cs.CL',
  },
];

describe('the arXiv API client against a local Atom server', () => {
  const clock = fakeClock();
  const arxiv = new FakeArxiv(RECORDS, clock.now);
  const http = () =>
    new PoliteHttp({ userAgent: 'pubbot-test', now: clock.now, sleep: clock.sleep });

  beforeAll(() => arxiv.start());
  afterAll(() => arxiv.close());

  it('GIVEN a search query THEN one request in the documented format, newest first', async () => {
    const remove = arxiv.server.handle(() => ({ status: 200, body: FEED }));
    const papers = await fetchArxivFeed({
      apiUrl: arxiv.apiUrl,
      http: http(),
      query: 'au:Gao_Xitong',
    });
    remove();
    expect(papers).toHaveLength(2);
    const request = arxiv.server.requests.at(-1);
    expect(request?.path).toBe('/api/query');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      search_query: 'au:Gao_Xitong',
      sortBy: 'submittedDate',
      sortOrder: 'descending',
      max_results: '100',
    });
    expect(request?.headers['user-agent']).toBe('pubbot-test');
  });

  it('GIVEN 503 then 429 with Retry-After THEN it backs off as told and then reads the feed', async () => {
    const answers = [
      { status: 503, body: 'busy' },
      { status: 429, body: 'slow down', headers: { 'retry-after': '7' } },
      { status: 200, body: FEED },
    ];
    const remove = arxiv.server.handle(() => answers.shift());
    const waitsBefore = clock.waits.length;
    const papers = await fetchArxivFeed({ apiUrl: arxiv.apiUrl, http: http(), query: 'au:X' });
    remove();
    expect(papers).toHaveLength(2);
    expect(clock.waits.slice(waitsBefore)).toEqual([3000, 7000]);
  });

  it('GIVEN ids THEN they are asked in id_list batches with max_results, three seconds apart, versions dropped', async () => {
    const before = arxiv.times.length;
    const byId = await arxivByIds(
      ['2411.01234v3', '2502.04321', '2502.09999', '2411.01234', '2503.00001'],
      { apiUrl: arxiv.apiUrl, http: http() },
      2,
    );
    expect([...byId.keys()]).toEqual(['2411.01234', '2502.04321', '2502.09999', '2503.00001']);
    expect(byId.get('2411.01234')).toMatchObject({
      title: 'Seeing Through Fog with Event Cameras',
      authors: ['Ana Ruiz', 'Xitong Gao', 'Bo Li', 'Chen Wu', 'Dana Müller'],
      url: 'https://arxiv.org/abs/2411.01234',
    });
    const requests = arxiv.queries().slice(-2);
    expect(requests.map((r) => [r.query.get('id_list'), r.query.get('max_results')])).toEqual([
      ['2411.01234,2502.04321', '2'],
      ['2502.09999,2503.00001', '2'],
    ]);
    const times = arxiv.times.slice(before);
    expect(times.map((t) => t - (times[0] as number))).toEqual([0, 3000]);
  });

  it('GIVEN an id arXiv has no entry for, or an empty feed THEN INCOMPLETE naming the ids', async () => {
    const api = { apiUrl: arxiv.apiUrl, http: http() };
    await expect(arxivByIds(['2411.01234', '2401.99999'], api)).rejects.toThrow(
      new SourceError(
        'arxiv',
        'INCOMPLETE',
        'arXiv returned no entry for 2401.99999 (of 2 ids asked)',
      ),
    );
    const remove = arxiv.server.handle(() => ({ status: 200, body: atomFeed([]) }));
    await expect(arxivByIds(['2411.01234'], api)).rejects.toMatchObject({
      code: 'ARXIV_INCOMPLETE',
    });
    remove();
  });

  it('GIVEN a paper known by title THEN the exact normalised title is taken, with a phrase search in titles', async () => {
    const found = await arxivByTitle(
      { title: 'Quiet gradients for private federated-learning', authors: ['Tianrui Qin'] },
      { apiUrl: arxiv.apiUrl, http: http() },
    );
    expect(found).toMatchObject({
      arxivId: '2502.04321',
      authors: ['Tianrui Qin', 'Xitong Gao', 'Kejiang Ye'],
    });
    expect(arxiv.queries().at(-1)?.query.get('search_query')).toBe(
      'ti:"quiet gradients for private federated learning"',
    );
  });

  it('GIVEN only a near-but-different title THEN nothing is taken', async () => {
    const api = { apiUrl: arxiv.apiUrl, http: http() };
    expect(
      await arxivByTitle(
        { title: 'Robust Pruning for Tiny Devices', authors: ['Yiren Zhao'] },
        api,
      ),
    ).toBeUndefined();
    expect(arxiv.queries().at(-1)?.query.get('search_query')).toBe(
      'ti:"robust pruning for tiny devices"',
    );
  });

  it('GIVEN the same title by other people only THEN nothing is taken; GIVEN one by a listed author THEN that one', async () => {
    const api = { apiUrl: arxiv.apiUrl, http: http() };
    expect(
      await arxivByTitle({ title: 'Sparse Adapters Revisited', authors: ['Ana Ruiz'] }, api),
    ).toBeUndefined();
    expect(
      await arxivByTitle({ title: 'Sparse Adapters Revisited', authors: ['Y. Zhao'] }, api),
    ).toMatchObject({ arxivId: '2504.00002' });
  });
});
