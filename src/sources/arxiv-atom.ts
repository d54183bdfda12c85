import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { withoutVersion } from '../corpus/arxiv-id.js';
import type { PaperFacts } from '../corpus/build-paper.js';
import { SourceError } from './source-error.js';
import { xmlText as text } from './xml-text.js';

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

/** The API's own errors come as a feed with one entry whose id points at its error list. */
const ErrorEntrySchema = z.object({
  id: text.pipe(z.string().regex(/\/api\/errors/u)),
  summary: text.optional(),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Character references (&#252;) are XML; names are not always sent as UTF-8.
  htmlEntities: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

/** "http://arxiv.org/abs/2303.12345v2" → "2303.12345"; old-style ids ("cs/0112017v1") keep their archive. */
export function arxivIdFromUrl(url: string): string {
  return withoutVersion(url.match(/arxiv\.org\/abs\/(.+)$/u)?.[1] ?? url);
}

const oneLine = (value: string) => value.replace(/\s+/gu, ' ').trim();

/**
 * Parses an arXiv API Atom feed into paper facts. All or nothing: a feed that
 * is not well-formed XML, or has any entry missing what a paper needs, is
 * rejected whole (ARXIV_MALFORMED), so a truncated download never
 * half-applies; an error the API reports as its one entry is ARXIV_REJECTED.
 *
 * @example
 * parseArxivFeed(await response.text()); // [{ title, authors, arxivId: '2303.15127', … }]
 */
export function parseArxivFeed(xml: string): PaperFacts[] {
  const malformed = (message: string) => new SourceError('arxiv', 'MALFORMED', message);
  if (xml.trim() === '') throw malformed('arXiv sent an empty answer instead of an Atom feed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw malformed(`arXiv feed is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const feed = FeedSchema.safeParse(parser.parse(xml));
  if (!feed.success) throw malformed('arXiv sent something other than an Atom feed');
  const apiError = ErrorEntrySchema.safeParse(feed.data.feed.entry[0]);
  if (apiError.success)
    throw new SourceError(
      'arxiv',
      'REJECTED',
      `arXiv rejected the query: ${oneLine(apiError.data.summary ?? apiError.data.id)}`,
    );
  return feed.data.feed.entry.map((raw, index) => {
    const entry = EntrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      throw malformed(
        `arXiv feed entry ${index + 1}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`,
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
      url: withoutVersion(abstractUrl ?? `https://arxiv.org/abs/${arxivId}`).replace(
        /^http:/u,
        'https:',
      ),
      arxivId,
      source: `arxiv:${arxivId}`,
    } satisfies PaperFacts;
  });
}
