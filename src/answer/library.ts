import { corpusFingerprint } from '../corpus/fingerprint.js';
import type { Paper } from '../corpus/paper.js';
import { AuthorDirectory } from '../people/author-directory.js';
import { type Identity, identifyPeople } from '../people/identities.js';
import { VenueNames } from '../query/claim-venues.js';
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
  /** Venue names the question parser knows: the corpus's and well-known ones. */
  venues: VenueNames;
  /** Names papers introduce, by their letters alone ("asymgqa" → AsymGQA). */
  aliases: ReadonlyMap<string, string>;
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
  const index = indexFor(sorted, fingerprint);
  const aliases = new Map<string, string>();
  for (const paper of papers) {
    for (const alias of paper.aliases)
      aliases.set(alias.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), alias);
  }
  return {
    papers,
    newestFirst: sorted,
    byId: new Map(papers.map((paper) => [paper.id, paper])),
    fingerprint,
    index,
    directory: new AuthorDirectory(people),
    venues: new VenueNames(
      papers.flatMap((paper) => (paper.venue ? [paper.venue] : [])),
      (word) => index.hasWord(word),
    ),
    aliases,
  };
}
