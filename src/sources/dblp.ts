import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { ARXIV_ID, withoutVersion } from '../corpus/arxiv-id.js';
import type { PoliteHttp, SourcePolicy } from './polite-http.js';
import { SourceError } from './source-error.js';
import { xmlText as text } from './xml-text.js';

/** DBLP asks for restraint and answers bursts with 429; one request a second is well within it. */
export const DBLP_POLICY: SourcePolicy = {
  source: 'dblp',
  minIntervalMs: 1000,
  accept: 'application/xml',
};

/** One publication from a person's DBLP bibliography. */
export interface DblpRecord {
  /** DBLP's record key, e.g. `conf/nips/YuGX22`. */
  key: string;
  /** Plain text, without DBLP's closing period or markup. */
  title: string;
  /** The full list, without DBLP's homonym numbers ("Xitong Gao 0001" → "Xitong Gao"). */
  authors: string[];
  year: number;
  /** "NeurIPS 2022", "Trans. Mach. Learn. Res. 2024"; absent for preprints (CoRR) and other informal records. */
  venue?: string;
  /** From an arXiv link or DOI among the record's electronic editions. */
  arxivId?: string;
  /** The record's page on DBLP. */
  url: string;
}

/** Where DBLP is and how to ask it. */
export interface DblpApi {
  /** https://dblp.org by default (DBLP_API_URL). */
  apiUrl: string;
  http: PoliteHttp;
}

/** `article` and `inproceedings` records, as the dblp DTD describes them. */
const RecordSchema = z.object({
  '@_key': z.string().min(1),
  '@_publtype': z.string().optional(),
  author: z.array(text.pipe(z.string().trim().min(1))).default([]),
  title: text.pipe(z.string().trim().min(1)),
  year: text.pipe(z.string().regex(/^\d{4}$/u, 'expected a year')),
  booktitle: text.optional(),
  journal: text.optional(),
  volume: text.optional(),
  ee: z.array(text).default([]),
});

const PersonSchema = z.object({
  dblpperson: z.object({
    r: z.array(z.record(z.string(), z.unknown())).default([]),
  }),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // DBLP writes non-ASCII letters as character references (&#252;).
  htmlEntities: true,
  // Titles may hold markup (<i>, <sub>, <sup>, <tt>); kept raw and flattened below.
  stopNodes: ['*.title'],
  parseTagValue: false,
  isArray: (name) => ['r', 'author', 'ee'].includes(name),
});

const VENUE_KINDS = new Set(['article', 'inproceedings']);

/**
 * Parses a person's bibliography (`https://dblp.org/pid/<pid>.xml`) into
 * publications: journal articles and conference papers with their venue,
 * full author list and arXiv id where DBLP links one. Informal records (CoRR
 * preprints) are kept for their ids and authors but carry no venue;
 * withdrawn ones are left out. All or nothing: an answer that is not a
 * well-formed person page, or holds a record without a title or year, is
 * DBLP_MALFORMED.
 *
 * @example
 * parseDblpPerson(xml)[0]; // { key: 'conf/nips/YuGX22', venue: 'NeurIPS 2022', … }
 */
export function parseDblpPerson(xml: string, apiUrl = 'https://dblp.org'): DblpRecord[] {
  const malformed = (message: string) => new SourceError('dblp', 'MALFORMED', message);
  if (xml.trim() === '') throw malformed('DBLP sent an empty answer instead of a person page');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw malformed(`DBLP page is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const person = PersonSchema.safeParse(parser.parse(xml));
  if (!person.success) throw malformed('DBLP sent something other than a person page (dblpperson)');
  const records: DblpRecord[] = [];
  for (const [index, wrapper] of person.data.dblpperson.r.entries()) {
    const [kind, raw] = Object.entries(wrapper)[0] ?? [];
    if (!kind || !VENUE_KINDS.has(kind)) continue;
    const parsed = RecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = (raw as Record<string, unknown>)['@_key'];
      throw malformed(
        `DBLP record ${typeof key === 'string' ? key : index + 1}: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const record = parsed.data;
    const publtype = new Set((record['@_publtype'] ?? '').split(/\s+/u));
    if (publtype.has('withdrawn')) continue;
    const year = Number(record.year);
    const informal = publtype.has('informal') || record.journal === 'CoRR';
    const venueName = record.booktitle ?? record.journal;
    const arxivId = arxivIdOf(record.ee, record.journal === 'CoRR' ? record.volume : undefined);
    records.push({
      key: record['@_key'],
      title: plainTitle(record.title),
      authors: record.author.map(withoutHomonymNumber),
      year,
      ...(!informal && venueName ? { venue: venueString(venueName, year) } : {}),
      ...(arxivId ? { arxivId } : {}),
      url: new URL(`rec/${record['@_key']}`, withSlash(apiUrl)).href,
    });
  }
  return records;
}

/**
 * A person's publications by DBLP person id (`71/4882`), from
 * `<apiUrl>/pid/<pid>.xml`.
 *
 * @example
 * await fetchDblpPerson('71/4882', { apiUrl: 'https://dblp.org', http });
 */
export async function fetchDblpPerson(pid: string, api: DblpApi): Promise<DblpRecord[]> {
  const url = new URL(`pid/${pid}.xml`, withSlash(api.apiUrl));
  return parseDblpPerson(await api.http.getText(url, DBLP_POLICY), api.apiUrl);
}

/**
 * "NeurIPS" + 2022 → "NeurIPS 2022". A volume number or presentation kind in
 * parentheses ("ACL (1)", "ICLR (Poster)") says nothing about where the paper
 * appeared and goes; others ("ACL (Findings)") stay.
 */
export function venueString(name: string, year: number): string {
  const bare = name.replace(/(?:\s*\((?:\d+|Poster|Oral|Spotlight)\))+$/u, '').trim();
  return bare.includes(String(year)) ? bare : `${bare} ${year}`;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** DBLP numbers people who share a name: "Bo Li 0003". */
function withoutHomonymNumber(name: string): string {
  return name.replace(/\s+\d{4}$/u, '').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Markup flattened, references decoded, DBLP's closing period dropped. */
function plainTitle(raw: string): string {
  return raw
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_, ref: string) =>
      ref.startsWith('#')
        ? String.fromCodePoint(
            ref[1] === 'x' || ref[1] === 'X'
              ? Number.parseInt(ref.slice(2), 16)
              : Number(ref.slice(1)),
          )
        : (ENTITIES[ref.toLowerCase()] ?? ref),
    )
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\.$/u, '');
}

/** An arXiv id from an electronic edition (arxiv.org/abs/…, the 10.48550 DOI) or CoRR's `abs/…` volume. */
function arxivIdOf(links: readonly string[], corrVolume: string | undefined): string | undefined {
  const candidates = [
    ...links.map(
      (link) =>
        /arxiv\.org\/abs\/([^?#]+)$/iu.exec(link)?.[1] ??
        /10\.48550\/arxiv\.([^?#]+)$/iu.exec(link)?.[1],
    ),
    corrVolume?.replace(/^abs\//u, ''),
  ];
  return candidates
    .map((id) => (id ? withoutVersion(id.trim()) : undefined))
    .find((id) => id !== undefined && ARXIV_ID.test(id));
}
