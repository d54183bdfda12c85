import type { Paper } from '../corpus/paper.js';
import type { Query } from '../query/query.js';

export interface Person {
  name: string;
  /** Papers shared with the person asked about. */
  papers: number;
}

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
  | 'cite';

/**
 * Everything an adapter needs to render a reply, and nothing
 * platform-specific. `text` is a complete plain-text answer on its own.
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
  count?: number;
  bibtex?: string;
  text: string;
  notes: string[];
  /** Things to try next: corrected names, other questions. */
  suggestions: string[];
}
