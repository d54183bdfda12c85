import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { PaperIndex } from './paper-index.js';

/** Below this many papers building is quicker than reading a snapshot. */
export const MIN_PAPERS_TO_CACHE = 2000;

/**
 * The index for `papers` (newest first, as the library builds it), read from a
 * snapshot in `dir` when one was saved for exactly these papers, otherwise
 * built and saved, so a restart on a large corpus loads in seconds instead of
 * rebuilding. Old snapshots are removed; a damaged one is rebuilt.
 */
export function cachedIndex(
  papers: readonly Paper[],
  fingerprint: string,
  dir: string,
  logger: Logger,
): PaperIndex {
  if (papers.length < MIN_PAPERS_TO_CACHE) return new PaperIndex(papers);
  const name = `index-${fingerprint}.json`;
  const file = join(dir, name);
  if (existsSync(file)) {
    try {
      const index = PaperIndex.fromSnapshot(readFileSync(file, 'utf8'), papers);
      logger.info({ file }, 'index loaded from snapshot');
      return index;
    } catch (error) {
      logger.warn({ err: error, file }, 'index snapshot unusable; rebuilding');
    }
  }
  const index = new PaperIndex(papers);
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.partial`;
    writeFileSync(partial, index.toSnapshot());
    renameSync(partial, file);
    for (const old of readdirSync(dir)) {
      if (/^index-[0-9a-f]+\.json$/u.test(old) && old !== name)
        rmSync(join(dir, old), { force: true });
    }
    logger.info({ file }, 'index snapshot saved');
  } catch (error) {
    logger.warn(
      { err: error, file },
      'could not save the index snapshot; the next start rebuilds it',
    );
  }
  return index;
}
