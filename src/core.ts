import type { Answer } from './answer/answer.js';
import { answerQuery } from './answer/answer-query.js';
import { findPapers } from './answer/find-papers.js';
import { createLibrary, type Library } from './answer/library.js';
import type { Paper } from './corpus/paper.js';
import type { Author } from './people/author-directory.js';
import type { Identity } from './people/identities.js';
import { parseQuery } from './query/parse-query.js';
import { isSearchQuery, type Query } from './query/query.js';

export interface AskOptions {
  /** The day relative dates count from ("last year", "recent"); defaults to now. */
  today?: string | Date;
  /** Papers per page; defaults to 10. */
  limit?: number;
  /** Matches to skip, for paging. */
  offset?: number;
}

export const DEFAULT_PAGE_SIZE = 10;

export function isoToday(today: string | Date = new Date()): string {
  return typeof today === 'string' ? today : today.toISOString().slice(0, 10);
}

/** The platform-free question answerer every adapter calls. */
export interface Core {
  readonly library: Library;
  parse(text: string, options?: Pick<AskOptions, 'today'>): Query;
  ask(text: string, options?: AskOptions): Answer;
  /** Papers for a title being typed, ranked by the same search as questions; newest first when empty. */
  completeTitles(text: string, limit: number): Paper[];
  /** Authors whose names start with what is typed; most papers first. */
  completeAuthors(text: string, limit: number): Author[];
  /** Which of `among` a question's filters and topic select; all of them for an empty question. */
  select(question: string, among: readonly string[]): string[];
}

/** Papers alone, or a loaded corpus whose identities know every spelling of each person. */
export type CoreSource =
  | readonly Paper[]
  | { papers: readonly Paper[]; people?: readonly Identity[] };

export function createCore(
  source: CoreSource,
  library: Library = 'papers' in source
    ? createLibrary(source.papers, source.people ? { people: source.people } : {})
    : createLibrary(source),
): Core {
  const parse = (text: string, options: Pick<AskOptions, 'today'> = {}) =>
    parseQuery(text, {
      today: isoToday(options.today),
      directory: library.directory,
      isTopicWord: (word) => library.index.hasWord(word),
      venues: library.venues,
      aliasFor: (compact) => library.aliases.get(compact),
    });
  return {
    library,
    parse,
    ask(text, options = {}) {
      const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE));
      const offset = Math.max(0, Math.floor(options.offset ?? 0));
      return answerQuery(parse(text, options), library, { limit, offset });
    },
    completeTitles(text, limit) {
      if (text.trim() === '') {
        return [...library.papers]
          .sort((a, b) => b.published.localeCompare(a.published))
          .slice(0, limit);
      }
      const hits = library.index.search(text, { prefix: true }).hits.slice(0, limit);
      return hits.map((hit) => library.byId.get(hit.id)).filter((paper) => paper !== undefined);
    },
    completeAuthors(text, limit) {
      return library.directory.complete(text, limit);
    },
    select(question, among) {
      if (among.length === 0) return [];
      const query = parse(question);
      if (query.intent === 'help') return [...among];
      if (!isSearchQuery(query) || query.filters.unknownAuthors.length > 0) return [];
      return findPapers({ ...query.filters, paperIds: [...among] }, library).papers.map(
        (paper) => paper.id,
      );
    },
  };
}
