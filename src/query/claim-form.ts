import type { Facet } from './query.js';
import type { TextSpans } from './text-spans.js';

/**
 * Words about what to show rather than what to search: "link", "pdf", "who
 * wrote", "when", "abstract", "venue". Each facet's phrases, most specific
 * first; the words are claimed so they never become topic words.
 */
const FACETS: ReadonlyArray<readonly [Facet, RegExp]> = [
  [
    'link',
    /\b(?:arxiv\s+(?:ids?|links?|urls?|pages?|numbers?|entr(?:y|ies))|(?:the\s+)?(?:paper\s+|abs\s+)?(?:links?|urls?|web\s*pages?|websites?|homepages?)(?:\s+(?:to|for|of|on))?|arxiv)\b/iu,
  ],
  ['pdf', /\b(?:(?:the\s+)?pdfs?|full[- ]text|download(?:\s+link)?)(?:\s+(?:of|for|to))?\b/iu],
  [
    'code',
    /\b(?:(?:is|are)\s+there\s+(?:any\s+)?(?:source\s+)?code|(?:source\s+)?code\s+(?:for|of|to)|github(?:\s+(?:repo|repository|link|page))?|repo(?:sitory)?|implementation|source\s+code|code(?=\W*$))\b(?:\s+(?:for|of))?/iu,
  ],
  [
    'authors',
    /\b(?:who\s+(?:wrote|writes|made|built|created|authored|developed|proposed|introduced|designed|is\s+behind|was\s+behind|are\s+the\s+authors\s+of|worked\s+on)|(?:the\s+)?(?:authors?|writers?)(?:\s+(?:of|for|on|list))?|author\s+list)\b/iu,
  ],
  [
    'date',
    /\b(?:when\s+(?:was|were|did|is|does)|when(?=.*\b(?:out|published|released|appear))|what\s+(?:year|date|month)\s+(?:was|were|did|is)|(?:come|came)\s+out|release\s+date|publication\s+date)\b/iu,
  ],
  [
    'abstract',
    /\b(?:(?:the\s+)?(?:abstract|summary|tl;?\s?dr|overview|synopsis|details?|info(?:rmation)?)(?:\s+(?:of|for|on|about))?|summari[sz]e|explain|describe)\b/iu,
  ],
  [
    'venue',
    /\b(?:where\s+(?:was|were|did|is)(?=.*\b(?:published|appear|accepted|presented))|(?:which|what)\s+(?:venue|conference|journal)|(?:the\s+)?venue(?:\s+(?:of|for))?)\b/iu,
  ],
];

/** The facts a question asks to see, in the order the question asks for them; claims their words. */
export function claimFacets(spans: TextSpans): Facet[] {
  const found: Array<{ facet: Facet; at: number }> = [];
  for (const [facet, pattern] of FACETS) {
    spans.claim(pattern, (m) => {
      found.push({ facet, at: m.index });
      return true;
    });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.facet))];
}
