import { RecordingServer } from './http-server.js';
import { escapeXml } from './xml.js';

/** A record on a fake DBLP person page. */
export interface DblpPaper {
  key: string;
  kind?: 'inproceedings' | 'article' | 'proceedings';
  /** Escaped and written with DBLP's closing period. */
  title: string;
  /** Written as is: DBLP's markup inside titles (<i>, <sub>). */
  titleMarkup?: string;
  /** As DBLP spells them, homonym numbers included ("Xitong Gao 0001"). */
  authors: string[];
  year: number;
  booktitle?: string;
  journal?: string;
  volume?: string;
  ee?: string[];
  publtype?: string;
}

export interface DblpPerson {
  name: string;
  papers: DblpPaper[];
}

const ascii = (text: string) => escapeXml(text, { asciiOnly: true });

/** A person page as `https://dblp.org/pid/<pid>.xml` serves it (dblp.xml's record format, ASCII with character references). */
export function dblpPersonXml(pid: string, person: DblpPerson): string {
  const records = person.papers.map((p) => {
    const kind = p.kind ?? 'inproceedings';
    const fields = [
      ...p.authors.map((name) => `<author pid="${pid}">${ascii(name)}</author>`),
      `<title>${p.titleMarkup ?? `${ascii(p.title)}.`}</title>`,
      p.booktitle && `<booktitle>${ascii(p.booktitle)}</booktitle>`,
      p.journal && `<journal>${ascii(p.journal)}</journal>`,
      p.volume && `<volume>${ascii(p.volume)}</volume>`,
      `<year>${p.year}</year>`,
      ...(p.ee ?? []).map((link) => `<ee type="oa">${ascii(link)}</ee>`),
      `<url>db/${p.key.replace(/\/[^/]+$/u, '')}.html#${p.key.split('/').at(-1)}</url>`,
    ].filter(Boolean);
    const publtype = p.publtype ? ` publtype="${p.publtype}"` : '';
    return `<r><${kind} key="${p.key}"${publtype} mdate="2026-01-01">\n${fields.join('\n')}\n</${kind}>\n</r>`;
  });
  return `<?xml version="1.0" encoding="US-ASCII"?>
<dblpperson name="${ascii(person.name)}" pid="${pid}" n="${person.papers.length}">
<person key="homepages/${pid}" mdate="2026-01-01">
<author pid="${pid}">${ascii(person.name)}</author>
<note type="affiliation">Example University</note>
</person>
${records.join('\n')}
<coauthors n="0" nc="0">
</coauthors>
</dblpperson>
`;
}

/**
 * A local DBLP serving person pages at `/pid/<pid>.xml` (404 for an unknown
 * pid). Tests override answers with `server.handle` (429, 5xx, broken bodies).
 */
export class FakeDblp {
  readonly server = new RecordingServer();
  apiUrl = '';
  /** When each request arrived, by the clock the test gave. */
  readonly times: number[] = [];

  constructor(
    readonly people: Record<string, DblpPerson>,
    readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<this> {
    this.server.handle((request) => {
      const pid = /^\/pid\/(.+)\.xml$/u.exec(request.path)?.[1];
      if (pid === undefined) return undefined;
      this.times.push(this.now());
      const person = this.people[pid];
      return person
        ? {
            status: 200,
            body: dblpPersonXml(pid, person),
            headers: { 'content-type': 'application/xml; charset=US-ASCII' },
          }
        : { status: 404, body: 'Not Found', headers: { 'content-type': 'text/html' } };
    });
    this.apiUrl = `http://127.0.0.1:${await this.server.listen()}`;
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
