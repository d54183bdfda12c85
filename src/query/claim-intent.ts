import type { TextSpans } from './text-spans.js';

export type Intent = 'help' | 'list' | 'detail' | 'count' | 'cite' | 'coauthors' | 'people-count';

const HELP =
  /^\W*(?:help|commands|usage|\?+|what can (?:you|i) (?:do|ask)|how (?:do|can) i use (?:you|this|it|pubbot)|what do you know)\W*$/iu;
const CITE =
  /\b(?:how\s+(?:do|should|can|would|to)\s+(?:i\s+|we\s+)?cite|cite|citations?(?:\s+(?:for|of))?|bibtex(?:\s+(?:entry\s+)?(?:for|of))?|bib\s+entry(?:\s+(?:for|of))?|reference\s+for)\b/iu;
const COAUTHOR_NOUN =
  /\b(?:(?:top|main|closest|usual|frequent|most\s+frequent|regular)\s+)?(?:co-?authors?|collab(?:orator)?s?|co-?workers?|colleagues)\b(?:\s+(?:of|for))?/iu;
const WHO_WITH = [
  /\bwho\s+(?:does|did|has|have|do|is)\b/iu,
  /\b(?:work(?:s|ed|ing)?|collab\w*|publish(?:es|ed|ing)?|writes?|wrote|written|co-?author(?:s|ed)?)\s+(?:(?:the\s+)?most(?:\s+often)?\s+)?(?:papers?\s+)?(?:together\s+)?(?:with|together)(?:\s+(?:the\s+)?most)?\b/iu,
];
const WHO_WORKS_WITH =
  /\b(?:who|whom)\s+(?:\w+\s+){0,2}(?:work(?:s|ed)?|collab\w*|publish(?:es|ed)?|writes?|wrote|co-?author(?:s|ed)?)\s+(?:with|together)\b|\bwith\s+whom\b/iu;
/** "how many people has X published with", "number of distinct authors": people counted, not papers. */
const HOW_MANY_PEOPLE =
  /\b(?:how\s+many|(?:the\s+)?number\s+of|count\s+(?:of\s+)?(?:the\s+)?)\s+(?:(?:different|distinct|unique|individual)\s+)?(?:people|persons|researchers|co-?authors|collaborators|authors|folks|names)\b/iu;
const COUNT =
  /\bhow\s+many\b|\bnumber\s+of\b|\bcount(?:\s+(?:of|the))?\b|\bhow\s+much\b|\btotal\s+(?:number|count)\b|\bin\s+total\b/iu;
const DETAIL = [
  /^\W*(?:what|who)(?:\s+is|'s|’s|\s+was|\s+are)\b/iu,
  /\b(?:tell\s+me\s+(?:more\s+)?about|more\s+(?:about|on))\b/iu,
  /\bshow\s+me\s+the\b(?=.*\bpaper\b(?!s))/iu,
];

/** "search for …", "look for …": the verb, not the topic "search". */
const SEARCH_VERB =
  /^\W*(?:please\s+)?(?:(?:i|we)(?:\s+(?:am|are|was|were))?\s+)?(?:search(?:ing)?|look(?:ing)?)(?:\s+(?:up|for))?\b/iu;

/** Decides what shape of answer the question wants, claiming the words that said so. */
export function claimIntent(spans: TextSpans): Intent {
  spans.take(SEARCH_VERB);
  if (HELP.test(spans.text)) {
    spans.claimRange(0, spans.text.length);
    return 'help';
  }
  if (spans.take(CITE)) return 'cite';
  if (spans.take(COAUTHOR_NOUN)) return 'coauthors';
  if (WHO_WORKS_WITH.test(spans.text) || WHO_WITH.every((pattern) => pattern.test(spans.text))) {
    // The words between "who" and the verb may be the person ("who does yiren work with").
    spans.take(/\bwith\s+whom\b/iu);
    for (const pattern of WHO_WITH) spans.take(pattern);
    spans.take(/\b(?:who|whom)\b/iu);
    return 'coauthors';
  }
  if (spans.take(HOW_MANY_PEOPLE)) return 'people-count';
  if (spans.take(COUNT)) return 'count';
  let detail = false;
  for (const pattern of DETAIL) detail = spans.take(pattern) || detail;
  return detail ? 'detail' : 'list';
}
