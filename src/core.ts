import type { Answer } from './answer/answer.js';
import { answerQuery } from './answer/answer-query.js';
import { findPapers } from './answer/find-papers.js';
import { createLibrary, type Library } from './answer/library.js';
import type { Paper } from './corpus/paper.js';
import type { Author } from './people/author-directory.js';
import type { Identity } from './people/identities.js';
import { searchQuery } from './query/build-query.js';
import { parseQuery } from './query/parse-query.js';
import { isSearchQuery, type Query, type SearchQuery } from './query/query.js';
import { cleanQuestion } from './query/question-text.js';
import { type Refinement, refineQuery } from './query/refine-query.js';
import type { PaperIndex } from './search/paper-index.js';

/** Which page of an answer to show. */
export interface PageOptions {
  /** Papers per page; defaults to 10. */
  limit?: number;
  /** Matches to skip, for paging. */
  offset?: number;
}

export interface AskOptions extends PageOptions {
  /** The day relative dates count from ("last year", "recent"); defaults to now. */
  today?: string | Date;
}

export const DEFAULT_PAGE_SIZE = 10;

export function isoToday(today: string | Date = new Date()): string {
  return typeof today === 'string' ? today : today.toISOString().slice(0, 10);
}

/**
 * The platform-free question answerer every conversation calls. Text goes
 * in where a person typed it (`parse`, `ask`, `refine`); structured input
 * goes in where a platform has it (`paperQuery` for a picked paper,
 * `personQuery` for a picked person, `answer` for any typed Query), so no
 * caller writes query strings for the core to read back.
 *
 * @example
 * ```ts
 * const core = createCore(corpus);
 * core.ask('papers by Yiren Zhao in 2019', { today: '2026-11-25' }).headline;
 * // → '4 papers by Yiren Zhao in 2019, newest first'
 * const first = core.parse('papers by Tianrui Qin', { today: '2026-11-25' });
 * const refined = core.refine(first, 'and in 2025?', { today: '2026-11-25' });
 * if (refined?.kind === 'query') core.answer(refined.query, { limit: 5 });
 * core.answer(core.paperQuery('flareon-stealthy-any2any-backdoor-injection-via-poisoned-augmentation', 'cite'));
 * ```
 */
export interface Core {
  readonly library: Library;
  /** Reads a question into a typed Query; never throws. */
  parse(text: string, options?: Pick<AskOptions, 'today'>): Query;
  /** Answers a typed Query: pure, so the same query, library and page give the same answer. */
  answer(query: Query, options?: PageOptions): Answer;
  /** `answer(parse(text))`. */
  ask(text: string, options?: AskOptions): Answer;
  /**
   * A follow-up read against the previous question ("and in 2025?", "only
   * with code", "more"); undefined when the text is a question of its own.
   */
  refine(
    previous: SearchQuery,
    text: string,
    options?: Pick<AskOptions, 'today'>,
  ): Refinement | undefined;
  /** One paper by id, or by what was typed when nothing was picked, shown in full or cited. */
  paperQuery(idOrTitle: string, view: 'detail' | 'cite'): SearchQuery;
  /** A person's papers newest first, or their co-authors, by identity id or a typed name. */
  personQuery(idOrName: string, intent: 'list' | 'coauthors'): SearchQuery;
  /** Papers for a title being typed, ranked by the same search as questions; newest first when empty. */
  completeTitles(text: string, limit: number): Paper[];
  /** Authors whose names start with what is typed; most papers first. */
  completeAuthors(text: string, limit: number): Author[];
  /** Which of `among` a query's filters and topic select; all of them for help. */
  select(query: Query, among: readonly string[]): string[];
}

/** Papers alone, or a loaded corpus whose identities know every spelling of each person. */
export type CoreSource =
  | readonly Paper[]
  | { papers: readonly Paper[]; people?: readonly Identity[] };

export interface CoreOptions {
  /** Supplies the index (from a snapshot); built from the papers when absent. */
  indexFor?: (newestFirst: readonly Paper[], fingerprint: string) => PaperIndex;
}

/**
 * Makes a core: the search structures over the papers and the question
 * answerer on top. The one way to make a core; `CorpusReloader` calls it
 * for each corpus it reads.
 *
 * @example
 * ```ts
 * const core = createCore((await loadCorpusDir('corpus')));
 * core.ask('how many papers in 2024?').count; // → 4
 * ```
 */
export function createCore(source: CoreSource, options: CoreOptions = {}): Core {
  const papers = 'papers' in source ? source.papers : source;
  const people = 'papers' in source ? source.people : undefined;
  return coreOver(
    createLibrary(papers, {
      ...(people ? { people } : {}),
      ...(options.indexFor ? { indexFor: options.indexFor } : {}),
    }),
  );
}

function coreOver(library: Library): Core {
  const parse = (text: string, options: Pick<AskOptions, 'today'> = {}) =>
    parseQuery(text, {
      today: isoToday(options.today),
      directory: library.directory,
      isTopicWord: (word) => library.index.hasWord(word),
      venues: library.venues,
      aliasFor: (compact) => library.aliases.get(compact),
    });
  const answer = (query: Query, options: PageOptions = {}) => {
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    return answerQuery(query, library, { limit, offset });
  };
  return {
    library,
    parse,
    answer,
    ask: (text, options = {}) => answer(parse(text, options), options),
    refine: (previous, text, options = {}) =>
      refineQuery(previous, text, (said) => parse(said, options)),
    paperQuery(idOrTitle, view) {
      if (library.byId.has(idOrTitle)) return searchQuery(view, { paperIds: [idOrTitle] });
      const typed = cleanQuestion(idOrTitle);
      return searchQuery(view, typed ? { topic: typed } : {});
    },
    personQuery(idOrName, intent) {
      const { directory } = library;
      const person =
        directory.byId(idOrName) ??
        directory.resolve(idOrName, { allowPartial: true, allowTypos: true })?.authors[0];
      const order = intent === 'list' ? 'newest' : 'relevance';
      if (!person) {
        const unknown = {
          asked: cleanQuestion(idOrName),
          suggestions: directory.suggest(idOrName),
        };
        return searchQuery(intent, { unknownAuthors: [unknown] }, { order });
      }
      const filter = { asked: person.name, names: [person.name], how: 'exact' as const };
      return searchQuery(intent, { authors: [filter] }, { order });
    },
    completeTitles(text, limit) {
      if (text.trim() === '') return library.newestFirst.slice(0, limit);
      const hits = library.index.search(text, { prefix: true }).hits.slice(0, limit);
      return hits.map((hit) => library.byId.get(hit.id)).filter((paper) => paper !== undefined);
    },
    completeAuthors(text, limit) {
      return library.directory.complete(text, limit);
    },
    select(query, among) {
      if (among.length === 0) return [];
      if (query.intent === 'help') return [...among];
      if (!isSearchQuery(query) || query.filters.unknownAuthors.length > 0) return [];
      return findPapers({ ...query.filters, paperIds: [...among] }, library).papers.map(
        (paper) => paper.id,
      );
    },
  };
}
