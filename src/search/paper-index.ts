import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
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
  /** Every asked-for term matched the title or a name the paper introduces. */
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

const FIELDS = ['title', 'aliases', 'abstract'];
const BOOST = { aliases: 4, title: 2.5, abstract: 1 };
/** Prefix matching is for a word still being typed; short stems would match too much. */
const MIN_PREFIX_LENGTH = 4;

export const INDEX_OPTIONS = {
  idField: 'id',
  fields: FIELDS,
  extractField: (doc: IndexedPaper, field: string): string => {
    if (field === 'aliases') return doc.aliases.join(' ');
    if (field === 'abstract') return plainAbstractText(doc.abstract);
    return field === 'title' ? doc.title : doc.id;
  },
  tokenize,
  processTerm,
  searchOptions: { boost: BOOST, combineWith: 'AND', prefix: false, fuzzy: false },
} as const;

/**
 * Full-text search over titles, aliases and abstracts. Matching is strict
 * first (every word, stemmed, with synonyms), then forgiving in steps that are
 * reported back: a typo fixed within a small edit budget, then "most of the
 * words". A word nothing resembles is never matched by accident.
 */
export class PaperIndex {
  readonly #search: MiniSearch<IndexedPaper>;
  readonly #papers: ReadonlyMap<string, IndexedPaper>;

  constructor(papers: readonly IndexedPaper[]) {
    this.#papers = new Map(papers.map((paper) => [paper.id, paper]));
    this.#search = new MiniSearch<IndexedPaper>(INDEX_OPTIONS);
    this.#search.addAll(papers);
  }

  /** True when the word, as the index analyses it, occurs in some paper. */
  hasWord(word: string): boolean {
    return processTerm(word) !== null && this.#run(word, { prefix: false }).length > 0;
  }

  search(topic: string, allowed?: (id: string) => boolean): TopicSearch {
    const groups = termGroups(topic);
    const result: TopicSearch = { hits: [], corrections: [], missing: [], partial: false };
    if (groups.length === 0) return result;
    const filter = allowed ? { filter: (hit: SearchResult) => allowed(hit.id as string) } : {};

    let hits = this.#run(this.#query(groups), filter);
    if (this.#finish(hits, groups).length > 0)
      return { ...result, hits: this.#finish(hits, groups) };

    const known: TermGroup[] = [];
    for (const group of groups) {
      if (this.#run(this.#groupQuery(group, false)).length > 0) {
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

    hits = this.#run(this.#query(known), filter);
    result.partial = result.missing.length > 0;
    if (hits.length === 0 && known.length >= 3) {
      const needed = Math.ceil(known.length * 0.6);
      const termsOf = known.map(groupTerms);
      hits = this.#run(this.#query(known), { ...filter, combineWith: 'OR' }).filter((hit) => {
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

  /** Drops hits that matched a synonym phrase only as scattered words, and marks strong hits. */
  #finish(hits: SearchResult[], groups: readonly TermGroup[]): TopicHit[] {
    const termsOf = groups.map(groupTerms);
    const phraseGroups = groups.filter((group) => group.typed);
    const kept =
      phraseGroups.length === 0
        ? hits
        : hits.filter((hit) => phraseGroups.every((group) => this.#hasVariant(hit, group)));
    return kept.map((hit) => ({
      id: hit.id as string,
      score: hit.score,
      strong: termsOf.every((terms) =>
        Object.entries(hit.match).some(
          ([term, fields]) =>
            [...terms].some((t) => term.startsWith(t)) &&
            fields.some((field) => field === 'title' || field === 'aliases'),
        ),
      ),
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
    let best: { word: string; distance: number; papers: number } | undefined;
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const [candidate, papers] of this.#vocabulary().get(length) ?? []) {
        const distance = editDistance(word, candidate, budget);
        if (distance > budget) continue;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && papers > best.papers)
        ) {
          best = { word: candidate, distance, papers };
        }
      }
    }
    return best?.word;
  }

  #vocabularyByLength: Map<number, Map<string, number>> | undefined;

  /** Words of all papers, by length, with how many papers use each; built on first need. */
  #vocabulary(): Map<number, Map<string, number>> {
    if (this.#vocabularyByLength) return this.#vocabularyByLength;
    const byLength = new Map<number, Map<string, number>>();
    for (const paper of this.#papers.values()) {
      const text = normalizeText(
        `${paper.title} ${paper.aliases.join(' ')} ${plainAbstractText(paper.abstract)}`,
      );
      for (const word of new Set(text.match(/\p{L}[\p{L}\p{N}]*/gu))) {
        if (processTerm(word) === null) continue;
        const words = byLength.get(word.length) ?? new Map<string, number>();
        words.set(word, (words.get(word) ?? 0) + 1);
        byLength.set(word.length, words);
      }
    }
    this.#vocabularyByLength = byLength;
    return byLength;
  }
}
