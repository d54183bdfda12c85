import { foldDiacritics } from '../text/fold.js';

/**
 * Name words for matching: folded, lower-case, split on spaces and hyphens,
 * periods and apostrophes dropped. "Cheng-Zhong Xu" → [cheng, zhong, xu].
 */
export function nameWords(name: string): string[] {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/['’.]/gu, ' ')
    .split(/[\s\-‐]+/u)
    .filter(Boolean);
}

/**
 * Words joined without separators, so spacing and hyphenation do not matter
 * ("Chengzhong Xu", "Cheng Zhong Xu", "cheng-zhong xu") while different names
 * stay different ("Cheng Zhang" ≠ "Cheng-Zhong Xu").
 */
export function nameKey(words: readonly string[]): string {
  return words.join('');
}
