import { z } from 'zod';
import { DateRangeSchema } from './date-range.js';

/** A person the question names, tied to corpus authors. */
export const AuthorFilterSchema = z.object({
  asked: z.string(),
  /** Every author the words can mean (several for a bare surname); a paper needs one of them. */
  names: z.array(z.string()).min(1),
  how: z.enum(['exact', 'surname-first', 'initials', 'surname', 'given-name', 'typo']),
});

/** A person the question names who is not in the corpus. */
export const UnknownAuthorSchema = z.object({
  asked: z.string(),
  suggestions: z.array(z.string()),
});

export const FiltersSchema = z.object({
  authors: z.array(AuthorFilterSchema),
  unknownAuthors: z.array(UnknownAuthorSchema),
  dates: DateRangeSchema.optional(),
  /** The window came from "recent": widened rather than left empty. */
  recent: z.boolean(),
  /** Full arXiv codes; a paper needs one of them. */
  categories: z.array(z.string()),
  hasCode: z.boolean().optional(),
  /** Free text for the full-text search. */
  topic: z.string().optional(),
  /** Exact papers by id (`id:` qualifier). */
  paperIds: z.array(z.string()),
  /** Only papers one of the asked people wrote as first author (a follow-up's "just first-author ones"). */
  firstAuthor: z.boolean().optional(),
});

export const OrderSchema = z.enum(['relevance', 'newest', 'oldest']);

const searchFields = {
  filters: FiltersSchema,
  order: OrderSchema,
  /** The question asked for a number of papers ("the latest paper", "top 3"). */
  limit: z.number().int().positive().optional(),
};

/**
 * What a question asks for, typed: produced by `Core.parse` from words, by
 * `Core.paperQuery`/`Core.personQuery` from a platform's picks, and by
 * `Core.refine` from a follow-up; answered by `Core.answer`. Page tokens,
 * follow-up contexts and subscriptions keep it as JSON, validated on the way
 * back.
 *
 * @example
 * ```ts
 * const query: Query = {
 *   intent: 'list',
 *   filters: { authors: [{ asked: 'Tianrui Qin', names: ['Tianrui Qin'], how: 'exact' }],
 *     unknownAuthors: [], recent: false, categories: [], paperIds: [], hasCode: true },
 *   order: 'newest',
 * };
 * core.answer(query).headline; // → '4 papers by Tianrui Qin with code, newest first'
 * ```
 */
export const QuerySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('help') }),
  z.object({ intent: z.literal('refuse'), reason: z.string() }),
  z.object({ intent: z.literal('list'), ...searchFields }),
  z.object({ intent: z.literal('detail'), ...searchFields }),
  z.object({ intent: z.literal('count'), ...searchFields }),
  z.object({ intent: z.literal('cite'), ...searchFields }),
  z.object({ intent: z.literal('coauthors'), ...searchFields }),
]);

export type Query = z.infer<typeof QuerySchema>;
export type SearchQuery = Exclude<Query, { intent: 'help' } | { intent: 'refuse' }>;
export type Filters = z.infer<typeof FiltersSchema>;
export type AuthorFilter = z.infer<typeof AuthorFilterSchema>;
export type UnknownAuthor = z.infer<typeof UnknownAuthorSchema>;
export type Order = z.infer<typeof OrderSchema>;
