import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteHttp, type SourcePolicy, sourcesUserAgent } from '../../src/sources/polite-http.js';
import { SourceError } from '../../src/sources/source-error.js';
import { fakeClock } from '../support/fake-clock.js';
import { freePort } from '../support/free-port.js';
import { type Answer, RecordingServer } from '../support/http-server.js';

const SLOW: SourcePolicy = { source: 'arxiv', minIntervalMs: 3000, accept: 'application/atom+xml' };
const QUICK: SourcePolicy = { source: 'dblp', minIntervalMs: 1000, accept: 'application/xml' };

describe('PoliteHttp against a local server', () => {
  const server = new RecordingServer();
  const other = new RecordingServer();
  let base = '';
  let otherBase = '';

  beforeAll(async () => {
    base = `http://127.0.0.1:${await server.listen()}`;
    otherBase = `http://127.0.0.1:${await other.listen()}`;
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  /** Answers from the list in order (the last one repeats); records the fake time of each request. */
  function answering(answers: Answer[], clock?: { now: () => number }) {
    const seenAt: number[] = [];
    const remove = server.handle(() => {
      if (clock) seenAt.push(clock.now());
      return answers.length > 1 ? answers.shift() : answers[0];
    });
    const before = server.requests.length;
    return { seenAt, remove, count: () => server.requests.length - before };
  }

  async function failure(promise: Promise<unknown>): Promise<SourceError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }

  it('GIVEN a request THEN it names the project in the User-Agent and asks for the media type', async () => {
    const { remove } = answering([{ status: 200, body: '<ok/>' }]);
    const http = new PoliteHttp({ userAgent: sourcesUserAgent('mailto:lab@example.org') });
    expect(await http.getText(new URL(`${base}/x`), SLOW)).toBe('<ok/>');
    remove();
    const request = server.requests.at(-1);
    expect(request?.headers['user-agent']).toMatch(
      /^pubbot\/\d+\.\d+\.\d+ \(\+mailto:lab@example\.org\)$/u,
    );
    expect(request?.headers.accept).toBe('application/atom+xml');
  });

  it('GIVEN several requests to one host THEN they leave the minimum interval apart, and another host does not wait for them', async () => {
    const clock = fakeClock();
    const { seenAt, remove } = answering([{ status: 200, body: 'ok' }], clock);
    const http = new PoliteHttp({ userAgent: 'test', now: clock.now, sleep: clock.sleep });
    const otherSeenAt: number[] = [];
    const removeOther = other.handle(() => {
      otherSeenAt.push(clock.now());
      return { status: 200, body: 'ok' };
    });
    await Promise.all([
      http.getText(new URL(`${base}/1`), SLOW),
      http.getText(new URL(`${base}/2`), SLOW),
      http.getText(new URL(`${otherBase}/1`), QUICK),
      http.getText(new URL(`${base}/3`), SLOW),
    ]);
    remove();
    removeOther();
    expect(seenAt.map((t) => t - (seenAt[0] as number))).toEqual([0, 3000, 6000]);
    expect(otherSeenAt).toEqual([seenAt[0]]);
  });

  it('GIVEN 429 with Retry-After THEN it waits as told and then reads the answer', async () => {
    const clock = fakeClock();
    const { remove, count } = answering([
      { status: 429, body: 'slow down', headers: { 'retry-after': '7' } },
      { status: 200, body: 'ok' },
    ]);
    const http = new PoliteHttp({ userAgent: 'test', now: clock.now, sleep: clock.sleep });
    expect(await http.getText(new URL(`${base}/x`), SLOW)).toBe('ok');
    remove();
    expect(clock.waits).toEqual([7000]);
    expect(count()).toBe(2);
  });

  it('GIVEN 503 with Retry-After as an HTTP date THEN it waits until then', async () => {
    const clock = fakeClock();
    const { remove } = answering([
      {
        status: 503,
        headers: { 'retry-after': new Date(clock.now() + 12_000).toUTCString() },
      },
      { status: 200, body: 'ok' },
    ]);
    const http = new PoliteHttp({ userAgent: 'test', now: clock.now, sleep: clock.sleep });
    await http.getText(new URL(`${base}/x`), QUICK);
    remove();
    expect(clock.waits).toEqual([12_000]);
  });

  it('GIVEN a Retry-After longer than it is willing to wait THEN RATE_LIMITED at once, without waiting', async () => {
    const clock = fakeClock();
    const { remove, count } = answering([{ status: 429, headers: { 'retry-after': '3600' } }]);
    const http = new PoliteHttp({ userAgent: 'test', now: clock.now, sleep: clock.sleep });
    const error = await failure(http.getText(new URL(`${base}/x`), SLOW));
    remove();
    expect(error.code).toBe('ARXIV_RATE_LIMITED');
    expect(error.message).toBe(
      'arXiv asked to wait 3600 s before the next request; try again later',
    );
    expect(clock.waits).toEqual([]);
    expect(count()).toBe(1);
  });

  it('GIVEN a 5xx then success THEN it retries after a pause and succeeds', async () => {
    const clock = fakeClock();
    const { remove, count } = answering([
      { status: 502, body: 'bad gateway' },
      { status: 200, body: 'ok' },
    ]);
    const http = new PoliteHttp({ userAgent: 'test', now: clock.now, sleep: clock.sleep });
    expect(await http.getText(new URL(`${base}/x`), QUICK)).toBe('ok');
    remove();
    expect(count()).toBe(2);
    expect(clock.waits).toEqual([1000]);
  });

  it('GIVEN a server that keeps failing THEN a bounded number of attempts with growing pauses, then HTTP_STATUS', async () => {
    const clock = fakeClock();
    const { remove, count } = answering([{ status: 500, body: 'down' }]);
    const http = new PoliteHttp({ userAgent: 'test', now: clock.now, sleep: clock.sleep });
    const error = await failure(http.getText(new URL(`${base}/pid/1.xml`), QUICK));
    remove();
    expect(count()).toBe(3);
    expect(clock.waits).toEqual([1000, 2000]);
    expect(error.code).toBe('DBLP_HTTP_STATUS');
    expect(error.message).toBe(`DBLP answered HTTP 500 (${base}/pid/1.xml) after 3 attempts`);
  });

  it('GIVEN a 404 THEN it is not retried', async () => {
    const { remove, count } = answering([{ status: 404, body: 'no such person' }]);
    const http = new PoliteHttp({ userAgent: 'test', sleep: async () => {} });
    const error = await failure(http.getText(new URL(`${base}/pid/none.xml`), QUICK));
    remove();
    expect(count()).toBe(1);
    expect(error.code).toBe('DBLP_HTTP_STATUS');
  });

  it('GIVEN a server slower than the timeout THEN TIMEOUT after the retries', async () => {
    const { remove, count } = answering([{ status: 200, body: 'late', delayMs: 5000 }]);
    const http = new PoliteHttp({ userAgent: 'test', timeoutMs: 100, sleep: async () => {} });
    const error = await failure(http.getText(new URL(`${base}/x`), SLOW));
    remove();
    expect(error.code).toBe('ARXIV_TIMEOUT');
    expect(error.message).toMatch(/^arXiv did not answer within 100 ms .* after 3 attempts$/u);
    expect(count()).toBe(3);
  });

  it('GIVEN a body cut short of its Content-Length THEN TRUNCATED', async () => {
    const { remove } = answering([{ status: 200, body: '<feed>'.repeat(1000), cutAfter: 100 }]);
    const http = new PoliteHttp({ userAgent: 'test', retries: 0 });
    const error = await failure(http.getText(new URL(`${base}/x`), SLOW));
    remove();
    expect(error.code).toBe('ARXIV_TRUNCATED');
  });

  it('GIVEN nothing listening THEN UNREACHABLE', async () => {
    const port = await freePort();
    const http = new PoliteHttp({ userAgent: 'test', retries: 0 });
    const error = await failure(http.getText(new URL(`http://127.0.0.1:${port}/x`), QUICK));
    expect(error.code).toBe('DBLP_UNREACHABLE');
    expect(error.message).toMatch(/ECONNREFUSED/u);
  });
});
