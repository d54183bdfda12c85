import { looksLikePersonName } from '../corpus/person-name.js';
import type { AuthorDirectory, NameMatch } from '../people/author-directory.js';
import { isEnglishWord } from '../text/english-words.js';
import { STOPWORDS } from '../text/stopwords.js';
import { isFiller, PAPER_NOUNS } from './filler.js';
import type { AuthorFilter, UnknownAuthor } from './query.js';
import type { TextSpans } from './text-spans.js';

export interface AuthorUnderstanding {
  authors: AuthorFilter[];
  unknown: UnknownAuthor[];
}

export interface AuthorContext {
  directory: AuthorDirectory;
  /** True when papers use the word, so it is more likely a topic than a surname. */
  isTopicWord: (word: string) => boolean;
}

type Word = ReturnType<TextSpans['words']>[number];

/** Words that end the name after "by": "by Yiren Zhao in 2019", "by Qin about agents". */
const NAME_BOUNDARY =
  /^(?:in|from|since|before|after|between|during|about|on|with|without|that|which|who|published|until|through|regarding|concerning|related|papers?|having|has|have|sorted|ordered|for|of|to|is|are|were|was|wrote|write|worked)$/iu;
/**
 * Words before a name, and how they read it. `excluded`: the person is left
 * out. `strict`: the words may precede anything ("from 2020", "not LG",
 * "called Flareon"), so only a name the corpus knows makes them a slot.
 * Longer phrases come first: the pattern tries them in this order.
 */
const SLOTS: ReadonlyArray<{ words: string; excluded: boolean; strict: boolean }> = [
  {
    words: String.raw`(?:not|never)\s+(?:(?:co-?)?authored\s+|written\s+)?(?:by|with)`,
    excluded: true,
    strict: false,
  },
  {
    words: String.raw`but\s+not(?:\s+(?:by|with))?|except(?:\s+for)?(?:\s+by)?|excluding|besides|(?:apart|aside)\s+from|other\s+than|not\s+(?:counting|including)|(?:do\s+not|don['’]?t)\s+count(?:ing)?|without`,
    excluded: true,
    strict: true,
  },
  { words: String.raw`(?:co-?)?(?:authored|written)\s+by`, excluded: false, strict: false },
  {
    words: String.raw`(?:someone\s+|somebody\s+|anyone\s+)?(?:named|called)`,
    excluded: false,
    strict: true,
  },
  { words: 'by', excluded: false, strict: false },
  { words: 'from|with', excluded: false, strict: true },
  { words: 'not', excluded: true, strict: true },
  { words: 'author:|by:', excluded: false, strict: false },
];
const SLOT = new RegExp(
  String.raw`\b(?:${SLOTS.map((slot, i) => `(?<s${i}>${slot.words})`).join('|')})\s*`,
  'giu',
);
const BEFORE_NAME =
  /^(?:both|either|the|all|dr|prof|professor|mr|ms|mrs|mister|miss|ones|those|papers?|with|by)$/iu;

function toFilter(found: NameMatch): AuthorFilter {
  return { asked: found.asked, names: found.authors.map((a) => a.name), how: found.kind };
}

/**
 * Finds the people a question names: after "by" (where a bare surname, a
 * given name or a typo is accepted, and an unknown name is reported with
 * suggestions), then full names anywhere ("Zhao Yiren", "Y. Zhao"), then a
 * lone surname that papers do not otherwise use as a word ("Shumailov").
 */
export function claimAuthors(spans: TextSpans, context: AuthorContext): AuthorUnderstanding {
  const result: AuthorUnderstanding = { authors: [], unknown: [] };
  claimSlots(spans, context, result);
  claimFullNames(spans, context, result);
  claimMistypedNames(spans, context, result);
  claimSurnames(spans, context, result);
  if (result.authors.filter((author) => !author.excluded).length >= 2) spans.take(SHARED_WORK);
  return result;
}

const NOT_AN_AUTHOR =
  /\b(?:(?:is|was)\s+not|isn['’]?t|wasn['’]?t)\s+(?:(?:an?\s+)?(?:author|co-?author)\b(?:\s+(?:of|on))?|on(?=\s*(?:[?!.,]|$)))/iu;

/**
 * "papers Gao is not on", "which papers is Xitong Gao NOT an author of": read
 * before the facts to show take "author"; the one person named is then left out.
 */
export function claimNotAnAuthor(spans: TextSpans): boolean {
  return spans.take(NOT_AN_AUTHOR);
}

/**
 * Words that, between two or more people, say the papers are shared ("X + Y
 * joint papers", "co-written by X and Y"); with one person or none they may
 * be a topic ("joint embeddings").
 */
const SHARED_WORK = new RegExp(
  String.raw`\b(?:(?:joint|shared|common)(?=\s+(?:${PAPER_NOUNS})\b)|jointly|in\s+common|co-?(?:written|authored|published))\b`,
  'giu',
);

interface SlotName {
  words: Word[];
  /** Joined to the previous name by "or": either person will do. */
  alternative: boolean;
}

/** The names after a slot word, split on "and", "&", "or"; stops at the first word that is not part of a name. */
function slotNames(spans: TextSpans, after: number): SlotName[] {
  const names: SlotName[] = [{ words: [], alternative: false }];
  let lastEnd = after;
  for (const word of spans.words().filter((w) => w.start >= after)) {
    // An initial's period ("Y. Zhao"), "&" and quotes (author:"Yiren Zhao") may sit between name words.
    const gap = spans.text.slice(lastEnd, word.start).replace(/^\./u, '');
    if (/[^\s&"“”]/u.test(gap) || /^\d/u.test(word.word)) break;
    // "with both X and Y", "by the Xitong Gao", "but not the ones with X": words before a name, not of it.
    if (names.at(-1)?.words.length === 0 && BEFORE_NAME.test(word.word)) {
      lastEnd = word.end;
      continue;
    }
    if (NAME_BOUNDARY.test(word.word)) break;
    lastEnd = word.end;
    const joiner = /^(?:and|or|&)$/iu.test(word.word);
    if (joiner || gap.includes('&'))
      names.push({ words: [], alternative: /^or$/iu.test(word.word) });
    if (!joiner) names.at(-1)?.words.push(word);
  }
  return names.filter((name) => name.words.length > 0);
}

function claimSlots(
  spans: TextSpans,
  { directory }: AuthorContext,
  result: AuthorUnderstanding,
): void {
  for (const slot of [...spans.text.matchAll(SLOT)]) {
    // A slot word inside a name claimed before ("but not the ones with X") was read with it.
    if (spans.text.slice(slot.index, slot.index + slot[0].trimEnd().length).trim() === '') continue;
    const { excluded, strict } = SLOTS[
      Object.entries(slot.groups ?? {}).findIndex(([, matched]) => matched !== undefined)
    ] as (typeof SLOTS)[number];
    for (const name of slotNames(spans, slot.index + slot[0].length)) {
      // After a word that may precede anything, a short word is no given name: "not an author".
      const found =
        strict && STOPWORDS.has(name.words[0]?.word.toLowerCase() ?? '')
          ? undefined
          : resolveLongestPrefix(name.words, directory);
      const previous = result.authors.at(-1);
      if (found && name.alternative && previous) {
        result.authors[result.authors.length - 1] = eitherOf(previous, toFilter(found.match));
        spans.claimRange(slot.index, closingQuote(spans.text, found.end));
      } else if (found) {
        const filter = toFilter(found.match);
        result.authors.push(excluded ? { ...filter, excluded: true } : filter);
        spans.claimRange(slot.index, closingQuote(spans.text, found.end));
      } else if (!strict && !isMeans(name.words[0] as Word)) {
        const asked = name.words.slice(0, 4).filter((w) => !isFiller(w.word));
        if (asked.length === 0) continue;
        const text = asked.map((w) => w.word).join(' ');
        result.unknown.push({ asked: text, suggestions: directory.suggest(text) });
        spans.claimRange(slot.index, (asked.at(-1) as Word).end);
      }
    }
  }
}

/** "by adding noise", "by hiding a pattern": after "by", an English verb in -ing says how, not who. */
function isMeans(word: Word): boolean {
  // Written in lower case: "by Manning" is a person.
  return word.word.length >= 5 && /^[a-z]+ing$/u.test(word.word) && isEnglishWord(word.word);
}

/** Extends a claim over the quote that closes a quoted name. */
function closingQuote(text: string, end: number): number {
  return /^["”]/u.test(text.slice(end)) ? end + 1 : end;
}

function eitherOf(a: AuthorFilter, b: AuthorFilter): AuthorFilter {
  return {
    asked: `${a.asked} or ${b.asked}`,
    names: [...new Set([...a.names, ...b.names])],
    how: a.how,
  };
}

function resolveLongestPrefix(
  words: Word[],
  directory: AuthorDirectory,
): { match: NameMatch; end: number } | undefined {
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const text = words
      .slice(0, n)
      .map((w) => w.word.replace(/['’]s$/u, ''))
      .join(' ');
    const match = directory.resolve(text, { allowPartial: true, allowTypos: true });
    if (match) return { match, end: (words[n - 1] as Word).end };
  }
  return undefined;
}

/**
 * Two or three adjacent words that no dictionary or paper knows, within a
 * typo of someone's full name ("robert mulins", "Tianrui Quin"), before any of
 * them is read as a lone given name.
 */
function claimMistypedNames(
  spans: TextSpans,
  { directory, isTopicWord }: AuthorContext,
  result: AuthorUnderstanding,
): void {
  const words = spans.words();
  const unknown = (w: Word) => !isFiller(w.word) && !isTopicWord(w.word);
  for (let n = 3; n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      const adjacent = run.every(
        (w, k) => k === 0 || /^\s+$/u.test(spans.text.slice((run[k - 1] as Word).end, w.start)),
      );
      // At least one word must be no English word, so "deep learning" is never a mistyped name.
      if (!adjacent || !run.every(unknown) || run.every((w) => isEnglishWord(w.word))) continue;
      const found = directory.resolve(run.map((w) => w.word).join(' '), { allowTypos: true });
      if (!found) continue;
      result.authors.push(toFilter(found));
      spans.claimRange((run[0] as Word).start, (run.at(-1) as Word).end);
      claimMistypedNames(spans, { directory, isTopicWord }, result);
      return;
    }
  }
}

function claimFullNames(
  spans: TextSpans,
  { directory }: AuthorContext,
  result: AuthorUnderstanding,
): void {
  let claimed = claimOneFullName(spans, directory, result);
  while (claimed) claimed = claimOneFullName(spans, directory, result);
}

function claimOneFullName(
  spans: TextSpans,
  directory: AuthorDirectory,
  result: AuthorUnderstanding,
): boolean {
  const words = spans.words();
  for (let n = 4; n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      // Words of a name are separated by spaces only, or by the period of an initial ("Y. Zhao").
      const adjacent = run.every(
        (w, k) => k === 0 || /^\.?\s+$/u.test(spans.text.slice((run[k - 1] as Word).end, w.start)),
      );
      if (!adjacent) continue;
      const found = directory.resolve(run.map((w) => w.word.replace(/['’]s$/u, '')).join(' '));
      if (!found) continue;
      result.authors.push(toFilter(found));
      spans.claimRange((run[0] as Word).start, (run.at(-1) as Word).end);
      return true;
    }
  }
  return false;
}

/**
 * A lone surname anywhere ("Shumailov", "Mullins and Constantinides"), or a
 * lone given name ("Ilia's papers", "Dongping?") when it cannot be an
 * ordinary word: possessive, or neither English nor used by the papers. "He"
 * and "King" are given names here too, but only "King's papers" means one.
 */
function claimSurnames(
  spans: TextSpans,
  context: AuthorContext,
  result: AuthorUnderstanding,
): void {
  for (const word of spans.words()) {
    const possessive = /['’]s$/u.test(word.word);
    const bare = word.word.replace(/['’]s$/u, '');
    if (isFiller(bare) || context.isTopicWord(bare)) continue;
    const maybeName = context.directory.isSurname(bare) || possessive || !isEnglishWord(bare);
    if (!maybeName) continue;
    const found = context.directory.resolve(bare, { allowPartial: true });
    if (!found) continue;
    result.authors.push(toFilter(found));
    spans.claimRange(word.start, word.end);
  }
}

/**
 * The last chance for a name: when what is left of the question is only a
 * name-shaped phrase that papers never use as words ("Yiren Zaho"), read it
 * as a person, correcting a typo, or report it as an unknown author.
 */
export function claimLeftoverName(
  spans: TextSpans,
  context: AuthorContext,
): { author?: AuthorFilter; unknown?: UnknownAuthor } {
  const leftover = spans.words().filter((w) => !isFiller(w.word));
  if (leftover.length === 0 || leftover.length > 4) return {};
  if (leftover.some((w) => context.isTopicWord(w.word))) return {};
  const text = leftover.map((w) => w.word).join(' ');
  // A typo is read as a name only for two or more words: one misspelt word is a topic typo.
  const found = context.directory.resolve(text, {
    allowPartial: true,
    allowTypos: leftover.length > 1,
  });
  const claim = () => spans.claimRange((leftover[0] as Word).start, (leftover.at(-1) as Word).end);
  if (found) {
    claim();
    return { author: toFilter(found) };
  }
  if (!looksLikePersonName(text)) return {};
  claim();
  return { unknown: { asked: text, suggestions: context.directory.suggest(text) } };
}
