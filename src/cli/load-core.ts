import { createLibrary } from '../answer/library.js';
import { type Core, type CoreSource, createCore } from '../core.js';
import { type Corpus, loadCorpusDir } from '../corpus/load-corpus.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import { formatProblem } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { cachedIndex } from '../search/index-cache.js';

/**
 * Loads the corpus folder (plus what feeds and syncs learned) and builds the
 * core, logging each skipped entry with its file and line. A corpus with
 * problems still loads its good entries.
 */
export async function loadCore(
  dir: string,
  logger: Logger,
  { learned = [], indexCacheDir }: { learned?: readonly FactsPatch[]; indexCacheDir?: string } = {},
): Promise<{ core: Core; corpus: Corpus }> {
  const corpus = await loadCorpusDir(dir, learned);
  for (const problem of corpus.problems) logger.warn({ problem }, formatProblem(problem));
  logger.debug({ papers: corpus.papers.length, dir }, 'corpus loaded');
  return { core: coreBuilder(logger, indexCacheDir)(corpus), corpus };
}

/** Builds cores, reading and saving index snapshots in `indexCacheDir` when one is given. */
export function coreBuilder(logger: Logger, indexCacheDir?: string): (corpus: CoreSource) => Core {
  if (!indexCacheDir) return (corpus) => createCore(corpus);
  return (corpus) =>
    createCore(
      corpus,
      createLibrary('papers' in corpus ? corpus.papers : corpus, {
        ...('papers' in corpus && corpus.people ? { people: corpus.people } : {}),
        indexFor: (sorted, fingerprint) => cachedIndex(sorted, fingerprint, indexCacheDir, logger),
      }),
    );
}
