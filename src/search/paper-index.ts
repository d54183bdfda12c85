import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchOptions,
  type SearchResult,
} from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { plainAbstractText } from '../corpus/plain-abstract.js';
import { typoBudget } from '../text/edit-distance.js';
import { isEnglishWord } from '../text/english-words.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { normalizeText } from '../text/fold.js';
import { NearWords } from '../text/near-words.js';
import { processTerm, tokenize } from './analyzer.js';
import { findAcronyms } from './find-acronyms.js';
import { type CommonTermOptions, PresenceSets } from './presence-sets.js';
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
const SNAPSHOT_VERSION = 3;
/** A word in this share of papers or more narrows little: when rarer words are asked too, it only ranks. */
const GENERIC_SHARE = 0.15;
/** …or when it is this many times as common as the rarest word asked. */
const GENERIC_RATIO = 3;

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
const TEXT_FIELDS = INDEX_OPTIONS.fields;

/** Words as papers write them, with how often they occur. */
type Vocabulary = Map<string, number>;

interface Snapshot {
  v: number;
  index: AsPlainObject;
  vocabulary: Array<[string, number]>;
  presence: ReturnType<PresenceSets['toJSON']>;
  frequency: Array<[string, number]>;
  acronyms: Array<[string, string[]]>;
}

interface Prepared {
  search: MiniSearch<IndexedPaper>;
  vocabulary: Vocabulary;
  presence: PresenceSets;
  /** Papers per index term (stem), scored or common; its keys are every term. */
  frequency: Map<string, number>;
  acronyms: Map<string, string[]>;
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
  readonly #vocabulary: Vocabulary;
  /** Very common terms, kept as presence bits rather than scored postings. */
  readonly #presence: PresenceSets;
  /** Papers per index term (stem): "does any paper use this word?" and how specific it is. */
  readonly #frequency: Map<string, number>;
  /** Abbreviations the papers define, with their expansions. */
  readonly #acronyms: Map<string, string[]>;
  /** Names papers introduce, by their letters alone: a topic naming one is about that paper. */
  readonly #aliasKeys: Set<string>;
  /** The typo-repair dictionary, built on the first typo: most runs never need it. */
  #dictionary: NearWords<{ word: string; count: number }> | undefined;

  constructor(
    papers: readonly IndexedPaper[],
    { prepared, common }: { prepared?: Prepared; common?: CommonTermOptions } = {},
  ) {
    this.#papers = new Map(papers.map((paper) => [paper.id, paper]));
    const { search, vocabulary, presence, frequency, acronyms } = prepared ?? build(papers, common);
    this.#search = search;
    this.#vocabulary = vocabulary;
    this.#presence = presence;
    this.#frequency = frequency;
    this.#acronyms = acronyms;
    this.#aliasKeys = new Set(papers.flatMap((paper) => paper.aliases.map(lettersOnly)));
  }

  /** A saved index, so a restart does not rebuild it; pass the same papers it was built from. */
  static fromSnapshot(snapshot: string, papers: readonly IndexedPaper[]): PaperIndex {
    const parsed = JSON.parse(snapshot) as Snapshot;
    if (parsed.v !== SNAPSHOT_VERSION)
      throw new Error(`index snapshot version ${parsed.v} is not ${SNAPSHOT_VERSION}`);
    return new PaperIndex(papers, {
      prepared: {
        search: MiniSearch.loadJS<IndexedPaper>(parsed.index, INDEX_OPTIONS),
        vocabulary: new Map(parsed.vocabulary),
        presence: PresenceSets.fromJSON(parsed.presence),
        frequency: new Map(parsed.frequency),
        acronyms: new Map(parsed.acronyms),
      },
    });
  }

  toSnapshot(): string {
    const snapshot: Snapshot = {
      v: SNAPSHOT_VERSION,
      index: this.#search.toJSON(),
      vocabulary: [...this.#vocabulary],
      presence: this.#presence.toJSON(),
      frequency: [...this.#frequency],
      acronyms: [...this.#acronyms],
    };
    return JSON.stringify(snapshot);
  }

  /** True when the word, as the index analyses it, occurs in some paper. */
  hasWord(word: string): boolean {
    const term = processTerm(word);
    return term !== null && this.#frequency.has(term);
  }

  /**
   * Papers matching `topic`, best first. `allowed` restricts the papers
   * considered; it is applied while scoring, so excluded papers cost no score.
   * `prefix` lets the last word be unfinished (autocomplete); questions use
   * whole words, where prefixes only add noise and time.
   */
  search(
    topic: string,
    { allowed, prefix = false }: { allowed?: (id: string) => boolean; prefix?: boolean } = {},
  ): TopicSearch {
    const split = this.#splitCommon(termGroups(topic, this.#acronyms));
    const groups = split.scored;
    // A very common word beside a rarer one only ranks (see #splitGeneric); held as bits it cannot rank, so it drops.
    const rarest = Math.min(
      ...groups.map((group) => this.#groupFrequency(group)),
      ...split.common.map((term) => this.#frequency.get(term) ?? 0),
    );
    const common = split.common.filter(
      (term) => groups.length === 0 || !this.#isGeneric(this.#frequency.get(term) ?? 0, rarest),
    );
    const result: TopicSearch = { hits: [], corrections: [], missing: [], partial: false };
    const admits = (id: string) =>
      (!allowed || allowed(id)) && (common.length === 0 || this.#presence.hasAll(id, common));
    if (groups.length === 0) {
      // Only very common words: they narrow, in corpus order, but there is nothing to rank by.
      const ids = common.length > 0 ? this.#presence.papersWithAll(common) : [];
      return {
        ...result,
        hits: ids
          .filter((id) => !allowed || allowed(id))
          .map((id) => ({ id, score: 0, strong: false })),
      };
    }
    const restrict: SearchOptions =
      allowed || common.length > 0 ? { boostDocument: (id) => (admits(id as string) ? 1 : 0) } : {};

    // A title being typed: its last word is unfinished, so it cannot be judged known or mistyped yet.
    if (prefix) {
      const typed = this.#finish(this.#run(this.#query(groups, true), restrict), groups);
      if (typed.length > 0) return { ...result, hits: typed };
    }
    const known: TermGroup[] = [];
    for (const group of groups) {
      if (this.#isKnown(group)) {
        known.push(group);
        continue;
      }
      const correction = this.#correct(
        group,
        groups.filter((g) => g !== group && this.#isKnown(g)),
      );
      if (correction) {
        result.corrections.push({ from: group.label, to: correction });
        known.push({ label: correction, variants: [[correction]] });
      } else {
        result.missing.push(group.label);
      }
    }
    if (result.missing.length > 0 && !this.#mayLeaveOut(result.missing, groups, known))
      return result;
    result.partial = result.missing.length > 0;

    const { required, optional } = this.#splitGeneric(known);
    let hits = this.#run(this.#query(required, prefix), restrict);
    if (hits.length === 0 && required.length >= 3) {
      const needed = Math.ceil(required.length * 0.6);
      const termsOf = required.map(groupTerms);
      hits = this.#run(this.#query(required, prefix, 'OR'), restrict).filter((hit) => {
        const matched = termsOf.filter((terms) => hit.queryTerms.some((t) => terms.has(t)));
        return matched.length >= needed;
      });
      result.partial = hits.length > 0;
    }
    return { ...result, hits: this.#finish(this.#rank(hits, optional), required) };
  }

  /**
   * Dropping words no paper uses is honest only for noise: a word that is no
   * English word and no typo of a paper's word, in a longer question. An
   * English word the papers lack is a real constraint ("protein language
   * models" is not about language models), except beside a concept described
   * in everyday words, where it is part of the description ("spotting defects
   * in factory parts").
   */
  #mayLeaveOut(missing: readonly string[], groups: readonly TermGroup[], known: TermGroup[]) {
    const english = (word: string) => word.split(/[\s-]+/u).every(isEnglishWord);
    if (known.some((group) => group.concept)) return missing.every(english);
    return missing.length * 3 <= groups.length && known.length >= 2 && !missing.some(english);
  }

  /**
   * Which asked-for words must match and which only rank. A paper's own name
   * or a concept described in lay words decides alone, the rest ranks ("FLIP
   * benchmark link"); otherwise a word much commoner than the rarest one asked
   * ranks rather than narrows ("backdoor attacks": every backdoor paper, those
   * about attacks first).
   */
  #splitGeneric(groups: readonly TermGroup[]): { required: TermGroup[]; optional: TermGroup[] } {
    const decisive = groups.filter(
      (group) => group.concept || this.#aliasKeys.has(lettersOnly(group.label)),
    );
    if (decisive.length > 0) {
      return { required: decisive, optional: groups.filter((g) => !decisive.includes(g)) };
    }
    if (groups.length < 2) return { required: [...groups], optional: [] };
    const frequencies = groups.map((group) => this.#groupFrequency(group));
    const rarest = Math.min(...frequencies);
    const required = groups.filter((_, i) => !this.#isGeneric(frequencies[i] as number, rarest));
    const optional = groups.filter((_, i) => this.#isGeneric(frequencies[i] as number, rarest));
    return required.length > 0 ? { required, optional } : { required: [...groups], optional: [] };
  }

  #isGeneric(frequency: number, rarest: number): boolean {
    return frequency >= Math.max(this.#papers.size * GENERIC_SHARE, rarest * GENERIC_RATIO);
  }

  /** Papers using a group: its most widely used wording, a wording as common as its rarest word. */
  #groupFrequency(group: TermGroup): number {
    return Math.max(
      ...group.variants.map((words) =>
        Math.min(...words.map((word) => this.#frequency.get(processTerm(word) ?? '') ?? 0)),
      ),
    );
  }

  /** Adds what the ranking-only words score to the hits that matched the deciding words. */
  #rank(hits: SearchResult[], optional: readonly TermGroup[]): SearchResult[] {
    if (optional.length === 0 || hits.length === 0) return hits;
    const ids = new Set(hits.map((hit) => hit.id));
    const extra = new Map(
      this.#run(this.#query(optional, false, 'OR'), {
        filter: (result) => ids.has(result.id),
      }).map((result) => [result.id, result.score]),
    );
    return hits
      .map((hit) => ({ ...hit, score: hit.score + (extra.get(hit.id) ?? 0) }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Separates very common words (held as presence bits) from the words the
   * index scores. A common word inside a longer variant is dropped from it:
   * nearly every paper has it, so it narrows almost nothing. A variant made
   * only of common words turns its group into a presence requirement (an
   * approximation: its other wordings and word order are not checked).
   */
  #splitCommon(groups: TermGroup[]): { scored: TermGroup[]; common: string[] } {
    if (this.#presence.size === 0) return { scored: groups, common: [] };
    const isCommon = (word: string) => {
      const term = processTerm(word);
      return term !== null && this.#presence.has(term);
    };
    const common: string[] = [];
    const scored: TermGroup[] = [];
    for (const group of groups) {
      const [only] = group.variants;
      if (group.variants.length === 1 && only?.length === 1 && isCommon(only[0] as string)) {
        common.push(processTerm(only[0] as string) as string);
        continue;
      }
      const variants = group.variants.map((words) => words.filter((word) => !isCommon(word)));
      const allCommon = group.variants.find((_, i) => variants[i]?.length === 0);
      if (allCommon) common.push(...allCommon.map((word) => processTerm(word) as string));
      else scored.push({ ...group, variants });
    }
    return { scored, common };
  }

  #run(query: Query, options: SearchOptions = {}): SearchResult[] {
    return this.#search.search(query, options);
  }

  #isKnown(group: TermGroup): boolean {
    return group.variants.some((words) => words.every((word) => this.hasWord(word)));
  }

  #query(
    groups: readonly TermGroup[],
    prefixLast: boolean,
    combineWith: 'AND' | 'OR' = 'AND',
  ): Query {
    return {
      combineWith,
      queries: groups.map((group, index) =>
        this.#groupQuery(group, prefixLast && index === groups.length - 1),
      ),
    };
  }

  #groupQuery(group: TermGroup, prefixed: boolean): Query {
    const prefix = prefixed && group.variants.length === 1 && group.variants[0]?.length === 1;
    return {
      combineWith: 'OR',
      prefix: prefix ? (term: string) => term.length >= MIN_PREFIX_LENGTH : false,
      queries: group.variants.map((words) => ({ combineWith: 'AND', queries: words })),
    };
  }

  /** Drops hits that matched a synonym phrase only as scattered words, and judges the top hits' strength. */
  #finish(hits: SearchResult[], groups: readonly TermGroup[]): TopicHit[] {
    const termsOf = groups.map(groupTerms);
    const phraseGroups = groups.filter((group) => group.typed || group.concept);
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
   * "federatd" → "federated"). Never for a word that is itself English
   * ("speeding" is not "seeming"), and among equally close words the one that
   * appears with the question's other words wins. Compares words as written,
   * not stems, so a typo is judged against what the user meant to type.
   */
  #correct(group: TermGroup, others: readonly TermGroup[]): string | undefined {
    const [variant] = group.variants;
    if (group.variants.length !== 1 || variant?.length !== 1) return undefined;
    const word = normalizeText(variant[0] as string);
    const budget = typoBudget(word.length);
    if (budget === 0 || isEnglishWord(word)) return undefined;
    if (!this.#dictionary) {
      this.#dictionary = new NearWords();
      for (const [known, count] of this.#vocabulary)
        this.#dictionary.add(known, { word: known, count });
    }
    const candidates = this.#dictionary
      .near(word, budget)
      .sort((a, b) => a.distance - b.distance || b.value.count - a.value.count);
    const fits = (candidate: string) =>
      others.length === 0 ||
      this.#run(this.#query([...others, { label: candidate, variants: [[candidate]] }], false))
        .length > 0;
    return (candidates.find((c) => fits(c.value.word)) ?? candidates[0])?.value.word;
  }
}

const lettersOnly = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Builds the index in two passes: the first counts, per term, how many papers
 * use it (and gathers the typo dictionary); the second indexes, keeping very
 * common terms as presence bits instead of postings.
 */
function build(papers: readonly IndexedPaper[], common?: CommonTermOptions): Prepared {
  const vocabulary: Vocabulary = new Map();
  // How many papers use each term; its keys are then every term.
  const frequency = new Map<string, number>();
  const acronyms = new Map<string, string[]>();
  for (const paper of papers) {
    for (const [acronym, expansion] of findAcronyms(`${paper.title}. ${paper.abstract}`)) {
      const known = acronyms.get(acronym) ?? [];
      if (!known.includes(expansion) && known.length < 3 && !isEnglishWord(acronym))
        acronyms.set(acronym, [...known, expansion]);
    }
    const terms = new Set<string>();
    for (const field of TEXT_FIELDS) {
      for (const token of tokenize(INDEX_OPTIONS.extractField?.(paper, field) ?? '')) {
        const term = processTerm(token);
        if (!term) continue;
        vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
        terms.add(term);
      }
    }
    for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const presence = new PresenceSets(
    papers.map((paper) => paper.id),
    PresenceSets.commonTerms(frequency, papers.length, common),
  );
  // minisearch reads a document's id before its fields, which tells whose terms follow.
  let position = 0;
  const search = new MiniSearch<IndexedPaper>({
    ...INDEX_OPTIONS,
    extractField: (doc, field) => {
      if (field === 'id') position = presence.positionOf(doc.id) ?? 0;
      return INDEX_OPTIONS.extractField?.(doc, field) ?? '';
    },
    processTerm: (token) => {
      const term = processTerm(token);
      return term && presence.mark(term, position) ? null : term;
    },
  });
  search.addAll(papers);
  return { search, vocabulary, presence, frequency, acronyms };
}

function matchedInTitleOrName(hit: SearchResult, terms: ReadonlySet<string>): boolean {
  for (const [term, fields] of Object.entries(hit.match)) {
    if (!fields.includes('title') && !fields.includes('aliases')) continue;
    for (const t of terms) if (term.startsWith(t)) return true;
  }
  return false;
}
