import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arxivIdFromUrl,
  FeedError,
  fetchArxivFeed,
  parseArxivFeed,
} from '../../src/announce/arxiv-feed.js';
import { RecordingServer } from '../support/http-server.js';

const FEED = readFileSync('test/fixtures/arxiv/feed.xml', 'utf8');

describe('parseArxivFeed', () => {
  it('GIVEN an arXiv Atom feed THEN each entry becomes paper facts with id, full authors, primary category and links', () => {
    const [first, second] = parseArxivFeed(FEED);
    expect(first).toEqual({
      title: 'Trigger Hunting: Finding Backdoor Triggers in Vision Transformers',
      authors: ['Ana Ruiz', 'Tianrui Qin', 'Xitong Gao', 'Bo Li'],
      authorsTruncated: false,
      published: '2026-11-18',
      categoryCode: 'cs.CR',
      abstract:
        'Backdoors in vision transformers are hard to find. We introduce TriggerHunt, a search that recovers backdoor triggers from a handful of clean images. Code: https://github.com/example/triggerhunt',
      url: 'https://arxiv.org/abs/2611.01234',
      arxivId: '2611.01234',
      source: 'arxiv:2611.01234',
    });
    expect(second?.arxivId).toBe('2212.09999');
  });

  it('GIVEN versioned and old-style ids THEN the version suffix goes and the archive stays', () => {
    expect(arxivIdFromUrl('http://arxiv.org/abs/2303.12345v2')).toBe('2303.12345');
    expect(arxivIdFromUrl('http://arxiv.org/abs/cs/0112017v1')).toBe('cs/0112017');
  });

  it('GIVEN a truncated download THEN the whole feed is rejected', () => {
    expect(() => parseArxivFeed(FEED.slice(0, FEED.length / 2))).toThrow(FeedError);
  });

  it('GIVEN one entry missing its authors THEN the whole feed is rejected, naming the entry', () => {
    const broken = FEED.replace(
      /<author><name>Ana Ruiz<\/name><\/author>[\s\S]*?<author><name>Bo Li<\/name><\/author>/u,
      '',
    );
    expect(() => parseArxivFeed(broken)).toThrow(/entry 1: author/u);
  });

  it('GIVEN an empty result THEN no papers, not an error', () => {
    expect(
      parseArxivFeed(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
      ),
    ).toEqual([]);
  });
});

describe('fetchArxivFeed against a local Atom server', () => {
  const server = new RecordingServer();
  let apiUrl = '';

  beforeAll(async () => {
    apiUrl = `http://127.0.0.1:${await server.listen()}/api/query`;
  });
  afterAll(() => server.close());

  it('GIVEN a query THEN one polite request in the arXiv API format', async () => {
    const remove = server.handle(() => ({
      status: 200,
      body: FEED,
      headers: { 'content-type': 'application/atom+xml' },
    }));
    const papers = await fetchArxivFeed({
      apiUrl,
      query: 'au:Gao_Xitong',
      userAgent: 'pubbot-test',
    });
    remove();
    expect(papers).toHaveLength(2);
    const request = server.requests.at(-1);
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
    const remove = server.handle(() => answers.shift());
    const waits: number[] = [];
    const papers = await fetchArxivFeed({
      apiUrl,
      query: 'au:X',
      sleep: async (ms) => void waits.push(ms),
    });
    remove();
    expect(papers).toHaveLength(2);
    expect(waits).toEqual([3000, 7000]);
  });

  it('GIVEN the server keeps failing THEN a FeedError after the allowed retries', async () => {
    const remove = server.handle(() => ({ status: 503, body: 'down' }));
    const before = server.requests.length;
    await expect(fetchArxivFeed({ apiUrl, query: 'au:X', sleep: async () => {} })).rejects.toThrow(
      new FeedError('arXiv answered HTTP 503'),
    );
    remove();
    expect(server.requests.length - before).toBe(3);
  });
});
