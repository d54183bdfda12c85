import { stemmer } from 'stemmer';
import { normalizeText } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';

/**
 * Splits text into words for the index and for queries alike. Hyphenated
 * words yield their parts and the joined form ("low-rank" → low, rank, lowrank)
 * so "lowrank", "low rank" and "low-rank" all meet.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of normalizeText(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) {
    if (!word.includes('-')) {
      tokens.push(word);
      continue;
    }
    tokens.push(...word.split('-'), word.replaceAll('-', ''));
  }
  return tokens;
}

/** British spellings meet American ones before stemming: optimisation → optimization. */
function americanize(word: string): string {
  return word
    .replace(/is(e|ed|es|ing|ation|ations|er|ers)$/u, 'iz$1')
    .replace(/iour(s?)$/u, 'ior$1');
}

/**
 * One word → its index term: lower-cased, folded, stop words dropped, stemmed
 * with Porter so "poisoning"/"poisons" and "adapters"/"adaptation" meet.
 */
export function processTerm(term: string): string | null {
  const known = analysed.get(term);
  if (known !== undefined) return known;
  const word = normalizeText(term);
  const result =
    word.length === 0 || STOPWORDS.has(word)
      ? null
      : /^\d+$/u.test(word)
        ? word
        : stemmer(americanize(word));
  if (analysed.size >= MAX_ANALYSED) analysed.clear();
  analysed.set(term, result);
  return result;
}

/**
 * Words already analysed: indexing meets the same words millions of times, and
 * stemming each again would dominate build time. Bounded so odd input cannot grow it forever.
 */
const analysed = new Map<string, string | null>();
const MAX_ANALYSED = 500_000;
