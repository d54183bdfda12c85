import { parseVenue } from '../corpus/venue.js';
import { isEnglishWord } from '../text/english-words.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { PAPER_NOUNS } from './filler.js';
import { KNOWN_VENUES } from './known-venues.js';
import type { VenueFilter } from './query.js';
import type { TextSpans } from './text-spans.js';

/** Words that say a venue follows ("at NeurIPS", "accepted to ICLR"). */
const CUE = String.raw`(?:at|in|to|for|from|@|appeared\s+(?:at|in)|accepted\s+(?:at|to|by)|went\s+to|published\s+(?:at|in))`;
/** Cues strong enough to make "DATE" or "FPGA" a venue: "in" or "for" could precede a topic. */
const STRONG_CUE = /^(?:at|@|appeared|accepted|went|published)\b/iu;

/**
 * Venue names the corpus uses plus well-known ones, with their other names
 * ("NIPS" → NeurIPS). A name that is also an everyday or a field word ("DATE",
 * "FPGA", "MICRO") counts only with a cue or a year beside it.
 */
export class VenueNames {
  readonly #canonical = new Map<string, string>();
  /** Names of the venues papers were published at, lower-cased. */
  readonly #inCorpus = new Set<string>();
  readonly #pattern: RegExp | undefined;
  readonly #isTopicWord: (word: string) => boolean;

  constructor(corpusVenues: Iterable<string>, isTopicWord: (word: string) => boolean) {
    this.#isTopicWord = isTopicWord;
    for (const [name, ...aliases] of KNOWN_VENUES) {
      for (const alias of [name, ...aliases]) this.#canonical.set(alias.toLowerCase(), name);
    }
    for (const venue of corpusVenues) {
      const { name } = parseVenue(venue);
      this.#inCorpus.add(name.toLowerCase());
      if (!this.#canonical.has(name.toLowerCase())) this.#canonical.set(name.toLowerCase(), name);
    }
    const names = [...this.#canonical.keys()].sort((a, b) => b.length - a.length);
    this.#pattern =
      names.length === 0
        ? undefined
        : new RegExp(
            String.raw`(?:\b(${CUE})\s+(?:the\s+)?)?(?<![\p{L}\p{N}])(${names.map((n) => escapeRegExp(n).replace(/\s+/gu, '\\s+')).join('|')})(?![\p{L}\p{N}])(?:\s*(?:'|’)?((?:19|20)?\d\d)(?!\d))?(\s+(?:conference|conf|workshop|symposium|journal|proceedings)\b)?`,
            'giu',
          );
  }

  /** The name as the corpus or the venue list writes it. */
  canonical(asked: string): string | undefined {
    return this.#canonical.get(asked.toLowerCase().replace(/\s+/gu, ' '));
  }

  /** True when some paper was published at the venue. */
  inCorpus(name: string): boolean {
    return this.#inCorpus.has(name.toLowerCase());
  }

  get pattern(): RegExp | undefined {
    return this.#pattern;
  }

  /** True when a bare mention could as well be a word ("date", "FPGA accelerators"). */
  ambiguous(asked: string): boolean {
    return asked.split(/\s+/u).some((word) => isEnglishWord(word) || this.#isTopicWord(word));
  }
}

/** What a name followed by one of these (or by nothing) names: "CVPR papers", "any CVPR stuff?". */
const LISTED_AFTER = new RegExp(String.raw`^\s*(?:[?!.,;:]|$|(?:${PAPER_NOUNS})\b)`, 'iu');

/**
 * A venue name papers also use as a word ("CVPR" in an abstract) is the
 * venue when some paper was published there, it is no English word, and
 * nothing but the papers follows it: "CVPR papers", but "CVPR competition".
 */
function standsAsVenue(
  match: RegExpExecArray,
  asked: string,
  name: string,
  venues: VenueNames,
): boolean {
  return (
    venues.inCorpus(name) &&
    !asked.split(/\s+/u).some((word) => isEnglishWord(word)) &&
    LISTED_AFTER.test(match.input.slice(match.index + match[0].length))
  );
}

/** "at any venue", "peer-reviewed" → true; "preprints only", "unpublished", "not at any venue" → false. */
const PUBLISHED =
  /\b(?:published|appeared|accepted)\s+(?:at|in)\s+(?:a|any|some)\s+(?:venue|conference|journal)s?\b|\bpeer[- ]reviewed\b|\b(?:do\s+not|don['’]?t|no)\s+(?:show\s+|include\s+|want\s+)?(?:any\s+)?preprints\b|\b(?:accepted|published)\s+somewhere\b|\bgot\s+(?:into\s+)?(?:a\s+)?venue\b|\b(?:(?:made\s+it\s+)?(?:into|to)|at|in)\s+(?:a|any)\s+(?:venue|conference|journal)\b/iu;
const PREPRINT =
  /\b(?:preprints?\s+only|only\s+preprints?|(?:just|only)\s+(?:on\s+)?arxiv|arxiv[- ]only|unpublished|not\s+(?:yet\s+)?published|(?:haven'?t|hasn'?t|have\s+not|has\s+not|never|not)\s+(?:been\s+)?(?:published|accepted|appeared)(?:\s+(?:at|in)\s+(?:a|any)\s+(?:venue|conference|journal)s?)?|(?:at|in|with|have|has|had)\s+no\s+venue|without\s+(?:a\s+|any\s+)?venue|not\s+published\s+anywhere)\b/iu;

/** Whether the question asks for published papers or for preprints only; claims the words. */
export function claimPublished(spans: TextSpans): boolean | undefined {
  if (spans.take(PREPRINT)) return false;
  if (spans.take(/\bpreprints?\b(?=.*\bonly\b)|\b(?:only|just)\s+(?:the\s+)?preprints?\b/iu))
    return false;
  return spans.take(PUBLISHED) ? true : undefined;
}

/**
 * Venues the question names, with an edition year when one follows the name
 * ("NeurIPS 2022", "neurips '25"): that year is the venue's, not a date filter
 * (a paper dated October 2018 appeared at ICLR 2019).
 */
export function claimVenues(spans: TextSpans, venues: VenueNames): VenueFilter[] {
  const pattern = venues.pattern;
  if (!pattern) return [];
  return spans.claim(pattern, (m) => {
    const [, cue, asked, year, kind] = m as unknown as [
      string,
      string | undefined,
      string,
      string | undefined,
      string | undefined,
    ];
    const name = venues.canonical(asked);
    if (!name) return undefined;
    const said = year || kind || (cue && STRONG_CUE.test(cue));
    if (!said && venues.ambiguous(asked) && !standsAsVenue(m, asked, name, venues))
      return undefined;
    const edition = year ? Number(year.length === 2 ? `20${year}` : year) : undefined;
    return edition ? { name, year: edition } : { name };
  });
}
