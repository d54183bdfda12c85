import { categoryFromCode } from '../corpus/categories.js';
import type { DateRange } from '../query/date-range.js';
import type { AuthorFilter, Filters, Order } from '../query/query.js';

function authorPhrase(filter: AuthorFilter): string {
  const partial = filter.how === 'surname' || filter.how === 'given-name';
  const names = filter.names.join(' or ');
  const who = partial && filter.names.length > 1 ? `${filter.asked} (${names})` : names;
  return filter.position ? `${who} as ${filter.position} author` : who;
}

/** Date labels read after "papers": "in 2019", "from 2019 to 2021", "since 2022". */
function datePhrase(range: DateRange): string {
  // A reading in parentheses ("read as June–August") is no span of the question's own.
  const span = /^([^()]+)–([^()]+)$/u.exec(range.label);
  if (span) return `from ${span[1]} to ${span[2]}`;
  return /^(?:\d{4}|[A-Z][a-z]+ \d{4}|Q[1-4] \d{4})$|^(?:spring|summer|autumn|winter|early|mid|late|H[12]) \d{4}\b/u.test(
    range.label,
  )
    ? `in ${range.label}`
    : range.label;
}

/** "Computer Vision (cs.CV)" */
function categoryPhrase(code: string): string {
  return `${categoryFromCode(code)?.name ?? code} (${code})`;
}

/** “backdoors” or “poisoning” */
export function quotedTopics(topics: readonly string[]): string {
  return topics.map((topic) => `“${topic}”`).join(' or ');
}

/** The parts of what was understood, e.g. ["by Yiren Zhao", "in 2019", "with code"]. */
export function filterPhrases(filters: Filters): string[] {
  const parts: string[] = [];
  const by = filters.authors.filter((author) => !author.excluded);
  const notBy = filters.authors.filter((author) => author.excluded);
  if (by.length > 0) parts.push(`by ${by.map(authorPhrase).join(' and ')}`);
  if (notBy.length > 0) parts.push(`not by ${notBy.map(authorPhrase).join(' or ')}`);
  for (const unknown of filters.unknownAuthors) parts.push(`by ${unknown.asked}`);
  if (filters.topic)
    parts.push(`about ${quotedTopics(filters.topicAlternatives ?? [filters.topic])}`);
  if (filters.excludedTopics) parts.push(`not about ${quotedTopics(filters.excludedTopics)}`);
  if (filters.dates) parts.push(datePhrase(filters.dates));
  for (const range of filters.excludedDates ?? []) parts.push(`not ${datePhrase(range)}`);
  if (filters.categories.length > 0) {
    const names = filters.categories.map(categoryPhrase);
    parts.push(`in ${names.join(' or ')}`);
  }
  if (filters.excludedCategories?.length)
    parts.push(`not in ${filters.excludedCategories.map(categoryPhrase).join(' or ')}`);
  if (filters.venues.length > 0)
    parts.push(
      `at ${filters.venues.map((v) => (v.year ? `${v.name} ${v.year}` : v.name)).join(' or ')}`,
    );
  if (filters.published !== undefined)
    parts.push(filters.published ? 'published at a venue' : 'not published at a venue (preprints)');
  if (filters.hasCode !== undefined) parts.push(filters.hasCode ? 'with code' : 'without code');
  if (filters.paperIds.length > 0) parts.push(`with id ${filters.paperIds.join(' or ')}`);
  if (filters.leftOut?.length) parts.push(`besides ${filters.leftOut.join(' and ')}`);
  return parts;
}

export function orderPhrase(order: Order): string | undefined {
  if (order === 'newest') return 'newest first';
  if (order === 'oldest') return 'oldest first';
  return undefined;
}

/** One line for footers: "papers by Yiren Zhao · in 2019 · newest first". */
export function understoodLine(filters: Filters, order: Order): string {
  // A paper picked by id (from a list or autocomplete) needs no more description than that.
  if (filters.paperIds.length > 0) return `paper ${filters.paperIds.join(', ')}`;
  const [first, ...rest] = filterPhrases(filters);
  const head = first ? `papers ${first}` : 'all papers';
  return [head, ...rest, orderPhrase(order)].filter(Boolean).join(' · ');
}
