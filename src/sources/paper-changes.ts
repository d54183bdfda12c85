import type { Paper } from '../corpus/paper.js';

/** The facts a sync can change. */
export const CHANGED_FIELDS = ['arxivId', 'authors', 'venue'] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];

/** One fact of one paper, before and after; `null` where the paper had none. */
export interface PaperChange {
  paperId: string;
  title: string;
  field: ChangedField;
  before: string | string[] | null;
  after: string | string[] | null;
}

/**
 * What changed between two builds of the corpus, field by field, for papers
 * in both (matched by id). Comparing built papers rather than what a source
 * said means a fact a hand-edited entry overrides is no change.
 *
 * @example
 * paperChanges(before, after);
 * // [{ paperId: 'mora-…', title: 'MORA: …', field: 'venue', before: null, after: 'NeurIPS 2022' }]
 */
export function paperChanges(before: readonly Paper[], after: readonly Paper[]): PaperChange[] {
  const earlier = new Map(before.map((paper) => [paper.id, paper]));
  return after.flatMap((paper) => {
    const old = earlier.get(paper.id);
    if (!old) return [];
    return CHANGED_FIELDS.flatMap((field) => {
      const from = old[field] ?? null;
      const to = paper[field] ?? null;
      return same(from, to)
        ? []
        : [{ paperId: paper.id, title: paper.title, field, before: from, after: to }];
    });
  });
}

function same(a: string | string[] | null, b: string | string[] | null): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((item, i) => item === b[i])
    : a === b;
}
