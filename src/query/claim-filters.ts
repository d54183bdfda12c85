import { allCategories, type Category, categoryFromCode } from '../corpus/categories.js';
import { isEnglishWord } from '../text/english-words.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { isFiller } from './filler.js';
import type { TextSpans } from './text-spans.js';

const WITHOUT_CODE =
  /\b(?:without|no|lacking|missing|(?:do|does|did|has|have|had)(?:\s+not|n['’]?t)\s+(?:have|has|had|include|provide|release|share)(?:\s+(?:any|their|the|its))?)\s+(?:(?:source|public|released|open[- ]source)\s+)?code\b/iu;
const WITH_CODE = [
  /\bhas:code\b/iu,
  /\b(?:with|having|has|have|had|includ(?:e|es|ing)|provid(?:e|es|ing)|releas(?:e|es|ed|ing)|shar(?:e|es|ed|ing))\s+(?:(?:source|public|released|open[- ]source|their|the|its|available)\s+)*code\b(?:\s+(?:available|released|online))?/iu,
  /\bcode\s+(?:is\s+|was\s+)?(?:available|released|public|online|open[- ]sourced?)\b/iu,
  /\bopen[- ]?sourced?\b(?:\s+code)?/iu,
];

/** "with code", "open source", "has:code" → true; "without code" → false. */
export function claimCodeFilter(spans: TextSpans): boolean | undefined {
  if (spans.take(WITHOUT_CODE)) return false;
  let wanted = false;
  for (const pattern of WITH_CODE) wanted = spans.take(pattern) || wanted;
  return wanted ? true : undefined;
}

const BY_NAME = new Map(allCategories().map((category) => [category.name.toLowerCase(), category]));
/** Every category name in one pattern, longest first, so "Machine Learning (Statistics)" wins over "Machine Learning". */
const NAMED = new RegExp(
  `\\b(?:${[...BY_NAME.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\b`,
  'iu',
);

/**
 * A category name counts only when it is the whole subject ("computer vision
 * papers", "papers in machine learning"), not part of a longer topic
 * ("adversarial machine learning").
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).match(/([\p{L}\p{N}'’-]+)\W*$/u)?.[1];
  const after = text.slice(end).match(/^\W*([\p{L}\p{N}'’-]+)/u)?.[1];
  return (!before || isFiller(before)) && (!after || isFiller(after) || /^category$/iu.test(after));
}

/**
 * Categories by full code ("cs.CR"), by name ("computer vision"), by the
 * short code in capitals when it is clearly a category ("CV papers",
 * "cat:CR").
 */
export function claimCategories(spans: TextSpans): Category[] {
  const found = new Map<string, Category>();
  const keep = (category: Category | undefined) => {
    if (!category) return undefined;
    found.set(category.code, category);
    return true;
  };
  spans.claim(/\b(?:cat|category):\s*([A-Za-z]+(?:\.[A-Za-z]{2})?)/iu, (m) =>
    keep(categoryFromCode(m[1] as string)),
  );
  spans.claim(/\b(?:cs|eess|stat)\.[a-z]{2}\b/iu, (m) => keep(categoryFromCode(m[0])));
  spans.claim(NAMED, (m) =>
    standsAlone(spans.text, m.index, m.index + m[0].length)
      ? keep(BY_NAME.get(m[0].toLowerCase()))
      : undefined,
  );
  // Everyday abbreviations first: "ML papers" are cs.LG here, not stat.ML.
  spans.claim(ABBREVIATION, (m) =>
    standsAlone(spans.text, m.index, m.index + m[0].length)
      ? keep(categoryFromCode(ABBREVIATIONS[(m[1] as string).toLowerCase()] as string))
      : undefined,
  );
  spans.claim(/\b([A-Za-z]{2})(?=\s+(?:papers?|category|preprints?)\b)/u, (m) =>
    /^[A-Z]{2}$/u.test(m[1] as string) || !isEnglishWord(m[1] as string)
      ? keep(categoryFromCode(m[1] as string))
      : undefined,
  );
  // Once a category is named, its everyday name standing alone says it again: "security papers (cs.CR)".
  for (const category of found.values()) {
    for (const pattern of restatements(category)) {
      spans.claim(pattern, (m) =>
        standsAlone(spans.text, m.index, m.index + m[0].length) ? true : undefined,
      );
    }
  }
  return [...found.values()];
}

const RESTATEMENTS = new Map<string, RegExp[]>();

/** Patterns for a category's name and everyday names, compiled once per category. */
function restatements(category: Category): RegExp[] {
  let patterns = RESTATEMENTS.get(category.code);
  if (!patterns) {
    patterns = [category.name, ...(CATEGORY_WORDS[category.code] ?? [])].map(
      (phrase) => new RegExp(`\\b${escapeRegExp(phrase).replace(/\s+/gu, '\\s+')}\\b`, 'iu'),
    );
    RESTATEMENTS.set(category.code, patterns);
  }
  return patterns;
}

/** Abbreviations people use for a category on their own ("NLP papers", "ml papers"). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ai: 'cs.AI',
  ml: 'cs.LG',
  nlp: 'cs.CL',
  cv: 'cs.CV',
  dsp: 'eess.SP',
};
const ABBREVIATION = new RegExp(`\\b(${Object.keys(ABBREVIATIONS).join('|')})\\b`, 'iu');

/** Everyday names of categories, read as restating a category already named. */
const CATEGORY_WORDS: Readonly<Record<string, readonly string[]>> = {
  'cs.AI': ['AI'],
  'cs.CL': ['NLP', 'natural language processing', 'language'],
  'cs.CR': ['security', 'crypto'],
  'cs.CV': ['vision', 'CV'],
  'cs.LG': ['ML'],
  'cs.RO': ['robotics'],
  'eess.SP': ['signal processing', 'DSP'],
};

/** "not LG", "papers that are not CV", "except cs.CR": a category the answer leaves out. */
const SET_ASIDE_CATEGORY =
  /\b(?:not|except|excluding|but\s+not|other\s+than|outside(?:\s+of)?)\s+(?:in\s+)?(?:the\s+)?((?:cs|eess|stat)\.[a-z]{2}|[a-z]{2,3})(?![\p{L}\p{N}.])/giu;

/** Categories the question sets aside, by code or everyday abbreviation; claims them. */
export function claimSetAsideCategories(spans: TextSpans): string[] {
  return spans.claim(SET_ASIDE_CATEGORY, (m) => {
    const token = m[1] as string;
    const code = ABBREVIATIONS[token.toLowerCase()] ?? token;
    // A two-letter word ("not in", "not me") is a category only as one the list knows, in capitals or dotted.
    if (!/\./u.test(token) && !ABBREVIATIONS[token.toLowerCase()] && token !== token.toUpperCase())
      return undefined;
    return categoryFromCode(code)?.code;
  });
}

/** `id:<paper-id>`: an exact paper, for people who know its id (platforms pick papers through `Core.paperQuery`). */
export function claimPaperIds(spans: TextSpans): string[] {
  return spans.claim(/\bid:\s*([a-z0-9]+(?:-[a-z0-9]+)*)/iu, (m) => (m[1] as string).toLowerCase());
}
