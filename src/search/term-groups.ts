import { escapeRegExp } from '../text/escape-regexp.js';
import { normalizeText } from '../text/fold.js';
import { processTerm } from './analyzer.js';
import { SYNONYM_ROWS } from './synonyms.js';

/**
 * One thing the user asked for, in all the wordings that count as a match:
 * "low-rank" → [[low, rank], [lowrank]]; "LLMs" → [[llms], [large, language, models]].
 * Each variant is a list of raw words that must all match.
 */
export interface TermGroup {
  /** The user's own words, for messages ("nothing mentions 'sourdough'"). */
  label: string;
  variants: string[][];
  /**
   * Set when the variants came from the synonym table: the user's own wording.
   * Other multi-word variants must then appear as a phrase ("large language
   * model"), not as words scattered over an abstract.
   */
  typed?: string[];
}

interface SynonymPattern {
  pattern: RegExp;
  variants: string[][];
}

function phraseWords(phrase: string): string[] {
  return normalizeText(phrase)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && processTerm(word) !== null);
}

/** Longest phrases first so "large language model" wins over "model". */
const SYNONYM_PATTERNS: SynonymPattern[] = SYNONYM_ROWS.flatMap((row) =>
  row.map((phrase) => ({
    phrase,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${normalizeText(phrase)
        .split(/[\s-]+/u)
        .map(escapeRegExp)
        .join('[\\s-]+')}(?:s|es)?(?![\\p{L}\\p{N}])`,
      'gu',
    ),
    variants: row.map(phraseWords),
  })),
).sort((a, b) => b.phrase.length - a.phrase.length);

/**
 * Turns topic text into term groups: synonym phrases first, then each
 * remaining word; stop words and words that analyse to nothing are dropped.
 */
export function termGroups(topic: string): TermGroup[] {
  let text = normalizeText(topic);
  const found: Array<{ at: number; group: TermGroup }> = [];
  for (const { pattern, variants } of SYNONYM_PATTERNS) {
    text = text.replace(pattern, (match, at: number) => {
      found.push({ at, group: { label: match, variants, typed: phraseWords(match) } });
      return ' '.repeat(match.length);
    });
  }
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    const word = match[0];
    const parts = word.split('-').filter((part) => processTerm(part) !== null);
    if (parts.length === 0) continue;
    const variants = parts.length > 1 ? [parts, [parts.join('')]] : [parts];
    found.push({ at: match.index, group: { label: word, variants } });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.group);
}

/** The index terms a group can match, for mapping search hits back to groups. */
export function groupTerms(group: TermGroup): Set<string> {
  const terms = new Set<string>();
  for (const variant of group.variants) {
    for (const word of variant) {
      const term = processTerm(word);
      if (term) terms.add(term);
    }
  }
  return terms;
}
