import { isSearchQuery, type Query, QuerySchema, type SearchQuery } from './query.js';
import { cleanQuestion } from './question-text.js';

/** What a follow-up asks of the previous question. */
export type Refinement =
  /** Answer this instead, from its first page. */
  | { kind: 'query'; query: SearchQuery }
  /** "more": the next page of the previous answer. */
  | { kind: 'next-page' };

const MORE =
  /^(?:(?:and|show|give(?:\s+me)?|some|any|(?:i\s+)?want|please)\s+)*(?:more|next(?:\s+(?:page|ones))?|continue|go\s+on|keep\s+going)(?:\s+(?:please|results|papers|ones))*\W*$/iu;
const AUTHOR_POSITION =
  /\b(?:(?:as|where\s+\w+\s+(?:is|was))\s+(?:the\s+)?)?(first|last)[-\s]author(?:ed|ship)?(?:\s+(?:ones|papers|only))?\b/iu;
const OLDER = /\b(?:older|earlier)(?:\s+(?:ones|papers|first))?\b/iu;
const NEWER = /\b(?:newer|newest\s+first|latest\s+first)(?:\s+(?:ones|papers))?\b/iu;
/** Words that tie a follow-up to what came before ("and …", "what about …", "only …"). */
const CONNECTOR =
  /^\W*(?:and|but|also|now|then|ok(?:ay)?|so|only|just|what\s+about|how\s+about|same(?:\s+but)?|instead)\b/iu;
/** Words that point back at the previous answer without adding to it. */
const BACK_REFERENCE =
  /\b(?:(?:of\s+)?(?:those|these|them|the\s+ones|ones|that\s+list)|only|just|please|instead|too)\b/giu;
/** A noun that makes the text a question of its own ("papers with code"), unless it is tied back. */
const STANDALONE = /\b(?:papers?|publications?|articles?|preprints?)\b/iu;

/**
 * Reads a follow-up as a change to the previous question: "and in 2025?"
 * replaces the dates, "only with code" adds the code filter, "just
 * first-author ones" keeps the person's first-author papers (the author
 * filter's `position`, as the parser sets it for "first-author papers by
 * X"), "older ones" puts the oldest first, "more" pages on. Filters the
 * follow-up names replace the previous ones; the rest is kept. Returns
 * undefined when the text is a question of its own (it has a topic, names
 * someone not in the corpus, or asks for papers without tying itself back),
 * so the caller answers it as new.
 *
 * @example
 * ```ts
 * refineQuery(papersByTianruiQin, 'and in 2025?', (text) => core.parse(text, { today }));
 * // → { kind: 'query', query: papers by Tianrui Qin in 2025 }
 * ```
 */
export function refineQuery(
  previous: SearchQuery,
  text: string,
  parse: (text: string) => Query,
): Refinement | undefined {
  const cleaned = cleanQuestion(text);
  if (cleaned === '') return undefined;
  if (MORE.test(cleaned)) return { kind: 'next-page' };

  const tied = CONNECTOR.test(cleaned);
  let rest = cleaned;
  const take = (pattern: RegExp) => {
    const found = pattern.exec(rest);
    rest = rest.replace(pattern, ' ');
    return found;
  };
  const position = take(AUTHOR_POSITION)?.[1]?.toLowerCase() as 'first' | 'last' | undefined;
  const older = take(OLDER) !== null;
  const newer = take(NEWER) !== null;
  rest = rest.replace(CONNECTOR, ' ').replace(BACK_REFERENCE, ' ').replace(/\s+/gu, ' ').trim();
  if (!tied && STANDALONE.test(rest)) return undefined;

  const said = /[\p{L}\p{N}]/u.test(rest) ? parse(rest) : undefined;
  if (said && !isSearchQuery(said)) return undefined;
  const filters = said?.filters;
  if (filters?.topic || filters?.unknownAuthors.length || filters?.paperIds.length)
    return undefined;
  // A person alone ("Yiren Zhao") is a new question; tied back ("what about Yiren Zhao?") it replaces the person.
  if (filters?.authors.length && !tied) return undefined;
  const named = filters?.authors.length ? filters.authors : previous.filters.authors;
  if (position && named.length === 0) return undefined;
  const authors = position ? named.map((author) => ({ ...author, position })) : named;

  const changed =
    position !== undefined ||
    older ||
    newer ||
    (said !== undefined &&
      (said.intent !== 'list' ||
        said.order !== 'relevance' ||
        said.limit !== undefined ||
        filters?.dates !== undefined ||
        filters?.excludedDates !== undefined ||
        filters?.excludedTopics !== undefined ||
        filters?.hasCode !== undefined ||
        filters?.published !== undefined ||
        (filters?.venues.length ?? 0) > 0 ||
        (filters?.categories.length ?? 0) > 0 ||
        (filters?.authors.length ?? 0) > 0));
  if (!changed) return undefined;

  const order = older
    ? 'oldest'
    : newer
      ? 'newest'
      : said && said.order !== 'relevance'
        ? said.order
        : previous.order;
  const limit = said?.limit ?? previous.limit;
  // A follow-up asking for another shape ("how many?", "per year?") brings it; else the previous shape stays.
  const shape = said && said.intent !== 'list' ? said : previous;
  const query = QuerySchema.parse({
    ...shape,
    filters: {
      ...previous.filters,
      authors,
      ...(filters?.dates ? { dates: filters.dates, recent: filters.recent } : {}),
      ...(filters?.excludedDates ? { excludedDates: filters.excludedDates } : {}),
      ...(filters?.excludedTopics ? { excludedTopics: filters.excludedTopics } : {}),
      ...(filters?.hasCode === undefined ? {} : { hasCode: filters.hasCode }),
      ...(filters?.published === undefined ? {} : { published: filters.published }),
      ...(filters?.venues.length ? { venues: filters.venues } : {}),
      ...(filters?.categories.length ? { categories: filters.categories } : {}),
    },
    order,
    ...(limit === undefined ? {} : { limit }),
  }) as SearchQuery;
  return { kind: 'query', query };
}
