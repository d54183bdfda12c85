import { PAPER_NOUNS } from './filler.js';
import type { Order } from './query.js';
import type { TextSpans } from './text-spans.js';

const NUMBER = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
const NEWEST = String.raw`latest|newest|most\s+recent(?:ly\s+published)?|last(?!\s+(?:quarter|half|year|month|week))|recently\s+published`;
const OLDEST = String.raw`oldest|earliest|first(?![\s-]*author)(?!\s+(?:half|quarter))`;

const IS_OLDEST = new RegExp(`^(?:${OLDEST})$`, 'iu');
const ORDER_THEN_COUNT = new RegExp(String.raw`\b(${NEWEST}|${OLDEST}|top)\s+${NUMBER}\b`, 'iu');
const COUNT_THEN_ORDER = new RegExp(String.raw`\b${NUMBER}\s+(${NEWEST}|${OLDEST})\b`, 'iu');
/** "newest first", "oldest ones first": a sort order, where "first" is not "the first paper". */
const SORTED_FIRST =
  /\b(newest|latest|most\s+recent|recent|newer|new|oldest|earliest|older|old)\s+(?:ones\s+|papers\s+)?first\b/iu;
/** "older stuff", "newer papers", but not "newer papers than 2020" (a date) or "more recent" (a window). */
const COMPARATIVE = new RegExp(
  String.raw`\b(older|earlier|newer)\b(?=\s+(?:${PAPER_NOUNS})\b)(?![^?.!]*\bthan\b)`,
  'iu',
);
const ORDER_WORD = new RegExp(String.raw`\b(?:the\s+)?(${NEWEST}|${OLDEST})\b`, 'iu');

export interface OrderUnderstanding {
  order?: Order;
  limit?: number;
}

function toNumber(word: string): number {
  const index = NUMBER_WORDS.indexOf(word.toLowerCase());
  return Math.max(1, index >= 0 ? index + 1 : Number(word));
}

/**
 * "latest", "oldest", "top 3", "5 newest", "sorted by date"; a singular
 * noun beside an ordering word ("the most recent paper", "the latest
 * thing") asks for one.
 */
export function claimOrder(spans: TextSpans): OrderUnderstanding {
  const result: OrderUnderstanding = {};
  const orderOf = (word: string): Order => (IS_OLDEST.test(word) ? 'oldest' : 'newest');

  spans.claim(ORDER_THEN_COUNT, (m) => {
    if (!/^top$/iu.test(m[1] as string)) result.order = orderOf(m[1] as string);
    result.limit = toNumber(m[2] as string);
    return true;
  });
  spans.claim(COUNT_THEN_ORDER, (m) => {
    result.limit = toNumber(m[1] as string);
    result.order = orderOf(m[2] as string);
    return true;
  });
  spans.claim(SORTED_FIRST, (m) => {
    result.order = /^(?:old|earl)/iu.test(m[1] as string) ? 'oldest' : 'newest';
    return true;
  });
  spans.claim(COMPARATIVE, (m) => {
    result.order = /^(?:old|earl)/iu.test(m[1] as string) ? 'oldest' : 'newest';
    return true;
  });
  spans.claim(
    /\b(?:sorted|ordered|sort|order)\s+by\s+(?:date|year|time|publication\s+date)\b/iu,
    () => {
      result.order = 'newest';
      return true;
    },
  );
  spans.claim(ORDER_WORD, (m) => {
    result.order = orderOf(m[1] as string);
    return true;
  });
  const singular = /\b(?:paper|thing|one|publication|article|preprint)\b(?!s)/iu;
  if (result.order && result.limit === undefined && singular.test(spans.text)) {
    result.limit = 1;
  }
  return result;
}
