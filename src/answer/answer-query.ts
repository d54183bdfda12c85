import type { Paper } from '../corpus/paper.js';
import { parseVenue } from '../corpus/venue.js';
import { nameKey, nameWords } from '../people/name-key.js';
import { RECENT_MONTHS } from '../query/parse-dates.js';
import type { Filters, GroupBy, Order, Query, SearchQuery } from '../query/query.js';
import { orList } from '../text/or-list.js';
import { plural } from '../text/plural.js';
import type { Answer, AnswerShape, Group, Person } from './answer.js';
import { answerHeadline } from './answer-headline.js';
import { toBibtex } from './bibtex.js';
import { filterPhrases, quotedTopics, understoodLine } from './describe-query.js';
import { type FoundPapers, findPapers, newestFirst } from './find-papers.js';
import type { Library } from './library.js';
import { unknownAuthorNote } from './unknown-author-note.js';

export interface AnswerOptions {
  /** Papers per page. */
  limit: number;
  /** Matches to skip, for paging. */
  offset: number;
}

type Draft = Omit<Answer, 'headline'>;

/** Answers a parsed query from the library. Pure: same query, same library, same answer. */
export function answerQuery(query: Query, library: Library, options: AnswerOptions): Answer {
  const draft = draftAnswer(query, library, options);
  return { ...draft, headline: answerHeadline(draft) };
}

function draftAnswer(query: Query, library: Library, options: AnswerOptions): Draft {
  const base = { query, total: 0, offset: 0, papers: [], notes: [], suggestions: [] };
  if (query.intent === 'help') return { ...base, shape: 'help', understood: 'help' };
  if (query.intent === 'greeting') {
    return {
      ...base,
      shape: 'greeting',
      understood: 'small talk',
      suggestions: exampleQuestions(library),
      ignored: query.ignored,
    };
  }
  if (query.intent === 'refuse') {
    return { ...base, shape: 'refusal', understood: 'question too long', notes: [query.reason] };
  }
  const draft = draftSearchAnswer(query, library, options);
  return {
    ...draft,
    ...(query.show.length > 0 ? { show: query.show } : {}),
    ...(query.ignored.length > 0 ? { ignored: query.ignored } : {}),
    // A yes/no question is answered with how many.
    ...(query.yesNo && draft.count === undefined && draft.shape === 'list'
      ? { count: draft.total }
      : {}),
  };
}

/** Two or three questions this corpus can answer, built from its own people and names. */
function exampleQuestions(library: Library): string[] {
  const [person] = library.directory.complete('', 1);
  const named = library.newestFirst.find((paper) => paper.aliases.length > 0);
  const year = library.newestFirst[0]?.published.slice(0, 4);
  return [
    ...(person ? [`papers by ${person.name}`] : []),
    ...(named ? [`what is ${named.aliases[0]}?`] : []),
    ...(year ? [`how many papers in ${year}?`] : []),
  ];
}

function draftSearchAnswer(query: SearchQuery, library: Library, options: AnswerOptions): Draft {
  const notes: string[] = [];
  const suggestions: string[] = [];
  let { filters } = query;
  const order: Order = query.order === 'relevance' && !filters.topic ? 'newest' : query.order;
  const empty = (shape: AnswerShape): Draft => ({
    query,
    shape,
    understood: understoodLine(filters, order),
    total: 0,
    offset: 0,
    papers: [],
    notes,
    suggestions,
  });
  const emptyShape = (): AnswerShape =>
    query.intent === 'coauthors' || query.intent === 'ranking' || query.intent === 'groups'
      ? query.intent
      : query.intent === 'count'
        ? 'count'
        : 'list';

  for (const unknown of filters.unknownAuthors) {
    notes.push(unknownAuthorNote(unknown));
    suggestions.push(...unknown.suggestions.map((name) => `papers by ${name}`));
  }
  const unknownIds = filters.paperIds.filter((id) => !library.byId.has(id));
  for (const id of unknownIds) notes.push(`No paper with id “${id}” in the corpus.`);
  if (filters.unknownAuthors.length > 0 || unknownIds.length > 0) return empty(emptyShape());
  const missing = missingSubject(query, library);
  if (missing) {
    notes.push(missing.note);
    suggestions.push(...missing.examples);
    return empty('clarify');
  }
  notes.push(
    ...authorNotes(filters),
    ...venueNotes(filters, library),
    ...lastAuthorNotes(query, library),
  );

  let found = findPapers(filters, library);
  if (found.papers.length === 0 && filters.recent) {
    const { dates: _recentWindow, ...wider } = filters;
    filters = { ...wider, recent: false };
    found = findPapers(filters, library);
    if (found.papers.length > 0) {
      notes.push(
        `Nothing from the past ${RECENT_MONTHS / 12} years; showing the newest matches instead.`,
      );
    }
  }
  notes.push(...searchNotes(found, filters));
  const papers = sortPapers(found, order);
  const total = papers.length;
  const truncation = truncationNote(papers, query);
  if (truncation) notes.push(truncation);
  if (total === 0) {
    notes.push(...relaxationHints(filters, library));
    return empty(emptyShape());
  }
  const understood = understoodLine(filters, order);

  const page = (shape: AnswerShape, extra: Partial<Draft> = {}): Draft => ({
    query,
    shape,
    understood,
    total,
    offset: options.offset,
    papers: papers.slice(options.offset, options.offset + (query.limit ?? options.limit)),
    notes,
    suggestions,
    ...extra,
  });

  switch (query.intent) {
    case 'count':
      return page('count', { count: total });
    case 'coauthors':
      return page('coauthors', {
        people: leaveOut(collaborators(papers, filters, library), filters),
      });
    case 'ranking': {
      const people = leaveOut(ranked(papers, query.position, library), filters);
      return {
        ...page('ranking', { people, ...(query.howMany ? { count: people.length } : {}) }),
        papers: [],
        offset: 0,
      };
    }
    case 'groups': {
      const unplaced = query.groupBy === 'venue' ? papers.filter((p) => !p.venue).length : 0;
      if (unplaced > 0)
        notes.push(
          `${plural(unplaced, 'paper')} not published at a venue (preprints) are not shown.`,
        );
      return {
        ...page('groups', {
          groups: groupPapers(papers, query.groupBy, query.mostFirst, query.onlyTop === true),
          groupBy: query.groupBy,
        }),
        papers: [],
        offset: 0,
        count: total,
      };
    }
    case 'detail': {
      const chosen = pickOne(papers, found, query.intent, notes);
      if (!chosen) return page('list');
      // "who wrote X" answers with people too, in the paper's order, for whoever reads the JSON.
      const authors = query.show.includes('authors')
        ? {
            people: leaveOut(
              chosen.authors.map((name) => ({ ...personOf(name, library), papers: 1 })),
              filters,
            ),
          }
        : {};
      return { ...page('detail', authors), offset: 0, papers: [chosen] };
    }
    case 'cite': {
      // "cite Flareon" means one paper; "cite papers by X in 2019" means each of them.
      const chosen = filters.topic ? pickOne(papers, found, query.intent, notes) : undefined;
      if (filters.topic && !chosen) return page('list');
      const cited = chosen ? { ...page('cite'), offset: 0, papers: [chosen] } : page('cite');
      return { ...cited, bibtex: cited.papers.map(toBibtex).join('\n\n') };
    }
    default:
      return page('list');
  }
}

/**
 * "cite", "what is" or "who works with" with nothing to go on: say what is
 * missing instead of citing or describing an arbitrary paper.
 */
function missingSubject(
  query: SearchQuery,
  library: Library,
): { note: string; examples: string[] } | undefined {
  const { filters } = query;
  const [person] = library.directory.complete('', 1);
  const named = library.papers.find((paper) => paper.aliases.length > 0);
  const subject = named?.aliases[0] ?? named?.title ?? library.papers[0]?.title ?? 'a title';
  const anyFilter =
    filters.topic !== undefined ||
    filters.authors.length > 0 ||
    filters.dates !== undefined ||
    filters.categories.length > 0 ||
    filters.paperIds.length > 0 ||
    filters.hasCode !== undefined;
  if (query.intent === 'coauthors' && filters.authors.length === 0) {
    return {
      note: 'Whose co-authors? Name a person.',
      examples: person ? [`who does ${person.name} work with?`] : [],
    };
  }
  if (query.intent === 'cite' && !anyFilter) {
    return {
      note: 'Which paper should I cite? Give a title or method name.',
      examples: [`cite ${subject}`],
    };
  }
  if (query.intent === 'detail' && !anyFilter) {
    return { note: 'Which paper? Give a title or method name.', examples: [`what is ${subject}?`] };
  }
  return undefined;
}

/**
 * The one paper a "what is X" or "cite X" question means: the best match if
 * it matched in its title or names, or the only match. Otherwise the caller
 * lists the candidates and says why.
 */
function pickOne(
  papers: Paper[],
  found: FoundPapers,
  intent: 'detail' | 'cite',
  notes: string[],
): Paper | undefined {
  const [best] = papers;
  if (!best) return undefined;
  // One paper matched by title or name (or only one matched at all) is the one meant.
  if (
    papers.length === 1 ||
    !found.search ||
    (found.strong.size === 1 && found.strong.has(best.id))
  ) {
    return best;
  }
  notes.push(
    intent === 'cite'
      ? 'No single paper matches that by name; here are the closest. Ask again with a title or method name to cite one.'
      : 'No single paper matches that by name; here are the closest.',
  );
  return undefined;
}

function sortPapers(found: FoundPapers, order: Order): Paper[] {
  if (order === 'relevance') return found.papers;
  // Without a search the papers already come newest first; with one, sort (stable: ties keep relevance order).
  const newest = found.search ? [...found.papers].sort(newestFirst) : found.papers;
  return order === 'newest' ? newest : [...newest].reverse();
}

/** People on the matched papers other than the ones asked about, by shared papers. */
function collaborators(papers: Paper[], filters: Filters, library: Library): Person[] {
  const asked = new Set(filters.authors.flatMap((a) => a.names));
  return countPeople(
    papers.flatMap((paper) => paper.authors.filter((name) => !asked.has(name))),
    library,
  );
}

/** Everyone on the matched papers, by how many they are on (or lead, for first authors). */
function ranked(
  papers: Paper[],
  position: 'first' | 'last' | undefined,
  library: Library,
): Person[] {
  const names = papers.flatMap((paper) => {
    if (position === 'first') return paper.authors.slice(0, 1);
    if (position === 'last') return paper.authorsTruncated ? [] : paper.authors.slice(-1);
    return paper.authors;
  });
  return countPeople(names, library);
}

/** The people without those the question set aside ("besides Xitong Gao"). */
function leaveOut(people: Person[], filters: Filters): Person[] {
  const set = new Set(filters.leftOut ?? []);
  return set.size === 0 ? people : people.filter((person) => !set.has(person.name));
}

function personOf(name: string, library: Library): Omit<Person, 'papers'> {
  return { id: library.directory.byName(name)?.id ?? nameKey(nameWords(name)), name };
}

/** One person per display name, most papers first, ties by name. */
function countPeople(names: readonly string[], library: Library): Person[] {
  const counts = new Map<string, Person>();
  for (const name of names) {
    const person = counts.get(name) ?? { ...personOf(name, library), papers: 0 };
    person.papers++;
    counts.set(name, person);
  }
  return [...counts.values()].sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name));
}

/**
 * Papers counted per group. Years run in time order (a chart reads left to
 * right); categories, venues and people run from the most papers down.
 */
function groupPapers(
  papers: readonly Paper[],
  groupBy: GroupBy,
  mostFirst: boolean,
  onlyTop: boolean,
): Group[] {
  const keysOf = (paper: Paper): string[] => {
    switch (groupBy) {
      case 'year':
        return [paper.published.slice(0, 4)];
      case 'category':
        return [paper.category];
      case 'venue':
        // By series ("NeurIPS"), not edition: "which venue has the most papers" means the conference.
        return paper.venue ? [parseVenue(paper.venue).name] : [];
      case 'author':
        return paper.authors;
    }
  };
  const counts = new Map<string, number>();
  for (const paper of papers)
    for (const key of keysOf(paper)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const groups = [...counts].map(([key, count]) => ({ key, count }));
  if (groupBy === 'year' && !mostFirst) return groups.sort((a, b) => a.key.localeCompare(b.key));
  groups.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  // "which year had the most": the answer is the top group, with any tied with it.
  return onlyTop ? groups.filter((group) => group.count === groups[0]?.count) : groups;
}

function authorNotes(filters: Filters): string[] {
  const notes: string[] = [];
  for (const author of filters.authors) {
    if (author.how === 'typo')
      notes.push(`Showing ${author.names[0]} (you wrote “${author.asked}”).`);
    if (author.names.length > 1 && (author.how === 'surname' || author.how === 'given-name')) {
      notes.push(
        `“${author.asked}” matches ${author.names.length} authors: ${author.names.join(', ')}.`,
      );
    }
  }
  return notes;
}

/**
 * A question about people over papers whose sources cut the author list at
 * "et al." may miss someone listed further down: say so, and for how many.
 */
function truncationNote(papers: readonly Paper[], query: SearchQuery): string | undefined {
  const aboutPeople =
    query.filters.authors.length > 0 || query.intent === 'coauthors' || query.intent === 'ranking';
  const cut = papers.filter((paper) => paper.authorsTruncated);
  if (!aboutPeople || cut.length === 0) return undefined;
  const listed = numberWord(Math.max(...cut.map((paper) => paper.authors.length)));
  const which =
    cut.length === 1
      ? `${cut.length === papers.length ? 'This paper' : '1 of these papers'} lists only its first ${listed} authors`
      : `${cut.length} of these papers list only their first ${listed} authors`;
  return `${which} (“et al.”), so people further down are not counted.`;
}

/** A last author is known only where the source lists every author: say how many papers that leaves out. */
function lastAuthorNotes(query: SearchQuery, library: Library): string[] {
  const asksLast =
    query.filters.authors.some((author) => author.position === 'last') ||
    (query.intent === 'ranking' && query.position === 'last');
  if (!asksLast) return [];
  const cut = library.papers.filter((paper) => paper.authorsTruncated).length;
  return cut === 0
    ? []
    : [
        `The last author of ${plural(cut, 'paper')} is unknown (the source cuts the list at “et al.”); they are not counted.`,
      ];
}

/** A venue no paper was published at is named as such, so an empty answer explains itself. */
function venueNotes(filters: Filters, library: Library): string[] {
  return filters.venues
    .filter((venue) => !library.venues.inCorpus(venue.name))
    .map((venue) => `No paper in the corpus was published at ${venue.name}.`);
}

function searchNotes(found: FoundPapers, filters: Filters): string[] {
  const search = found.search;
  if (!search) return [];
  const notes = search.corrections.map(
    ({ from, to }) => `Showing results for “${to}” (you wrote “${from}”).`,
  );
  if (search.missing.length > 0) {
    const words = orList(search.missing.map((word) => `“${word}”`));
    notes.push(
      found.papers.length > 0
        ? `Left out ${words}: no paper mentions it.`
        : `No paper in the corpus mentions ${words}.`,
    );
  } else if (search.partial && found.papers.length > 0) {
    notes.push('No paper matches every word; showing papers that match most of them.');
  } else if (found.papers.length === 0 && filters.topic && /\s/u.test(filters.topic.trim())) {
    notes.push(`No paper mentions all of “${filters.topic}” together.`);
  }
  return notes;
}

/** For an empty answer: how many papers each constraint alone leaves out. */
function relaxationHints(filters: Filters, library: Library): string[] {
  const phrases = filterPhrases(filters);
  if (phrases.length < 2) return [];
  const without: Array<[string, Filters]> = [];
  const { topic, dates, hasCode, ...rest } = filters;
  if (filters.authors.length > 0) without.push([phrases[0] as string, { ...filters, authors: [] }]);
  if (topic) {
    const { topicAlternatives: _alternatives, ...noTopic } = rest;
    const about = quotedTopics(filters.topicAlternatives ?? [topic]);
    without.push([`about ${about}`, { ...noTopic, dates, hasCode }]);
  }
  if (dates) without.push([dates.label, { ...rest, topic, hasCode }]);
  if (filters.categories.length > 0) without.push(['the category', { ...filters, categories: [] }]);
  if (hasCode !== undefined)
    without.push([hasCode ? 'with code' : 'without code', { ...rest, topic, dates }]);
  const hints: string[] = [];
  for (const [label, relaxed] of without) {
    const count = findPapers(relaxed, library).papers.length;
    if (count > 0)
      hints.push(`Without “${label}” there ${count === 1 ? 'is 1 paper' : `are ${count} papers`}.`);
  }
  return hints;
}

function numberWord(n: number): string {
  return (
    ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ??
    String(n)
  );
}
