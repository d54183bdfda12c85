import { isEnglishWord } from '../text/english-words.js';
import { NearWords } from '../text/near-words.js';
import { STOPWORDS } from '../text/stopwords.js';
import { isSmallTalk, SHORTHAND } from './chat-words.js';
import { FRAME_WORDS, isFiller } from './filler.js';
import type { TextSpans } from './text-spans.js';

type Word = ReturnType<TextSpans['words']>[number];

export interface LeftoverContext {
  /** True when papers use the word. */
  isTopicWord: (word: string) => boolean;
  /** The name a paper introduces whose letters, case and punctuation aside, are these ("asym-gqa" → AsymGQA). */
  aliasFor: (compact: string) => string | undefined;
}

/** How the words nobody claimed were read. */
export interface Leftovers {
  /** Words of the topic, names the papers introduce written the corpus's way. */
  topic: string[];
  /** The topic split where the question says "or" or " / " between its words ("backdoors or poisoning"). */
  alternatives: string[][];
  /** Small talk and chat shorthand set aside ("pls", "thx", "yo"). */
  ignored: string[];
  /** Misspelt question words read as what was meant ("papres" → "papers"). */
  corrected: Array<{ from: string; to: string }>;
}

/** Question words a typo is repaired into, when the typo is no English word and no paper's word. */
const QUESTION_VOCABULARY = new NearWords<string>();
for (const word of [...FRAME_WORDS, ...STOPWORDS]) {
  if (word.length >= 3) QUESTION_VOCABULARY.add(word, word);
}

const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Reads the words no recogniser claimed. A run of words that spells a name a
 * paper introduces ("flash searcher", "h meta nas") becomes that name; small
 * talk and shorthand are ignored and reported; question framing is dropped; a
 * word that is neither English nor a paper's word but is one edit from a
 * question word is that word mistyped; everything else is the topic.
 */
export function readLeftovers(spans: TextSpans, context: LeftoverContext): Leftovers {
  const words = spans.words();
  const result: Leftovers = { topic: [], alternatives: [], ignored: [], corrected: [] };
  const read: Array<{ word: Word; kind: Kind; text: string; name?: true }> = [];
  for (let i = 0; i < words.length; ) {
    const alias = longestAlias(words, i, spans.text, context);
    if (alias) {
      read.push({ word: words[i] as Word, kind: 'topic', text: alias.name, name: true });
      i += alias.length;
      continue;
    }
    const word = words[i] as Word;
    read.push({ word, ...classify(word, context, result) });
    i++;
  }
  // A framing word inside a run of topic words is part of the topic ("group attention").
  const adjacent = (a: Word, b: Word) => /^[\s-]*$/u.test(spans.text.slice(a.end, b.start));
  read.forEach((entry, i) => {
    if (entry.kind !== 'frame' || !context.isTopicWord(entry.text)) return;
    const before = read[i - 1];
    const after = read[i + 1];
    // A paper's name stands alone: "compare FLIP" is not a phrase.
    const joins = (other: typeof before, first: Word, second: Word) =>
      other?.kind === 'topic' && !other.name && adjacent(first, second);
    if (
      joins(before, before?.word as Word, entry.word) ||
      joins(after, entry.word, after?.word as Word)
    )
      entry.kind = 'topic';
  });
  // An aside in parentheses only explains the rest ("Tomato (the fpga thing not the veggie lol)"):
  // beside topic words of the question's own it is set aside; alone, it is the topic.
  const asides = [...spans.text.matchAll(/\(([^()]*)\)?/gu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  const inAside = (word: Word) =>
    asides.some(([start, end]) => word.start > (start as number) && word.end <= (end as number));
  const own = read.filter((entry) => entry.kind === 'topic' && !inAside(entry.word));
  if (own.length > 0) {
    for (const entry of read) {
      if (entry.kind !== 'topic' || !inAside(entry.word)) continue;
      entry.kind = 'other';
      result.ignored.push(entry.word.word);
    }
  }
  const topic = read.filter((entry) => entry.kind === 'topic');
  result.topic = topic.map((entry) => entry.text);
  // Runs of adjacent topic words, and the runs that "or" or a spaced slash alone join.
  const runs: Array<{ words: string[]; start: number; end: number }> = [];
  for (const entry of topic) {
    const last = runs.at(-1);
    if (last && /^[\s-]*$/u.test(spans.text.slice(last.end, entry.word.start))) {
      last.words.push(entry.text);
      last.end = entry.word.end;
    } else runs.push({ words: [entry.text], start: entry.word.start, end: entry.word.end });
  }
  const joined = runs.filter(
    (run, i) =>
      ALTERNATIVE.test(spans.text.slice(runs[i - 1]?.end ?? -1, run.start)) ||
      ALTERNATIVE.test(spans.text.slice(run.end, runs[i + 1]?.start ?? -1)),
  );
  if (joined.length >= 2) result.alternatives = joined.map((run) => run.words);
  // "compare FLIP and Fed-Credit": several papers named and nothing else is each of them.
  else if (topic.length >= 2 && topic.every((entry) => entry.name))
    result.alternatives = topic.map((entry) => [entry.text]);
  return result;
}

/** Words that set a topic aside: "but not backdoors", "except pruning", "not about LLMs". */
const SET_ASIDE =
  /(?:\b(?:but|and)\s+not|,\s*not|\(\s*not|\bnot\s+(?:about|on|related\s+to)|\bexcept(?:\s+for)?|\bexcluding|\bother\s+than|\bapart\s+from|\baside\s+from|\bbesides)\s+(?:(?:the\s+ones?|those|ones?|anything|papers?|stuff)\s+(?:about|on|related\s+to)\s+)?/giu;

/**
 * The topics a question sets aside, read from where a set-aside phrase ends:
 * topic words, several joined by "or", "and" or commas ("not about attacks or
 * backdoors"); claims them. People set aside the same way ("but not Kejiang
 * Ye") are read before this.
 */
export function claimSetAsideTopics(spans: TextSpans): string[] {
  const excluded: string[] = [];
  for (const cue of [...spans.text.matchAll(SET_ASIDE)]) {
    const after = cue.index + cue[0].length;
    let end = after;
    const topics: string[][] = [[]];
    for (const word of spans.words().filter((w) => w.start >= after)) {
      const gap = spans.text.slice(end, word.start);
      const current = topics.at(-1) as string[];
      if (current.length > 0 && /^\s*,?\s*$/u.test(gap) && /^(?:or|and)$/iu.test(word.word)) {
        topics.push([]);
        end = word.end;
        continue;
      }
      if (/^\s*,\s*$/u.test(gap) && current.length > 0 && !isFiller(word.word)) topics.push([]);
      else if (/[^\s-]/u.test(gap)) break;
      if (isFiller(word.word) || /^\d/u.test(word.word)) break;
      (topics.at(-1) as string[]).push(word.word);
      end = word.end;
    }
    const named = topics.filter((words) => words.length > 0).map((words) => words.join(' '));
    if (named.length === 0) continue;
    excluded.push(...named);
    spans.claimRange(cue.index, end);
  }
  return excluded;
}

/** What alone may stand between two alternatives: "or", or a spaced slash. */
const ALTERNATIVE = /^\s+(?:or|\/)\s+$/iu;

type Kind = 'topic' | 'frame' | 'other';

/** Up to four adjacent words whose letters spell an introduced name, longest first. */
function longestAlias(
  words: readonly Word[],
  at: number,
  text: string,
  context: LeftoverContext,
): { name: string; length: number } | undefined {
  for (let n = Math.min(4, words.length - at); n >= 1; n--) {
    const run = words.slice(at, at + n);
    const adjacent = run.every(
      (w, k) => k === 0 || /^[\s-]*$/u.test(text.slice((run[k - 1] as Word).end, w.start)),
    );
    if (!adjacent) continue;
    const name = context.aliasFor(compact(run.map((w) => w.word).join('')));
    if (name) return { name, length: n };
  }
  return undefined;
}

/** Words that only ever frame a question, whatever stands beside them. */
const ALWAYS_FRAME = new Set(
  `paper papers publication publications article articles preprint preprints pub pubs work works
  stuff thing things anything something everything ones one entries
  show list find give get tell fetch lookup want need`.split(/\s+/u),
);

function classify(
  word: Word,
  context: LeftoverContext,
  result: Leftovers,
): { kind: Kind; text: string } {
  const text = word.word.replace(/['’]s$/u, '');
  const lower = text.toLowerCase();
  if (SHORTHAND[lower] !== undefined || isSmallTalk(lower)) {
    result.ignored.push(word.word);
    return { kind: 'other', text };
  }
  if (STOPWORDS.has(lower) || ALWAYS_FRAME.has(lower)) return { kind: 'other', text };
  if (isFiller(lower)) return { kind: 'frame', text };
  if (!isEnglishWord(lower) && !context.isTopicWord(lower) && lower.length >= 3) {
    // Typos seldom touch the first letter; holding it keeps jargon ("ViTs") from becoming "its".
    const budget = lower.length <= 4 ? 1 : 2;
    const [meant] = QUESTION_VOCABULARY.near(lower, budget)
      .filter(({ value }) => value[0] === lower[0] && value.length >= 4)
      .sort((a, b) => a.distance - b.distance);
    if (meant) {
      result.corrected.push({ from: word.word, to: meant.value });
      return { kind: 'other', text };
    }
  }
  return { kind: 'topic', text };
}
