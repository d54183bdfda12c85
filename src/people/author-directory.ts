import type { Paper } from '../corpus/paper.js';
import { editDistance, typoBudget } from '../text/edit-distance.js';
import { nameKey, nameWords } from './name-key.js';

export interface Author {
  name: string;
  /** Ids of the papers that list this person. */
  paperIds: string[];
}

/** How a written name was tied to a person, weakest last. */
export type NameMatchKind =
  | 'exact'
  | 'surname-first'
  | 'initials'
  | 'surname'
  | 'given-name'
  | 'typo';

export interface NameMatch {
  /** The words as the user wrote them. */
  asked: string;
  kind: NameMatchKind;
  /** Everyone the words can mean; more than one for a bare surname like "Zhao". */
  authors: Author[];
}

export interface Collaborator {
  name: string;
  /** Papers shared with the person asked about. */
  papers: number;
}

interface Entry {
  author: Author;
  words: string[];
}

/**
 * Everyone listed as an author, with the ways people write names: any case,
 * without accents, surname first, initials, a bare surname, small typos.
 * Resolving against the corpus's own list (not an NLP person detector) is what
 * lets "Zhao Yiren" and "lukasz dudziak" work and "LoRA" never be a person.
 */
export class AuthorDirectory {
  readonly #entries: Entry[];
  readonly #byKey = new Map<string, Entry[]>();
  readonly #bySurname = new Map<string, Entry[]>();
  readonly #byGiven = new Map<string, Entry[]>();
  readonly #papers: ReadonlyMap<string, Paper>;

  constructor(papers: readonly Paper[]) {
    this.#papers = new Map(papers.map((paper) => [paper.id, paper]));
    const byName = new Map<string, Entry>();
    for (const paper of papers) {
      for (const name of new Set(paper.authors)) {
        const words = nameWords(name);
        const key = nameKey(words);
        const entry = byName.get(key) ?? { author: { name, paperIds: [] }, words };
        entry.author.paperIds.push(paper.id);
        byName.set(key, entry);
      }
    }
    this.#entries = [...byName.values()];
    for (const entry of this.#entries) {
      const { words } = entry;
      const surname = words.at(-1) as string;
      const given = words.slice(0, -1);
      add(this.#byKey, nameKey(words), entry);
      add(this.#byKey, nameKey([surname, ...given]), entry);
      add(this.#bySurname, surname, entry);
      if (given.length > 0) add(this.#byGiven, nameKey(given), entry);
    }
  }

  get authors(): Author[] {
    return this.#entries.map((entry) => entry.author);
  }

  /**
   * Ties written words to people. Full names (any order, any spelling of
   * spaces and hyphens) and initials always count; a bare surname or given
   * name only when `allowPartial` (the caller knows the words are meant as a
   * name, e.g. after "by"); a typo only when `allowTypos`.
   */
  resolve(
    asked: string,
    {
      allowPartial = false,
      allowTypos = false,
    }: { allowPartial?: boolean; allowTypos?: boolean } = {},
  ): NameMatch | undefined {
    const words = nameWords(asked);
    if (words.length === 0) return undefined;
    const key = nameKey(words);
    const exact = this.#byKey.get(key);
    if (exact && words.length > 1) {
      const inOrder = exact.filter((e) => nameKey(e.words) === key);
      return inOrder.length > 0
        ? match(asked, 'exact', inOrder)
        : match(asked, 'surname-first', exact);
    }
    if (words.length > 1) {
      const initials = this.#matchInitials(words);
      if (initials.length > 0) return match(asked, 'initials', initials);
    }
    if (allowPartial && words.length === 1) {
      const surname = this.#bySurname.get(key);
      if (surname) return match(asked, 'surname', surname);
      const given = this.#byGiven.get(key);
      if (given) return match(asked, 'given-name', given);
    }
    if (allowTypos) {
      const close = this.#closest(asked, 1);
      const [best] = close;
      if (best && best.distance <= typoBudget(key.length)) {
        return match(asked, 'typo', [best.entry]);
      }
    }
    return undefined;
  }

  /** True when the word is someone's surname, e.g. "Shumailov". */
  isSurname(word: string): boolean {
    return this.#bySurname.has(nameKey(nameWords(word)));
  }

  /** Names nearest to what was written, for "did you mean …?". */
  suggest(asked: string, limit = 3): string[] {
    const key = nameKey(nameWords(asked));
    const budget = Math.max(2, Math.ceil(key.length / 3));
    return this.#closest(asked, limit)
      .filter((candidate) => candidate.distance <= budget)
      .map((candidate) => candidate.entry.author.name);
  }

  /** Authors whose names start with, or contain a word starting with, the text; most papers first. */
  complete(prefix: string, limit = 25): Author[] {
    const key = nameKey(nameWords(prefix));
    const scored = this.#entries
      .map((entry) => {
        const full = nameKey(entry.words);
        const rank = full.startsWith(key) ? 0 : entry.words.some((w) => w.startsWith(key)) ? 1 : 2;
        return { entry, rank };
      })
      .filter(({ rank }) => key === '' || rank < 2)
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          b.entry.author.paperIds.length - a.entry.author.paperIds.length ||
          a.entry.author.name.localeCompare(b.entry.author.name),
      );
    return scored.slice(0, limit).map(({ entry }) => entry.author);
  }

  /** People who share papers with any of `names`, most shared papers first. */
  collaborators(names: readonly string[]): Collaborator[] {
    const asked = new Set(names.map((name) => nameKey(nameWords(name))));
    const counts = new Map<string, Collaborator>();
    const paperIds = new Set(
      this.#entries.filter((e) => asked.has(nameKey(e.words))).flatMap((e) => e.author.paperIds),
    );
    for (const id of paperIds) {
      for (const name of this.#papers.get(id)?.authors ?? []) {
        const key = nameKey(nameWords(name));
        if (asked.has(key)) continue;
        const entry = counts.get(key) ?? { name, papers: 0 };
        entry.papers++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name));
  }

  #matchInitials(words: string[]): Entry[] {
    // "Y Zhao", "Y. Zhao", "Zhao Y": one or more single letters and a surname.
    const letters = words.filter((w) => w.length === 1);
    const rest = words.filter((w) => w.length > 1);
    if (letters.length === 0 || rest.length !== 1) return [];
    const surname = rest[0] as string;
    return (this.#bySurname.get(surname) ?? []).filter((entry) =>
      letters.every((letter, i) => entry.words[i]?.startsWith(letter)),
    );
  }

  #closest(asked: string, limit: number): Array<{ entry: Entry; distance: number }> {
    const words = nameWords(asked);
    const forward = nameKey(words);
    const budget = Math.max(2, forward.length);
    return this.#entries
      .map((entry) => {
        const surnameFirst = nameKey([entry.words.at(-1) as string, ...entry.words.slice(0, -1)]);
        const distance = Math.min(
          editDistance(forward, nameKey(entry.words), budget),
          editDistance(forward, surnameFirst, budget),
        );
        return { entry, distance };
      })
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          b.entry.author.paperIds.length - a.entry.author.paperIds.length,
      )
      .slice(0, limit);
  }
}

function add(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key) ?? [];
  if (!list.includes(entry)) list.push(entry);
  map.set(key, list);
}

function match(asked: string, kind: NameMatchKind, entries: Entry[]): NameMatch {
  return { asked, kind, authors: entries.map((entry) => entry.author) };
}
