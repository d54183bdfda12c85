import type { Paper } from '../corpus/paper.js';
import { paperChanges } from './paper-changes.js';

/** A preprint that now has a venue: "now published at NeurIPS 2025". */
export interface VenueNews {
  paperId: string;
  venue: string;
}

/**
 * Preprints that gained a venue between two builds of the corpus, once per
 * paper. A venue that changed (a workshop paper later at a conference) or a
 * new paper is not news here; whoever delivers the messages keeps track of
 * which (paper, venue) pairs were already told.
 *
 * @example
 * venueNews(result.before, result.after); // [{ paperId: 'seeing-through-fog-…', venue: 'NeurIPS 2025' }]
 */
export function venueNews(before: readonly Paper[], after: readonly Paper[]): VenueNews[] {
  return paperChanges(before, after).flatMap((change) =>
    change.field === 'venue' && change.before === null && typeof change.after === 'string'
      ? [{ paperId: change.paperId, venue: change.after }]
      : [],
  );
}
