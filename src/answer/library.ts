import type { Paper } from '../corpus/paper.js';
import { AuthorDirectory } from '../people/author-directory.js';
import { PaperIndex } from '../search/paper-index.js';

/** The corpus with its search structures; rebuilt as a whole when the corpus changes. */
export interface Library {
  papers: readonly Paper[];
  byId: ReadonlyMap<string, Paper>;
  index: PaperIndex;
  directory: AuthorDirectory;
}

export function createLibrary(papers: readonly Paper[], index = new PaperIndex(papers)): Library {
  return {
    papers,
    byId: new Map(papers.map((paper) => [paper.id, paper])),
    index,
    directory: new AuthorDirectory(papers),
  };
}
