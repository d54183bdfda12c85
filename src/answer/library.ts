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
  index: PaperIndex;
  directory: AuthorDirectory;
}

export function createLibrary(papers: readonly Paper[], index = new PaperIndex(papers)): Library {
  return {
    papers,
    newestFirst: [...papers].sort(newestFirst),
    byId: new Map(papers.map((paper) => [paper.id, paper])),
    index,
    directory: new AuthorDirectory(papers),
  };
}
