import type { Answer, AnswerShape } from '../answer/answer.js';

/** Shapes whose papers come a page at a time. */
const PAGED_SHAPES: ReadonlySet<AnswerShape> = new Set(['list', 'count', 'cite']);

/** Where an answer sits among its pages, and the offsets of its neighbours. */
export interface PageMoves {
  previous?: number;
  next?: number;
  page: number;
  pages: number;
  /** Matches after this page. */
  remaining: number;
}

/**
 * The one paging rule: lists, counts and citations page; a question that
 * asked for a number of papers ("top 3", "the latest paper") got exactly
 * that and does not; one page needs no controls.
 */
export function pageMoves(answer: Answer, limit: number): PageMoves | undefined {
  if (!PAGED_SHAPES.has(answer.shape) || answer.papers.length === 0) return undefined;
  if ('limit' in answer.query && answer.query.limit !== undefined) return undefined;
  const pages = Math.ceil(answer.total / limit);
  if (pages <= 1) return undefined;
  const shown = answer.offset + answer.papers.length;
  return {
    ...(answer.offset > 0 ? { previous: Math.max(0, answer.offset - limit) } : {}),
    ...(shown < answer.total ? { next: answer.offset + limit } : {}),
    page: Math.floor(answer.offset / limit) + 1,
    pages,
    remaining: Math.max(0, answer.total - shown),
  };
}
