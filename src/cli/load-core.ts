import { type Core, createCore } from '../core.js';
import type { PaperFacts } from '../corpus/build-paper.js';
import { type Corpus, loadCorpusDir } from '../corpus/load-corpus.js';
import { formatProblem } from '../corpus/paper.js';
import type { Logger } from '../logger.js';

/**
 * Loads the corpus folder (plus papers learned from feeds) and builds the
 * core, logging each skipped entry with its file and line. A corpus with
 * problems still loads its good entries.
 */
export async function loadCore(
  dir: string,
  logger: Logger,
  learned: readonly PaperFacts[] = [],
): Promise<{ core: Core; corpus: Corpus }> {
  const corpus = await loadCorpusDir(dir, learned);
  for (const problem of corpus.problems) logger.warn({ problem }, formatProblem(problem));
  logger.debug({ papers: corpus.papers.length, dir }, 'corpus loaded');
  return { core: createCore(corpus.papers), corpus };
}
