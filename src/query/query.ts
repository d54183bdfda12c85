import { z } from 'zod';
import { DateRangeSchema } from './date-range.js';

/** A person the question names, tied to corpus authors. */
export const AuthorFilterSchema = z.object({
  asked: z.string(),
  /** Every author the words can mean (several for a bare surname); a paper needs one of them. */
  names: z.array(z.string()).min(1),
  how: z.enum(['exact', 'surname-first', 'initials', 'surname', 'given-name', 'typo']),
  /** Where in the author list: "first-author papers by X", "papers led by X", "X as last author". */
  position: z.enum(['first', 'last']).optional(),
  /** "not by X", "but not X", "besides X": papers without this person (in a people answer, the person left out). */
  excluded: z.boolean().optional(),
});

/** A venue the question names: "NeurIPS", "ICLR 2019" (the venue's year, not the paper's date). */
export const VenueFilterSchema = z.object({
  /** As the corpus or the list of known venues writes it ("NeurIPS"). */
  name: z.string().min(1),
  year: z.number().int().optional(),
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
  /** "except 2024", "not from March 2025": papers in these ranges are left out. */
  excludedDates: z.array(DateRangeSchema).optional(),
  /** The window came from "recent": widened rather than left empty. */
  recent: z.boolean(),
  /** Full arXiv codes; a paper needs one of them. */
  categories: z.array(z.string()),
  /** "not LG": full arXiv codes a paper must not have. */
  excludedCategories: z.array(z.string()).optional(),
  hasCode: z.boolean().optional(),
  /** Free text for the full-text search. */
  topic: z.string().optional(),
  /** "attacks but not backdoors or poisoning": papers the full-text search finds for any of these are left out. */
  excludedTopics: z.array(z.string()).optional(),
  /** "backdoors or poisoning": the topic's words split into alternatives, a paper needs one of them. */
  topicAlternatives: z.array(z.string()).min(2).optional(),
  /** Exact papers by id (`id:` qualifier). */
  paperIds: z.array(z.string()),
  /** A paper needs one of these venues. */
  venues: z.array(VenueFilterSchema).default([]),
  /** true: published at some venue; false: a preprint, at no venue. */
  published: z.boolean().optional(),
  /** People an answer about people leaves out ("who has the most besides X"); papers are not filtered by them. */
  leftOut: z.array(z.string()).optional(),
});

/** Facts a question asks to see; they change what is shown, never what is searched. */
export const FacetSchema = z.enum([
  'link',
  'pdf',
  'code',
  'authors',
  'date',
  'abstract',
  'venue',
  'bibtex',
]);

export const OrderSchema = z.enum(['relevance', 'newest', 'oldest']);

/** Chat filler read and set aside ("pls", "thx", "<@U0ABC123>", "🙏"), for the answer to mention. */
const ignored = { ignored: z.array(z.string()).default([]) };

const searchFields = {
  filters: FiltersSchema,
  order: OrderSchema,
  /** The question asked for a number of papers ("the latest paper", "top 3"). */
  limit: z.number().int().positive().optional(),
  show: z.array(FacetSchema).default([]),
  /** A yes/no question ("any papers this year?"): the answer states how many. */
  yesNo: z.boolean().default(false),
  ...ignored,
};

export const GroupBySchema = z.enum(['year', 'category', 'author', 'venue']);

/**
 * What a question asks for, typed: produced by `Core.parse` from words, by
 * `Core.paperQuery`/`Core.personQuery` from a platform's picks, and by
 * `Core.refine` from a follow-up; answered by `Core.answer`. Page tokens,
 * follow-up contexts and subscriptions keep it as JSON, validated on the way
 * back.
 *
 * @example
 * core.parse('papers by Yiren Zhao in 2019')
 * // → { intent: 'list', filters: { authors: [{ names: ['Yiren Zhao'], … }], dates: { from: '2019-01-01', to: '2019-12-31', … }, … }, order: 'relevance', … }
 * core.answer(searchQuery('list', { hasCode: true }, { order: 'newest' })).headline;
 * // → 'N papers with code, newest first'
 */
export const QuerySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('help'), ...ignored }),
  z.object({ intent: z.literal('refuse'), reason: z.string() }),
  /** Small talk alone ("hi", "thanks!", "good bot"). */
  z.object({ intent: z.literal('greeting'), ...ignored }),
  z.object({ intent: z.literal('list'), ...searchFields }),
  z.object({ intent: z.literal('detail'), ...searchFields }),
  z.object({ intent: z.literal('count'), ...searchFields }),
  z.object({ intent: z.literal('cite'), ...searchFields }),
  z.object({ intent: z.literal('coauthors'), ...searchFields }),
  /** Papers counted per year, category, author or venue. */
  z.object({
    intent: z.literal('groups'),
    groupBy: GroupBySchema,
    /** "which years had the most papers": the largest group first, and named in the headline. */
    mostFirst: z.boolean().default(false),
    /** "which year had the most papers": only the largest group (and any tied with it). */
    onlyTop: z.boolean().optional(),
    ...searchFields,
  }),
  /** People ranked by papers in scope; by first-author papers when `position` is first. */
  z.object({
    intent: z.literal('ranking'),
    position: z.enum(['first', 'last']).optional(),
    /** "how many authors": the answer states how many people, ranked as usual. */
    howMany: z.boolean().optional(),
    ...searchFields,
  }),
]);

export type Query = z.infer<typeof QuerySchema>;
export type SearchQuery = Exclude<
  Query,
  { intent: 'help' } | { intent: 'refuse' } | { intent: 'greeting' }
>;
export type Filters = z.infer<typeof FiltersSchema>;
export type AuthorFilter = z.infer<typeof AuthorFilterSchema>;
export type UnknownAuthor = z.infer<typeof UnknownAuthorSchema>;
export type Order = z.infer<typeof OrderSchema>;
export type VenueFilter = z.infer<typeof VenueFilterSchema>;
export type Facet = z.infer<typeof FacetSchema>;
export type GroupBy = z.infer<typeof GroupBySchema>;

/** True for queries that search papers (everything but help, refusals and small talk). */
export function isSearchQuery(query: Query): query is SearchQuery {
  return query.intent !== 'help' && query.intent !== 'refuse' && query.intent !== 'greeting';
}
