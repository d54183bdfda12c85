import { escapeRegExp } from '../text/escape-regexp.js';
import { normalizeText } from '../text/fold.js';
import { processTerm } from './analyzer.js';
import { CONCEPTS, type Concept } from './concepts.js';
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
  /** The words described a concept in lay terms; the variants are how papers name it (all phrases). */
  concept?: true;
}

/** Abbreviations the corpus defines ("peft" → "parameter-efficient fine-tuning"), by abbreviation. */
export type LearnedAcronyms = ReadonlyMap<string, readonly string[]>;

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
 * Turns topic text into term groups: lay descriptions of a concept first,
 * then synonym phrases, then each remaining word (with the expansions the
 * corpus defines for it); stop words and words that analyse to nothing are
 * dropped.
 */
export function termGroups(topic: string, acronyms: LearnedAcronyms = new Map()): TermGroup[] {
  let text = normalizeText(topic);
  const found: Array<{ at: number; group: TermGroup }> = [];
  for (const { at, end, concept, label } of conceptMatches(text)) {
    found.push({ at, group: { label, variants: concept.terms.map(phraseWords), concept: true } });
    for (const [from, to] of end)
      text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
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
    const expansions = acronyms.get(parts.join('')) ?? [];
    const group: TermGroup = {
      label: word,
      variants: [...variants, ...expansions.map(phraseWords)],
    };
    found.push({
      at: match.index,
      group: expansions.length > 0 ? { ...group, typed: parts } : group,
    });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.group);
}

/** Stems of a concept's cue words, computed once. */
const CUE_STEMS = CONCEPTS.map((concept) => ({
  concept,
  cues: concept.cues.map((cue) => cue.map((word) => processTerm(word) ?? word.toLowerCase())),
}));

/**
 * Concepts the text describes: a cue matches when each of its words' stems
 * is among the text's words; the words it used are consumed, so one word
 * serves one concept.
 */
function conceptMatches(
  text: string,
): Array<{ at: number; end: Array<[number, number]>; concept: Concept; label: string }> {
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map((m) => ({
    stem: processTerm(m[0]) ?? m[0],
    word: m[0],
    from: m.index,
    to: m.index + m[0].length,
    used: false,
  }));
  const matches = [];
  for (const { concept, cues } of CUE_STEMS) {
    for (const cue of cues) {
      const hit = cue.map((stem) => words.find((w) => !w.used && w.stem === stem));
      if (hit.some((w) => w === undefined)) continue;
      const used = hit as Array<(typeof words)[number]>;
      for (const w of used) w.used = true;
      const ordered = [...used].sort((a, b) => a.from - b.from);
      matches.push({
        at: (ordered[0] as (typeof words)[number]).from,
        end: ordered.map((w): [number, number] => [w.from, w.to]),
        concept,
        label: ordered.map((w) => w.word).join(' '),
      });
    }
  }
  return matches;
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
