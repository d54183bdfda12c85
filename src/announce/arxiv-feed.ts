import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { PaperFacts } from '../corpus/build-paper.js';
import { PubbotError } from '../errors.js';

/** A feed that could not be used; nothing from it is applied. */
export class FeedError extends PubbotError {
  override readonly name = 'FeedError';

  constructor(message: string) {
    super('FEED_UNUSABLE', message);
  }
}

const text = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && '#text' in value
      ? (value as { '#text': unknown })['#text']
      : value,
  z.coerce.string(),
);

const EntrySchema = z.object({
  id: text.pipe(z.string().regex(/arxiv\.org\/abs\/(.+)$/u, 'id is not an arXiv abs URL')),
  title: text.pipe(z.string().trim().min(1)),
  summary: text.pipe(z.string()),
  published: text.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}/u)),
  author: z.array(z.object({ name: text.pipe(z.string().trim().min(1)) })).min(1),
  link: z
    .array(
      z.object({
        '@_href': z.string(),
        '@_rel': z.string().optional(),
        '@_title': z.string().optional(),
      }),
    )
    .default([]),
  'arxiv:primary_category': z.object({ '@_term': z.string().min(2) }),
  'arxiv:comment': text.optional(),
});

const FeedSchema = z.object({
  feed: z.object({
    entry: z.array(z.unknown()).default([]),
  }),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

/** "http://arxiv.org/abs/2303.12345v2" → "2303.12345"; old-style ids ("cs/0112017v1") keep their archive. */
export function arxivIdFromUrl(url: string): string {
  return (url.match(/arxiv\.org\/abs\/(.+)$/u)?.[1] ?? url).replace(/v\d+$/u, '');
}

const oneLine = (value: string) => value.replace(/\s+/gu, ' ').trim();

/**
 * Parses an arXiv API Atom feed into paper facts. All or nothing: a feed that
 * is not well-formed XML, or has any entry missing what a paper needs, is
 * rejected whole, so a truncated download never half-applies.
 */
export function parseArxivFeed(xml: string): PaperFacts[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new FeedError(`feed is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const feed = FeedSchema.safeParse(parser.parse(xml));
  if (!feed.success) throw new FeedError('not an Atom feed');
  return feed.data.feed.entry.map((raw, index) => {
    const entry = EntrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      throw new FeedError(
        `entry ${index + 1}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const e = entry.data;
    const arxivId = arxivIdFromUrl(e.id);
    const abstractUrl = e.link.find((l) => l['@_rel'] === 'alternate')?.['@_href'];
    const comment = e['arxiv:comment'] ?? '';
    return {
      title: oneLine(e.title),
      authors: e.author.map((a) => oneLine(a.name)),
      authorsTruncated: false,
      published: e.published.slice(0, 10),
      categoryCode: e['arxiv:primary_category']['@_term'],
      abstract: oneLine(`${e.summary}${comment ? ` ${comment}` : ''}`),
      url: (abstractUrl ?? `https://arxiv.org/abs/${arxivId}`)
        .replace(/v\d+$/u, '')
        .replace(/^http:/u, 'https:'),
      arxivId,
      source: `arxiv:${arxivId}`,
    } satisfies PaperFacts;
  });
}

export interface ArxivClientOptions {
  /** API base, https://export.arxiv.org/api/query by default. */
  apiUrl: string;
  /** A search_query, e.g. `au:Gao_Xitong`. */
  query: string;
  maxResults?: number;
  timeoutMs?: number;
  /** How many times a 429/503 is retried, waiting Retry-After (or a growing pause). */
  retries?: number;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A polite arXiv API client: one query per cycle, a User-Agent, a timeout,
 * and backoff on 429/503 as arXiv asks.
 */
export async function fetchArxivFeed(options: ArxivClientOptions): Promise<PaperFacts[]> {
  const { apiUrl, query, maxResults = 100, timeoutMs = 20_000, retries = 2 } = options;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const url = new URL(apiUrl);
  url.searchParams.set('search_query', query);
  url.searchParams.set('sortBy', 'submittedDate');
  url.searchParams.set('sortOrder', 'descending');
  url.searchParams.set('max_results', String(maxResults));
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, {
      headers: {
        'user-agent':
          options.userAgent ?? 'pubbot/0.1 (publication announcements; +https://github.com/)',
      },
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: unknown) => {
      throw new FeedError(
        `arXiv request failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if ((response.status === 429 || response.status === 503) && attempt < retries) {
      const retryAfter = Number(response.headers.get('retry-after'));
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 3000 * 2 ** attempt,
      );
      continue;
    }
    if (!response.ok) throw new FeedError(`arXiv answered HTTP ${response.status}`);
    return parseArxivFeed(await response.text());
  }
}
