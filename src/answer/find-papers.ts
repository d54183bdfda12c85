import type { Paper } from '../corpus/paper.js';
import { parseVenue } from '../corpus/venue.js';
import { inRange } from '../query/date-range.js';
import type { AuthorFilter, Filters, VenueFilter } from '../query/query.js';
import type { TopicHit, TopicSearch } from '../search/paper-index.js';
import type { Library } from './library.js';

export interface FoundPapers {
  /** In relevance order when there was a topic, newest first otherwise. */
  papers: Paper[];
  /** Hits that matched every topic word in their title or names. */
  strong: Set<string>;
  search?: TopicSearch;
}

/** Date, category, code and venue filters: cheap checks on one paper. */
function passesSimpleFilters(paper: Paper, filters: Filters): boolean {
  if (!inRange(paper.published, filters.dates)) return false;
  if (filters.excludedDates?.some((range) => inRange(paper.published, range))) return false;
  if (filters.categories.length > 0 && !filters.categories.includes(paper.category)) return false;
  if (filters.excludedCategories?.includes(paper.category)) return false;
  if (filters.published !== undefined && (paper.venue !== undefined) !== filters.published)
    return false;
  if (filters.venues.length > 0 && !atVenue(paper, filters.venues)) return false;
  return filters.hasCode === undefined || paper.hasCode === filters.hasCode;
}

function atVenue(paper: Paper, venues: readonly VenueFilter[]): boolean {
  if (!paper.venue) return false;
  const venue = parseVenue(paper.venue);
  return venues.some(
    (wanted) =>
      wanted.name.toLowerCase() === venue.name.toLowerCase() &&
      (wanted.year === undefined || wanted.year === venue.year),
  );
}

/** Where a person stands in a paper's author list; the last author only counts on a full list. */
function inPosition(paper: Paper, author: AuthorFilter): boolean {
  if (author.position === 'first') return author.names.includes(paper.authors[0] as string);
  if (author.position === 'last')
    return !paper.authorsTruncated && author.names.includes(paper.authors.at(-1) as string);
  return true;
}

/**
 * The papers people and ids allow, found through the directory rather than by
 * scanning the corpus; undefined when neither is asked for.
 */
function candidateIds(filters: Filters, library: Library): Set<string> | undefined {
  const leftOut = new Set(
    filters.authors
      .filter((author) => author.excluded)
      .flatMap((author) => [...library.directory.paperIdsOf(author.names)]),
  );
  const wanted = filters.authors.filter((author) => !author.excluded);
  if (wanted.length === 0 && filters.paperIds.length === 0 && leftOut.size > 0) {
    return new Set(library.papers.map((paper) => paper.id).filter((id) => !leftOut.has(id)));
  }
  const sets = wanted.map((author) => {
    const ids = library.directory.paperIdsOf(author.names);
    if (!author.position) return ids;
    return new Set([...ids].filter((id) => inPosition(library.byId.get(id) as Paper, author)));
  });
  if (filters.paperIds.length > 0)
    sets.push(new Set(filters.paperIds.filter((id) => library.byId.has(id))));
  if (sets.length === 0) return undefined;
  const [first, ...rest] = sets.sort((a, b) => a.size - b.size) as [Set<string>, ...Set<string>[]];
  return new Set([...first].filter((id) => rest.every((set) => set.has(id)) && !leftOut.has(id)));
}

/** Papers matching all filters; the topic, if any, through the full-text index. */
export function findPapers(filters: Filters, library: Library): FoundPapers {
  const candidates = candidateIds(filters, library);
  // Filters beyond a plain date range, which the date-sorted list answers by itself.
  const beyondDates =
    filters.dates?.parts !== undefined ||
    filters.excludedDates !== undefined ||
    filters.excludedCategories !== undefined ||
    filters.categories.length > 0 ||
    filters.hasCode !== undefined ||
    filters.venues.length > 0 ||
    filters.published !== undefined;
  const simple = filters.dates !== undefined || beyondDates;
  // "but not backdoors": whatever the search finds for the words set aside.
  const setAside = filters.excludedTopics
    ? new Set(
        filters.excludedTopics.flatMap((topic) =>
          library.index.search(topic).hits.map((hit) => hit.id),
        ),
      )
    : undefined;
  // Called for every posting a search visits: the cheap set checks come before any lookup.
  const allowed = (id: string) =>
    (candidates === undefined || candidates.has(id)) &&
    (setAside === undefined || !setAside.has(id)) &&
    (!simple || passesSimpleFilters(library.byId.get(id) as Paper, filters));
  if (!filters.topic) {
    if (candidates || setAside) {
      const pool = candidates ? [...candidates] : library.newestFirst.map((paper) => paper.id);
      const papers = pool.filter(allowed).map((id) => library.byId.get(id) as Paper);
      return { papers: papers.sort(newestFirst), strong: new Set() };
    }
    // A date range is a slice of the date-sorted list; only other filters need a pass over it.
    const inRange = newestInRange(library, filters);
    return {
      papers: beyondDates
        ? inRange.filter((paper) => passesSimpleFilters(paper, filters))
        : [...inRange],
      strong: new Set(),
    };
  }
  const options = candidates || simple || setAside ? { allowed } : {};
  const search = filters.topicAlternatives
    ? anyOf(filters.topicAlternatives.map((topic) => library.index.search(topic, options)))
    : library.index.search(filters.topic, options);
  const papers = search.hits.map((hit) => library.byId.get(hit.id) as Paper);
  const strong = new Set(search.hits.filter((hit) => hit.strong).map((hit) => hit.id));
  return { papers, strong, search };
}

/** Papers matching any of several searches, each at its best score; what each missed or corrected is kept. */
function anyOf(searches: readonly TopicSearch[]): TopicSearch {
  const best = new Map<string, TopicHit>();
  for (const hit of searches.flatMap((search) => search.hits)) {
    const seen = best.get(hit.id);
    if (!seen || hit.score > seen.score) best.set(hit.id, hit);
  }
  return {
    hits: [...best.values()].sort((a, b) => b.score - a.score),
    corrections: searches.flatMap((search) => search.corrections),
    missing: searches.flatMap((search) => search.missing),
    partial: searches.some((search) => search.partial),
  };
}

/** The date-sorted papers within the asked dates, found by binary search instead of a scan. */
function newestInRange(library: Library, filters: Filters): readonly Paper[] {
  const papers = library.newestFirst;
  const { from, to } = filters.dates ?? {};
  // First index whose date is before `date` (or at or before it, when `inclusive`); the list runs newest to oldest.
  const firstBefore = (date: string, inclusive: boolean) => {
    let lo = 0;
    let hi = papers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const published = (papers[mid] as Paper).published;
      if (inclusive ? published > date : published >= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = to === undefined ? 0 : firstBefore(to, true);
  const end = from === undefined ? papers.length : firstBefore(from, false);
  return start === 0 && end === papers.length ? papers : papers.slice(start, end);
}

/** Newest first; ISO dates compare as strings. */
export function newestFirst(a: Paper, b: Paper): number {
  return a.published < b.published ? 1 : a.published > b.published ? -1 : 0;
}
