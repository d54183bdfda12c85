import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchOptions,
  type SearchResult,
} from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { plainAbstractText } from '../corpus/plain-abstract.js';
import { editDistance, typoBudget } from '../text/edit-distance.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { normalizeText } from '../text/fold.js';
import { processTerm, tokenize } from './analyzer.js';
import { groupTerms, type TermGroup, termGroups } from './term-groups.js';

export interface TopicHit {
  id: string;
  score: number;
  /** Every asked-for term matched the title or a name the paper introduces (judged for the top hits). */
  strong: boolean;
}

export interface TopicSearch {
  hits: TopicHit[];
  /** Typos fixed on the way ("flaeron" → "flareon"). */
  corrections: Array<{ from: string; to: string }>;
  /** Words no paper contains, even allowing for a typo. */
  missing: string[];
  /** Not every word matched: the hits match most of them. */
  partial: boolean;
}

type IndexedPaper = Pick<Paper, 'id' | 'title' | 'aliases' | 'abstract'>;

const BOOST = { aliases: 4, title: 2.5, abstract: 1 };
/** Prefix matching is for a word still being typed; short stems would match too much. */
const MIN_PREFIX_LENGTH = 4;
/** Only the best hits can be "the paper meant"; judging strength further down is wasted work. */
const STRENGTH_JUDGED = 20;
const SNAPSHOT_VERSION = 1;

/** minisearch options, shared by building, snapshot loading and the benchmark's bare search. */
export const INDEX_OPTIONS: Options<IndexedPaper> & { searchOptions: SearchOptions } = {
  idField: 'id',
  fields: ['title', 'aliases', 'abstract'],
  extractField: (doc: IndexedPaper, field: string): string => {
    if (field === 'aliases') return doc.aliases.join(' ');
    if (field === 'abstract') return plainAbstractText(doc.abstract);
    return field === 'title' ? doc.title : doc.id;
  },
  tokenize,
  processTerm,
  searchOptions: { boost: BOOST, combineWith: 'AND', prefix: false, fuzzy: false, processTerm },
};

/** Words as papers write them, by length, with how often they occur: the typo-repair dictionary. */
type Vocabulary = Map<number, Map<string, number>>;

interface Snapshot {
  v: number;
  index: AsPlainObject;
  vocabulary: Array<[string, number]>;
}

/**
 * Full-text search over titles, aliases and abstracts. Matching is strict
 * first (every word, stemmed, with synonyms), then forgiving in steps that are
 * reported back: a typo fixed within a small edit budget, then "most of the
 * words". A word nothing resembles is never matched by accident.
 */
export class PaperIndex {
  readonly #search: MiniSearch<IndexedPaper>;
  readonly #papers: ReadonlyMap<string, IndexedPaper>;
  /** Index terms (stems), for cheap "does any paper use this word?" checks. */
  readonly #terms: Set<string>;
  readonly #vocabulary: Vocabulary;

  constructor(
    papers: readonly IndexedPaper[],
    loaded?: { search: MiniSearch<IndexedPaper>; vocabulary: Vocabulary },
  ) {
    this.#papers = new Map(papers.map((paper) => [paper.id, paper]));
    if (loaded) {
      this.#search = loaded.search;
      this.#vocabulary = loaded.vocabulary;
    } else {
      this.#vocabulary = new Map();
      this.#search = new MiniSearch<IndexedPaper>({
        ...INDEX_OPTIONS,
        // Indexing sees every word once, so it is where the dictionary is gathered.
        processTerm: (token) => {
          const term = processTerm(token);
          if (term) addWord(this.#vocabulary, token);
          return term;
        },
      });
      this.#search.addAll(papers);
    }
    this.#terms = new Set();
    for (const words of this.#vocabulary.values()) {
      for (const word of words.keys()) {
        const term = processTerm(word);
        if (term) this.#terms.add(term);
      }
    }
  }

  /** A saved index, so a restart does not rebuild it; pass the same papers it was built from. */
  static fromSnapshot(snapshot: string, papers: readonly IndexedPaper[]): PaperIndex {
    const parsed = JSON.parse(snapshot) as Snapshot;
    if (parsed.v !== SNAPSHOT_VERSION)
      throw new Error(`index snapshot version ${parsed.v} is not ${SNAPSHOT_VERSION}`);
    const vocabulary: Vocabulary = new Map();
    for (const [word, count] of parsed.vocabulary) addWord(vocabulary, word, count);
    const search = MiniSearch.loadJS<IndexedPaper>(parsed.index, INDEX_OPTIONS);
    return new PaperIndex(papers, { search, vocabulary });
  }

  toSnapshot(): string {
    const vocabulary = [...this.#vocabulary.values()].flatMap((words) => [...words]);
    return JSON.stringify({
      v: SNAPSHOT_VERSION,
      index: this.#search.toJSON(),
      vocabulary,
    } satisfies Snapshot);
  }

  /** True when the word, as the index analyses it, occurs in some paper. */
  hasWord(word: string): boolean {
    const term = processTerm(word);
    return term !== null && this.#terms.has(term);
  }

  /**
   * Papers matching `topic`, best first. `allowed` restricts the papers
   * considered; it is applied while scoring, so excluded papers cost no score.
   */
  search(topic: string, allowed?: (id: string) => boolean): TopicSearch {
    const groups = termGroups(topic);
    const result: TopicSearch = { hits: [], corrections: [], missing: [], partial: false };
    if (groups.length === 0) return result;
    const restrict: SearchOptions = allowed
      ? { boostDocument: (id) => (allowed(id as string) ? 1 : 0) }
      : {};

    const strict = this.#finish(this.#run(this.#query(groups), restrict), groups);
    if (strict.length > 0) return { ...result, hits: strict };

    const known: TermGroup[] = [];
    for (const group of groups) {
      if (this.#isKnown(group)) {
        known.push(group);
        continue;
      }
      const correction = this.#correct(group);
      if (correction) {
        result.corrections.push({ from: group.label, to: correction });
        known.push({ label: correction, variants: [[correction]] });
      } else {
        result.missing.push(group.label);
      }
    }
    // Dropping unknown words is only honest when they are a small part of the question.
    const tolerable = result.missing.length * 3 <= groups.length && known.length >= 2;
    if (result.missing.length > 0 && !tolerable) return result;

    let hits = this.#run(this.#query(known), restrict);
    result.partial = result.missing.length > 0;
    if (hits.length === 0 && known.length >= 3) {
      const needed = Math.ceil(known.length * 0.6);
      const termsOf = known.map(groupTerms);
      hits = this.#run(this.#query(known), { ...restrict, combineWith: 'OR' }).filter((hit) => {
        const matched = termsOf.filter((terms) => hit.queryTerms.some((t) => terms.has(t)));
        return matched.length >= needed;
      });
      result.partial = hits.length > 0;
    }
    return { ...result, hits: this.#finish(hits, known) };
  }

  #run(query: Query, options: SearchOptions = {}): SearchResult[] {
    return this.#search.search(query, options);
  }

  #isKnown(group: TermGroup): boolean {
    return group.variants.some((words) => words.every((word) => this.hasWord(word)));
  }

  #query(groups: readonly TermGroup[]): Query {
    return {
      combineWith: 'AND',
      queries: groups.map((group, index) => this.#groupQuery(group, index === groups.length - 1)),
    };
  }

  #groupQuery(group: TermGroup, isLast: boolean): Query {
    const prefix = isLast && group.variants.length === 1 && group.variants[0]?.length === 1;
    return {
      combineWith: 'OR',
      prefix: prefix ? (term: string) => term.length >= MIN_PREFIX_LENGTH : false,
      queries: group.variants.map((words) => ({ combineWith: 'AND', queries: words })),
    };
  }

  /** Drops hits that matched a synonym phrase only as scattered words, and judges the top hits' strength. */
  #finish(hits: SearchResult[], groups: readonly TermGroup[]): TopicHit[] {
    const termsOf = groups.map(groupTerms);
    const phraseGroups = groups.filter((group) => group.typed);
    const kept =
      phraseGroups.length === 0
        ? hits
        : hits.filter((hit) => phraseGroups.every((group) => this.#hasVariant(hit, group)));
    return kept.map((hit, rank) => ({
      id: hit.id as string,
      score: hit.score,
      strong: rank < STRENGTH_JUDGED && termsOf.every((terms) => matchedInTitleOrName(hit, terms)),
    }));
  }

  #hasVariant(hit: SearchResult, group: TermGroup): boolean {
    const paper = this.#papers.get(hit.id as string);
    return group.variants.some((words) => {
      if (words.length === 1 || words.join(' ') === group.typed?.join(' ')) {
        return words.every((word) => {
          const term = processTerm(word);
          return term !== null && hit.queryTerms.includes(term);
        });
      }
      const phrase = new RegExp(
        `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('[\\s-]+')}`,
        'u',
      );
      return (
        paper !== undefined &&
        phrase.test(normalizeText(`${paper.title} ${plainAbstractText(paper.abstract)}`))
      );
    });
  }

  /**
   * The closest word the papers use, within the typo budget for the word's
   * length, counting a swap of neighbours as one edit ("flaeron" → "flareon",
   * "federatd" → "federated"). Compares words as written, not stems, so a
   * typo is judged against what the user meant to type.
   */
  #correct(group: TermGroup): string | undefined {
    const [variant] = group.variants;
    if (group.variants.length !== 1 || variant?.length !== 1) return undefined;
    const word = normalizeText(variant[0] as string);
    const budget = typoBudget(word.length);
    if (budget === 0) return undefined;
    let best: { word: string; distance: number; count: number } | undefined;
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const [candidate, count] of this.#vocabulary.get(length) ?? []) {
        const distance = editDistance(word, candidate, budget);
        if (distance > budget) continue;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && count > best.count)
        ) {
          best = { word: candidate, distance, count };
        }
      }
    }
    return best?.word;
  }
}

function addWord(vocabulary: Vocabulary, word: string, count = 1): void {
  let words = vocabulary.get(word.length);
  if (!words) {
    words = new Map();
    vocabulary.set(word.length, words);
  }
  words.set(word, (words.get(word) ?? 0) + count);
}

function matchedInTitleOrName(hit: SearchResult, terms: ReadonlySet<string>): boolean {
  for (const [term, fields] of Object.entries(hit.match)) {
    if (!fields.includes('title') && !fields.includes('aliases')) continue;
    for (const t of terms) if (term.startsWith(t)) return true;
  }
  return false;
}
