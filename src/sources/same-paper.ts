import { nameWords } from '../people/name-key.js';

/**
 * True when two author lists share a surname: the check that a record found
 * by title or id is the corpus paper, not another group's paper of the same
 * name (or a mistyped id). Surnames only, so "Y. Zhao" and "Yiren Zhao",
 * or a transliteration of a given name, still agree.
 *
 * @example
 * sharesAuthor(['Y. Zhao'], ['Yiren Zhao', 'Xitong Gao']); // true
 */
export function sharesAuthor(listed: readonly string[], found: readonly string[]): boolean {
  const surnames = new Set(listed.flatMap((name) => nameWords(name).slice(-1)));
  return found.some((name) =>
    nameWords(name)
      .slice(-1)
      .some((word) => surnames.has(word)),
  );
}
