import type { Paper } from '../corpus/paper.js';
import { nameKey, nameWords } from '../people/name-key.js';
import { inRange } from '../query/date-range.js';
import type { Filters } from '../query/query.js';
import type { TopicSearch } from '../search/paper-index.js';
import type { Library } from './library.js';

export interface FoundPapers {
  /** In relevance order when there was a topic, corpus order otherwise. */
  papers: Paper[];
  /** Best-first: the top paper matched every topic word in its title or names. */
  strong: Set<string>;
  search?: TopicSearch;
}

/** True when the paper passes every filter except the topic. */
export function passesFilters(
  paper: Paper,
  filters: Filters,
  authorKeys: ReadonlyArray<Set<string>>,
): boolean {
  if (filters.paperIds.length > 0 && !filters.paperIds.includes(paper.id)) return false;
  if (!inRange(paper.published, filters.dates)) return false;
  if (filters.categories.length > 0 && !filters.categories.includes(paper.category)) return false;
  if (filters.hasCode !== undefined && paper.hasCode !== filters.hasCode) return false;
  if (authorKeys.length === 0) return true;
  const listed = new Set(paper.authors.map((name) => nameKey(nameWords(name))));
  return authorKeys.every((keys) => [...keys].some((key) => listed.has(key)));
}

/** Papers matching all filters; the topic, if any, through the full-text index. */
export function findPapers(filters: Filters, library: Library): FoundPapers {
  const authorKeys = filters.authors.map(
    (a) => new Set(a.names.map((name) => nameKey(nameWords(name)))),
  );
  const passes = (paper: Paper | undefined) =>
    paper !== undefined && passesFilters(paper, filters, authorKeys);
  if (!filters.topic) {
    return { papers: library.papers.filter(passes), strong: new Set() };
  }
  const search = library.index.search(filters.topic, (id) => passes(library.byId.get(id)));
  const papers = search.hits.map((hit) => library.byId.get(hit.id) as Paper);
  const strong = new Set(search.hits.filter((hit) => hit.strong).map((hit) => hit.id));
  return { papers, strong, search };
}
