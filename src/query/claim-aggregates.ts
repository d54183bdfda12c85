import type { GroupBy } from './query.js';
import type { TextSpans } from './text-spans.js';

const UNIT: ReadonlyArray<readonly [GroupBy, string]> = [
  ['year', 'years?|yrs?|annum'],
  ['category', String.raw`categor(?:y|ies)|arxiv\s+categor(?:y|ies)|subjects?|areas?|fields?`],
  ['venue', 'venues?|conferences?|journals?'],
  ['author', 'authors?|people|persons?|researchers?|members?'],
];

const UNIT_PATTERNS = UNIT.map(([groupBy, unit]) => ({
  groupBy,
  pattern: new RegExp(
    String.raw`\b(?:(?:a\s+)?(?:break\s*down|breakdown|split|distribution|histogram|count|counts|number\s+of\s+papers)\s+)?(?:per|each|every|by|across|over|for\s+each|for\s+every|grouped\s+by|split\s+by|broken\s+down\s+by|of|in${groupBy === 'year' ? '|a' : ''})\s+(?:the\s+)?(?:${unit})\b`,
    'iu',
  ),
  plain: new RegExp(String.raw`\b(?:${unit})\s+by\s+(?:${unit})\b`, 'iu'),
}));

/**
 * "per year", "each year", "by category", "breakdown by venue", "over time",
 * "yearly": papers counted per group. Runs before people are read, so the
 * "by" of "by category" is never taken for "by <author>".
 */
export function claimGroupBy(
  spans: TextSpans,
): { groupBy: GroupBy; mostFirst: boolean; onlyTop?: true } | undefined {
  const most =
    spans.claim(WHICH_HAS_MOST, (m) => m[1] as string)[0] ??
    spans.claim(MOST_UNIT, (m) => (m[1] ?? m[2]) as string)[0];
  const mostBy = most ? unitOf(most) : undefined;
  if (most && mostBy) {
    spans.take(SUPERLATIVE);
    // "which year had the most" asks for the year; "which years had the most" for them in order.
    return /(?:s|people)$/iu.test(most)
      ? { groupBy: mostBy, mostFirst: true }
      : { groupBy: mostBy, mostFirst: true, onlyTop: true };
  }
  const groupBy = claimGroupUnit(spans);
  return groupBy ? { groupBy, mostFirst: false } : undefined;
}

const MOST_UNITS =
  'years?|categor(?:y|ies)|subjects?|venues?|conferences?|journals?|authors?|persons?|people';
/** "the most", "busiest", "most productive", but not "most recent" (an order). */
const SUPERLATIVE =
  /\b(?:the\s+)?(?:most(?!\s+recent)(?:\s+(?:productive|prolific|active|papers))?|busiest|peak)\b/iu;
/**
 * "which year had the most papers", "in which year was most of papers
 * published", "which venue did X publish the most at": the unit is claimed,
 * and the superlative later in the sentence; the words between stay to be read.
 */
const WHICH_HAS_MOST = new RegExp(
  String.raw`\b(?:which|what)\s+(${MOST_UNITS})\b(?=[^?.!]*\b(?:most(?!\s+recent)|busiest)\b)`,
  'iu',
);
/** "X's busiest year", "the year with the most papers". */
const MOST_UNIT = new RegExp(
  String.raw`\b(?:busiest|most\s+productive|peak)\s+(${MOST_UNITS})\b|\b(${MOST_UNITS})\s+with\s+(?:the\s+)?most(?!\s+recent)\b`,
  'iu',
);

/** "which categories has X published in", "venues of the 2025 papers": a plural unit asks for each of them, counted. */
const WHICH_UNITS =
  /\b(?:which|what)\s+(?:arxiv\s+)?(categories|subjects|areas|fields|venues|conferences|journals|years)\b|\b(categories|venues|conferences|journals)\s+(?:of|for)\b/iu;

function unitOf(word: string): GroupBy | undefined {
  return UNIT.find(([, pattern]) => new RegExp(`^(?:${pattern})$`, 'iu').test(word))?.[0];
}

function claimGroupUnit(spans: TextSpans): GroupBy | undefined {
  for (const { groupBy, pattern, plain } of UNIT_PATTERNS) {
    // "of"/"in" + unit only count after a breakdown word ("distribution of categories"), never alone ("in the field").
    const matched = spans.claim(pattern, (m) =>
      /^(?:of|in)\b/iu.test(m[0].trim()) ? undefined : true,
    );
    if (matched.length > 0 || spans.take(plain)) {
      // "breakdown of Yiren Zhao's papers by category": the breakdown word stood apart from its unit.
      spans.take(/\b(?:break\s*down|breakdown|distribution|histogram|tally)(?:\s+of)?\b/iu);
      return groupBy;
    }
  }
  const plural = spans.claim(WHICH_UNITS, (m) => (m[1] ?? m[2]) as string)[0];
  if (plural) return unitOf(plural);
  if (
    spans.take(
      /\b(?:over\s+time|over\s+the\s+years|yearly|annual(?:ly)?|per-year|year-by-year)\b/iu,
    )
  )
    return 'year';
  if (spans.take(/\b(?:break\s*down|breakdown)\b/iu)) return 'category';
  return undefined;
}

/**
 * "who published the most", "most prolific author", "top authors", "who has
 * the most first-author papers": people ranked by papers in scope, by first
 * (or last) authorships when the phrase says so. Claims the words.
 */
export function claimRanking(spans: TextSpans): { position?: 'first' | 'last' } | undefined {
  const found = spans.claim(RANKING, (m) => m[0]);
  if (found.length === 0) return undefined;
  const said = found.join(' ');
  if (/\b(?:first|lead|leading|main)[- ]?author|\b(?:leads?|led)\b/iu.test(said))
    return { position: 'first' };
  if (/\b(?:last|senior)[- ]?author/iu.test(said)) return { position: 'last' };
  return {};
}

const RANKING = new RegExp(
  [
    String.raw`\bwho\s+(?:has\s+|have\s+|had\s+)?(?:published|publish(?:es)?|written|wrote|writes?|authored|co-?authored|has|had|have|is\s+on|appears?\s+on|leads?|led|is\s+first\s+author\s+on)\s+(?:the\s+)?most\b`,
    String.raw`\b(?:the\s+)?(?:most\s+(?:prolific|productive|published|active|frequent)|top|leading|busiest)\s+(?:\d+\s+)?(?:(?:first|lead|last|senior)[- ]?)?(?:authors?|researchers?|people|persons?|writers?|contributors?|members?|publishers?)\b`,
    String.raw`\bwho(?:\s+is|\s+was|\s+are|'s|’s)\s+(?:the\s+)?(?:most\s+(?:prolific|productive|published|active)|top\s+(?:author|researcher))\b`,
    String.raw`(?:\bwho\s+(?:is|was|are|appears?\s+as)\s+)?(?:the\s+)?\b(?:first|last|lead|senior)[- ]author\s+(?:the\s+)?most(?!\s+recent)(?:\s+often)?\b`,
    String.raw`\bmost\s+(?:prolific|productive)\b(?=\s*(?:[?!.,]|$|one\b|person\b))`,
  ].join('|'),
  'iu',
);
