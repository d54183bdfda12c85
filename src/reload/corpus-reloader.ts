import { newestFirst } from '../answer/find-papers.js';
import { type Core, createCore } from '../core.js';
import { corpusFingerprint } from '../corpus/fingerprint.js';
import { type Corpus, loadCorpusDir } from '../corpus/load-corpus.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import { formatProblem } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { cachedIndex } from '../search/index-cache.js';

export interface CorpusReloaderOptions {
  /** The corpus folder: every `*.txt` listing and `*.json` entry file in it. */
  corpusDir: string;
  logger: Logger;
  /** Folder for index snapshots of large corpora; without one, indexes are built in memory. */
  indexCacheDir?: string;
}

/**
 * The core in use, and the one place it is replaced. `load` reads the
 * corpus folder (plus what feeds and syncs learned) and makes the first core;
 * `reload` reads it again and swaps in a new core only when the corpus
 * changed, so a new paper can be asked about at once and an unchanged
 * corpus keeps its index. Readers take `core` per question.
 *
 * @example
 * ```ts
 * const { reloader } = await CorpusReloader.load({ corpusDir: 'corpus', logger });
 * const conversation = new Conversation({ core: () => reloader.core, store, logger });
 * await reloader.reload(await store.learnedFacts()); // after the corpus folder or a feed changed
 * ```
 */
export class CorpusReloader {
  readonly #o: CorpusReloaderOptions;
  #core: Core;
  /** The problems the last read reported, so each is logged once, not at every cycle. */
  #reported = new Set<string>();
  #empty = false;

  constructor(options: CorpusReloaderOptions, core: Core) {
    this.#o = options;
    this.#core = core;
  }

  /** Reads the folder and makes the first core; a corpus with problems still loads its good entries. */
  static async load(
    options: CorpusReloaderOptions,
    learned: readonly FactsPatch[] = [],
  ): Promise<{ reloader: CorpusReloader; corpus: Corpus }> {
    const corpus = await loadCorpusDir(options.corpusDir, learned);
    const reloader = new CorpusReloader(options, makeCore(options, corpus));
    reloader.#report(corpus);
    return { reloader, corpus };
  }

  get core(): Core {
    return this.#core;
  }

  /** Reads the folder again and swaps the core in when the corpus changed; returns the corpus read. */
  async reload(learned: readonly FactsPatch[]): Promise<Corpus> {
    const corpus = await loadCorpusDir(this.#o.corpusDir, learned);
    this.#report(corpus);
    // Rebuilding a large index is the costliest thing a reload could do; an unchanged corpus keeps its own.
    const fingerprint = corpusFingerprint([...corpus.papers].sort(newestFirst));
    if (fingerprint !== this.#core.library.fingerprint) {
      this.#core = makeCore(this.#o, corpus);
      this.#o.logger.info({ papers: corpus.papers.length }, 'corpus changed; new index in use');
    }
    return corpus;
  }

  /**
   * Each problem as one line, when it first appears (again only if it went
   * away and came back), not at every read; the same for an empty corpus,
   * where every question would find nothing.
   */
  #report(corpus: Corpus): void {
    const { corpusDir, logger } = this.#o;
    const problems = corpus.problems.map(formatProblem);
    for (const problem of problems) if (!this.#reported.has(problem)) logger.warn(problem);
    this.#reported = new Set(problems);
    const empty = corpus.papers.length === 0;
    if (empty && !this.#empty)
      logger.warn(
        `corpus ${corpusDir} has no papers, so every question finds nothing: put *.txt listings or *.json entries there, or point CORPUS_DIR at them`,
      );
    this.#empty = empty;
    logger.debug({ papers: corpus.papers.length, dir: corpusDir }, 'corpus read');
  }
}

function makeCore({ indexCacheDir, logger }: CorpusReloaderOptions, corpus: Corpus): Core {
  if (!indexCacheDir) return createCore(corpus);
  return createCore(corpus, {
    indexFor: (sorted, fingerprint) => cachedIndex(sorted, fingerprint, indexCacheDir, logger),
  });
}
