import { createHash } from 'node:crypto';
import type { Paper } from './paper.js';

/** A hash of everything the search index is built from, in order: equal fingerprints, equal indexes. */
export function corpusFingerprint(papers: readonly Paper[]): string {
  const hash = createHash('sha256');
  for (const paper of papers) {
    hash.update(
      `${paper.id}\u0000${paper.title}\u0000${paper.aliases.join('\u0001')}\u0000${paper.abstract}\u0002`,
    );
  }
  return hash.digest('hex').slice(0, 24);
}
