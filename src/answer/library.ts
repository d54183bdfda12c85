import { corpusFingerprint } from '../corpus/fingerprint.js';
import type { Paper } from '../corpus/paper.js';
import { AuthorDirectory } from '../people/author-directory.js';
import { PaperIndex } from '../search/paper-index.js';
import { newestFirst } from './find-papers.js';

/** The corpus with its search structures; rebuilt as a whole when the corpus changes. */
export interface Library {
  papers: readonly Paper[];
  /** The same papers, newest first (ties in corpus order), so date-ordered lists need no sort. */
  newestFirst: readonly Paper[];
  byId: ReadonlyMap<string, Paper>;
  /** Identifies the indexed content: a corpus with the same fingerprint needs no new index. */
  fingerprint: string;
  /** How many names the source lists before "et al." (the longest such list); undefined when no list is cut. */
  truncatedAfter: number | undefined;
  index: PaperIndex;
  directory: AuthorDirectory;
}

/**
 * Builds the search structures. The index is built in newest-first order, so
 * whatever it cannot rank (a search of only very common words) comes newest
 * first; `indexFor` may supply it instead (from a snapshot).
 */
export function createLibrary(
  papers: readonly Paper[],
  indexFor: (newestFirst: readonly Paper[], fingerprint: string) => PaperIndex = (sorted) =>
    new PaperIndex(sorted),
): Library {
  const sorted = [...papers].sort(newestFirst);
  const fingerprint = corpusFingerprint(sorted);
  let truncatedAfter: number | undefined;
  for (const paper of papers) {
    if (paper.authorsTruncated)
      truncatedAfter = Math.max(truncatedAfter ?? 0, paper.authors.length);
  }
  return {
    papers,
    newestFirst: sorted,
    byId: new Map(papers.map((paper) => [paper.id, paper])),
    truncatedAfter,
    fingerprint,
    index: indexFor(sorted, fingerprint),
    directory: new AuthorDirectory(papers),
  };
}
