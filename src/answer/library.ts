import { corpusFingerprint } from '../corpus/fingerprint.js';
import type { Paper } from '../corpus/paper.js';
import { AuthorDirectory } from '../people/author-directory.js';
import { type Identity, identifyPeople } from '../people/identities.js';
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
  index: PaperIndex;
  directory: AuthorDirectory;
}

export interface LibraryOptions {
  /** Identities with every spelling (from the corpus); derived from the papers' authors when absent. */
  people?: readonly Identity[];
  /** Supplies the index, e.g. from a snapshot; built from the papers when absent. */
  indexFor?: (newestFirst: readonly Paper[], fingerprint: string) => PaperIndex;
}

/**
 * Builds the search structures. The index is built in newest-first order, so
 * whatever it cannot rank (a search of only very common words) comes newest
 * first.
 */
export function createLibrary(
  papers: readonly Paper[],
  {
    people = identifyPeople(papers).identities,
    indexFor = (sorted) => new PaperIndex(sorted),
  }: LibraryOptions = {},
): Library {
  const sorted = [...papers].sort(newestFirst);
  const fingerprint = corpusFingerprint(sorted);
  return {
    papers,
    newestFirst: sorted,
    byId: new Map(papers.map((paper) => [paper.id, paper])),
    fingerprint,
    index: indexFor(sorted, fingerprint),
    directory: new AuthorDirectory(people),
  };
}
