import type { Filters, Order, SearchQuery } from './query.js';

/** Filters that let every paper through. */
const NO_FILTERS: Readonly<Filters> = Object.freeze({
  authors: [],
  unknownAuthors: [],
  recent: false,
  categories: [],
  paperIds: [],
  venues: [],
});

/**
 * A typed query built from structured input (a picked paper, a person, a
 * platform's own options) instead of words for the parser to read back.
 *
 * @example
 * ```ts
 * searchQuery('detail', { paperIds: ['flareon-stealthy-any2any-backdoor-injection-via-poisoned-augmentation'] });
 * searchQuery('list', {}, { order: 'newest', limit: 3 }); // the three newest papers
 * ```
 */
export function searchQuery(
  intent: 'list' | 'detail' | 'count' | 'cite' | 'coauthors',
  filters: Partial<Filters>,
  { order = 'relevance', limit }: { order?: Order; limit?: number } = {},
): SearchQuery {
  return {
    intent,
    filters: { ...NO_FILTERS, ...filters },
    order,
    ...(limit === undefined ? {} : { limit }),
    show: [],
    yesNo: false,
    ignored: [],
  };
}
