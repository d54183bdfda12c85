import type { Paper } from '../corpus/paper.js';
import type { Facet, GroupBy, Query } from '../query/query.js';

export interface Person {
  /** Identity id (see `people/identities.ts`), for follow-up requests about this person. */
  id: string;
  name: string;
  /** Papers counted for this person: shared with the person asked about, or in the ranking's scope. */
  papers: number;
}

export type { Facet, GroupBy } from '../query/query.js';

/** One bar of a grouped answer: a year, a category code, a person or a venue, and how many papers. */
export interface Group {
  key: string;
  count: number;
}

/** How the answer should be laid out; may differ from the intent ("what is X" with several matches is a list). */
export type AnswerShape =
  | 'help'
  | 'refusal'
  /** The question needs a subject it lacks ("cite" alone): the notes say what to add. */
  | 'clarify'
  | 'list'
  | 'detail'
  | 'count'
  | 'coauthors'
  /** People ranked by papers in scope ("who published the most on backdoors"). */
  | 'ranking'
  /** Papers counted per year, category, author or venue (`groups`). */
  | 'groups'
  /** Chat filler alone ("hi", "thanks!", "good bot"): a short friendly reply, never a list. */
  | 'greeting'
  | 'cite';

/**
 * Everything an adapter needs to render a reply, and nothing
 * platform-specific; `conversation/layout-answer.ts` lays it out once for every platform.
 */
export interface Answer {
  query: Query;
  shape: AnswerShape;
  /** One line summing the answer up ("4 papers by Yiren Zhao in 2019, newest first"), for titles. */
  headline: string;
  /** What was understood, for footers: "papers by Yiren Zhao · 2019". */
  understood: string;
  /** Papers matching, before paging. */
  total: number;
  /** Index of `papers[0]` among all matches. */
  offset: number;
  papers: Paper[];
  people?: Person[];
  /** Papers counted per year, category, person or venue, in the order to show them. */
  groups?: Group[];
  groupBy?: GroupBy;
  /** Facts the question asked to see; layouts show these first (links, authors, date …). */
  show?: Facet[];
  /** Words of the question that were read as chat filler and ignored ("pls", "thx", "@pubbot"). */
  ignored?: string[];
  count?: number;
  bibtex?: string;
  notes: string[];
  /** Things to try next: corrected names, other questions. */
  suggestions: string[];
}
