import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDblpPerson, parseDblpPerson, venueString } from '../../src/sources/dblp.js';
import { PoliteHttp } from '../../src/sources/polite-http.js';
import { SourceError } from '../../src/sources/source-error.js';
import { fakeClock } from '../support/fake-clock.js';
import { type DblpPerson, dblpPersonXml, FakeDblp } from '../support/fake-dblp.js';

const GAO: DblpPerson = {
  name: 'Xitong Gao 0001',
  papers: [
    {
      key: 'conf/nips/RuizGLWM25',
      title: 'Seeing Through Fog with Event Cameras',
      authors: ['Ana Ruiz', 'Xitong Gao 0001', 'Bo Li 0003', 'Chen Wu', 'Dana Müller'],
      year: 2025,
      booktitle: 'NeurIPS',
      ee: ['https://proceedings.neurips.cc/paper/2025/hash/abc-Abstract.html'],
    },
    {
      key: 'journals/corr/abs-2411-01234',
      kind: 'article',
      publtype: 'informal',
      title: 'Seeing Through Fog with Event Cameras',
      authors: ['Ana Ruiz', 'Xitong Gao 0001', 'Bo Li 0003', 'Chen Wu'],
      year: 2024,
      journal: 'CoRR',
      volume: 'abs/2411.01234',
      ee: ['https://doi.org/10.48550/arXiv.2411.01234', 'https://arxiv.org/abs/2411.01234'],
    },
    {
      key: 'journals/tmlr/QinGZYX24',
      kind: 'article',
      title: 'A Benchmark for Poisons',
      authors: ['Tianrui Qin', 'Xitong Gao 0001'],
      year: 2024,
      journal: 'Trans. Mach. Learn. Res.',
    },
    {
      key: 'conf/acl/ZhaoG25',
      title: 'Splitting Water',
      titleMarkup: 'Splitting H<sub>2</sub>O with <i>Tiny</i> Models &amp; Friends.',
      authors: ['Yiren Zhao', 'Xitong Gao 0001'],
      year: 2025,
      booktitle: 'ACL (1)',
    },
    {
      key: 'conf/iclr/GaoZ19',
      title: 'Dynamic Things',
      authors: ['Xitong Gao 0001'],
      year: 2019,
      booktitle: 'ICLR (Poster)',
    },
    {
      key: 'journals/corr/abs-2001-00001',
      kind: 'article',
      publtype: 'informal withdrawn',
      title: 'A Withdrawn Note',
      authors: ['Xitong Gao 0001'],
      year: 2020,
      journal: 'CoRR',
    },
    {
      key: 'conf/fpt/2019',
      kind: 'proceedings',
      title: 'Proceedings of Something',
      authors: [],
      year: 2019,
    },
  ],
};

describe('parseDblpPerson', () => {
  const records = parseDblpPerson(dblpPersonXml('71/4882', GAO));

  it('GIVEN a conference paper THEN its venue is booktitle and year, with the full author list without homonym numbers', () => {
    expect(records[0]).toEqual({
      key: 'conf/nips/RuizGLWM25',
      title: 'Seeing Through Fog with Event Cameras',
      authors: ['Ana Ruiz', 'Xitong Gao', 'Bo Li', 'Chen Wu', 'Dana Müller'],
      year: 2025,
      venue: 'NeurIPS 2025',
      url: 'https://dblp.org/rec/conf/nips/RuizGLWM25',
    });
  });

  it('GIVEN a CoRR preprint THEN no venue, but its arXiv id from the links', () => {
    expect(records[1]).toMatchObject({ arxivId: '2411.01234' });
    expect(records[1]?.venue).toBeUndefined();
  });

  it('GIVEN a journal article THEN the journal and year are the venue', () => {
    expect(records[2]?.venue).toBe('Trans. Mach. Learn. Res. 2024');
  });

  it('GIVEN markup and references in a title THEN plain text, without the closing period', () => {
    expect(records[3]?.title).toBe('Splitting H2O with Tiny Models & Friends');
    expect(records[3]?.venue).toBe('ACL 2025');
    expect(records[4]?.venue).toBe('ICLR 2019');
  });

  it('GIVEN withdrawn records and editorships THEN they are left out', () => {
    expect(records.map((r) => r.key)).toEqual([
      'conf/nips/RuizGLWM25',
      'journals/corr/abs-2411-01234',
      'journals/tmlr/QinGZYX24',
      'conf/acl/ZhaoG25',
      'conf/iclr/GaoZ19',
    ]);
  });

  it('GIVEN venue names THEN volume numbers and presentation kinds go, other qualifiers stay', () => {
    expect(venueString('ACL (Findings)', 2024)).toBe('ACL (Findings) 2024');
    expect(venueString('ECCV (12)', 2022)).toBe('ECCV 2022');
    expect(venueString('CVPR Workshops', 2021)).toBe('CVPR Workshops 2021');
  });

  it('GIVEN a person without publications THEN none, not an error', () => {
    expect(parseDblpPerson(dblpPersonXml('1/1', { name: 'New Person', papers: [] }))).toEqual([]);
  });

  it.each([
    ['an empty body', ''],
    ['a truncated page', dblpPersonXml('71/4882', GAO).slice(0, 700)],
    ['an HTML error page', '<html><head><title>429 Too Many Requests</title></head></html>'],
    ['a record without a year', dblpPersonXml('71/4882', GAO).replace('<year>2024</year>', '')],
  ])('GIVEN %s THEN DBLP_MALFORMED, the whole page rejected', (_, xml) => {
    let error: unknown;
    try {
      parseDblpPerson(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('DBLP_MALFORMED');
  });
});

describe('fetchDblpPerson against a local DBLP', () => {
  const clock = fakeClock();
  const dblp = new FakeDblp({ '71/4882': GAO }, clock.now);
  const api = () => ({
    apiUrl: dblp.apiUrl,
    http: new PoliteHttp({ userAgent: 'pubbot-test', now: clock.now, sleep: clock.sleep }),
  });

  beforeAll(() => dblp.start());
  afterAll(() => dblp.close());

  it('GIVEN a pid THEN its person page is read, with record pages under the configured base', async () => {
    const records = await fetchDblpPerson('71/4882', api());
    expect(records).toHaveLength(5);
    expect(records[0]?.url).toBe(`${dblp.apiUrl}/rec/conf/nips/RuizGLWM25`);
    const request = dblp.server.requests.at(-1);
    expect(request?.path).toBe('/pid/71/4882.xml');
    expect(request?.headers.accept).toBe('application/xml');
  });

  it('GIVEN 429 with Retry-After THEN it waits as told, then reads the page', async () => {
    const answers = [{ status: 429, body: 'Too Many Requests', headers: { 'retry-after': '30' } }];
    const remove = dblp.server.handle(() => answers.shift());
    const from = clock.waits.length;
    expect(await fetchDblpPerson('71/4882', api())).toHaveLength(5);
    remove();
    expect(clock.waits.slice(from)).toEqual([30_000]);
  });

  it('GIVEN an unknown pid THEN DBLP_HTTP_STATUS, asked once', async () => {
    const before = dblp.server.requests.length;
    await expect(fetchDblpPerson('00/0000', api())).rejects.toMatchObject({
      code: 'DBLP_HTTP_STATUS',
    });
    expect(dblp.server.requests.length - before).toBe(1);
  });
});
