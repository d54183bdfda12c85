import { plainAbstractText } from './plain-abstract.js';

/**
 * Finds the names a paper gives to what it introduces ("we propose Flareon",
 * "namely LAFEAT", "feature boosting and suppression (FBS)", "MORA: …") with
 * general rules over the text, never a list of known names:
 *
 * 1. A title that starts with a short name before a colon ("APBench: A Unified …").
 * 2. In a sentence where "we" or "this paper" propose / introduce / present /
 *    devise / build something, or that says "called", "named", "namely",
 *    "the proposed", the first name-shaped word after the cue: mixed case (UEraser, mixSGA), an acronym of 3+ letters (MORA),
 *    a compound with one (H-Meta-NAS), or a capitalised word right after the cue
 *    that the abstract uses as a name (Tomato, Fed-Credit).
 *
 * A word is not a name of this paper when other papers of the corpus use it too
 * (NAS, GQA, LoRA: `isSharedTerm`), when it is a plural acronym (GNNs, LLMs), or
 * when the abstract used it before the cue sentence (PEFT defined as background).
 */
export function findAliases(
  title: string,
  abstract: string,
  isSharedTerm: (word: string) => boolean,
): string[] {
  const aliases = [...titleAlias(title), ...abstractAliases(abstract, isSharedTerm)];
  const seen = new Set<string>();
  return aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?/gu;
/** "we …" or "this paper …" as the subject that introduces something. */
const AUTHOR_VOICE = /\b(?:we|this (?:paper|work)|our (?:paper|work))\b/iu;
const INTRODUCING_VERB =
  /(?<!-)\b(?:introduc(?:e|es|ed)|propos(?:e|es|ed)|present(?:s|ed)?|devis(?:e|es|ed)|develop(?:s|ed)?|buil[dt]s?|design(?:s|ed)?|coin(?:s|ed)?|focus(?:es)? on)\b/giu;
/** Cues that name something whoever the subject is. */
const NAMING_CUE = /\b(?:the proposed|we call|called|named|dubbed|termed|namely)\b/giu;
const ARTICLE = /^(?:a|an|the|our)$/iu;
const STOP_CAPITALS = /^(?:A|An|The|This|These|That|Our|We|It|In|On|For|To|And|Of|With|By)$/u;

function titleAlias(title: string): string[] {
  const colon = title.indexOf(':');
  if (colon <= 0) return [];
  const prefix = title.slice(0, colon).trim();
  const words = prefix.split(/\s+/u);
  if (words.length === 1 && /^\p{Lu}/u.test(prefix)) return [prefix];
  const titleCase = words.every((word) => /^\p{Lu}\p{Ll}+$/u.test(word));
  return words.length === 2 && titleCase ? [prefix] : [];
}

function abstractAliases(abstract: string, isSharedTerm: (word: string) => boolean): string[] {
  const text = plainAbstractText(abstract);
  const sentences = splitSentences(text);
  const firstSeen = new Map<string, number>();
  sentences.forEach((sentence, index) => {
    for (const [word] of sentence.matchAll(WORD)) {
      if (!firstSeen.has(word)) firstSeen.set(word, index);
    }
  });
  const occurrences = (word: string) => text.split(word).length - 1;
  const aliases: string[] = [];
  sentences.forEach((sentence, index) => {
    for (const cueEnd of cuePositions(sentence)) {
      const after = sentence.slice(cueEnd);
      const words = [...after.matchAll(WORD)];
      const accepted = words.find((match, position) => {
        const word = match[0];
        if (firstSeen.get(word) !== index) return false;
        if (isSharedTerm(word) || /^\p{Lu}{2,}s$/u.test(word)) return false;
        if (isNameShaped(word)) return true;
        const rightAfterCue =
          position === 0 || (position === 1 && ARTICLE.test(words[0]?.[0] ?? ''));
        if (!rightAfterCue || !/^\p{Lu}/u.test(word) || STOP_CAPITALS.test(word)) return false;
        const next = after.slice((match.index ?? 0) + word.length).trimStart();
        return occurrences(word) >= 2 || /^[,(]/u.test(next);
      });
      if (accepted) {
        // One name per sentence: later cues in it describe the first ("a framework designed to …").
        aliases.push(accepted[0]);
        return;
      }
    }
  });
  return aliases;
}

/** Where each cue of a sentence ends, in reading order. */
function cuePositions(sentence: string): number[] {
  const ends = [...sentence.matchAll(NAMING_CUE)].map((m) => m.index + m[0].length);
  const voice = AUTHOR_VOICE.exec(sentence);
  if (voice) {
    for (const verb of sentence.slice(voice.index).matchAll(INTRODUCING_VERB)) {
      ends.push(voice.index + verb.index + verb[0].length);
    }
  }
  return ends.sort((a, b) => a - b);
}

/** Mixed case (UEraser, mixSGA), acronyms of 3+ letters (MORA), or compounds with one (H-Meta-NAS). */
function isNameShaped(word: string): boolean {
  return word.split('-').some((part) => {
    if (/^\p{Lu}[\p{Lu}\p{N}]{2,}$/u.test(part)) return true;
    return /\p{Ll}\p{Lu}|\p{Lu}{2,}\p{Ll}/u.test(part) && part.length >= 3;
  });
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\b(?:e\.g|i\.e|et al|etc|vs|cf)\./giu, (m) => m.replace(/\./gu, '\u2024'))
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d("'])/u)
    .map((sentence) => sentence.replace(/\u2024/gu, '.'));
}
