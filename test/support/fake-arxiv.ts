import { titleKey } from '../../src/corpus/slug.js';
import { RecordingServer } from './http-server.js';
import { escapeXml } from './xml.js';

/** A paper the fake arXiv knows. */
export interface ArxivRecord {
  id: string;
  title: string;
  authors: string[];
  /** ISO date of version 1. */
  published: string;
  category: string;
  summary?: string;
}

/** An API answer in the documented Atom format (arXiv API user manual, 3.3). */
export function atomFeed(records: readonly ArxivRecord[], query = ''): string {
  const entries = records.map(
    (r) => `
  <entry>
    <id>http://arxiv.org/abs/${r.id}v2</id>
    <updated>${r.published}T12:00:00Z</updated>
    <published>${r.published}T09:30:00Z</published>
    <title>${escapeXml(r.title)}</title>
    <summary>  ${escapeXml(r.summary ?? `About ${r.title}.`)}
    </summary>
${r.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>`).join('\n')}
    <link href="http://arxiv.org/abs/${r.id}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${r.id}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${r.category}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="${r.category}" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?${escapeXml(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: ${escapeXml(query)}</title>
  <id>http://arxiv.org/api/fake</id>
  <updated>2026-11-25T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${records.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${records.length}</opensearch:itemsPerPage>${entries.join('')}
</feed>
`;
}

/** How the API reports a bad request: a feed whose one entry is the error (user manual, 3.4). */
export function atomError(message: string): string {
  const anchor = message.replace(/\W+/gu, '_');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <title xmlns="http://www.w3.org/2005/Atom">ArXiv Query: error</title>
  <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/fake-error</id>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry xmlns="http://www.w3.org/2005/Atom">
    <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/errors#${anchor}</id>
    <title xmlns="http://www.w3.org/2005/Atom">Error</title>
    <summary xmlns="http://www.w3.org/2005/Atom">${escapeXml(message)}</summary>
    <updated xmlns="http://www.w3.org/2005/Atom">2026-11-25T00:00:00-04:00</updated>
    <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/errors#${anchor}" rel="alternate" type="text/html"/>
    <author xmlns="http://www.w3.org/2005/Atom"><name xmlns="http://www.w3.org/2005/Atom">arXiv api core</name></author>
  </entry>
</feed>
`;
}

/**
 * A local arXiv API (`/api/query`) over a list of papers: `id_list` returns
 * the entries it knows in the order asked, `search_query=ti:"…"` returns
 * every paper whose title contains the phrase (as arXiv's phrase search
 * does, near-but-different titles included). Tests override answers with
 * `server.handle` (429, 5xx, broken bodies).
 */
export class FakeArxiv {
  readonly server = new RecordingServer();
  apiUrl = '';
  /** When each request arrived, by the clock the test gave (fake time for spacing checks). */
  readonly times: number[] = [];

  constructor(
    readonly records: ArxivRecord[],
    readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<this> {
    this.server.handle((request) => {
      if (request.path !== '/api/query') return undefined;
      this.times.push(this.now());
      const ids = request.query.get('id_list');
      const search = request.query.get('search_query') ?? '';
      const phrase = /^ti:"(.*)"$/u.exec(search)?.[1];
      const found = ids
        ? ids
            .split(',')
            .flatMap((id) => this.records.filter((r) => r.id === id.replace(/v\d+$/u, '')))
        : phrase !== undefined
          ? this.records.filter((r) => ` ${titleKey(r.title)} `.includes(` ${titleKey(phrase)} `))
          : this.records;
      return {
        status: 200,
        body: atomFeed(found, request.query.toString()),
        headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
      };
    });
    this.apiUrl = `http://127.0.0.1:${await this.server.listen()}/api/query`;
    return this;
  }

  /** Requests to the query endpoint so far. */
  queries() {
    return this.server.requests.filter((r) => r.path === '/api/query');
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
