import { typoBudget } from '../text/edit-distance.js';
import { NearWords } from '../text/near-words.js';
import type { Identity } from './identities.js';
import { nameKey, nameWords } from './name-key.js';

/** A person as the directory knows them: one identity, all its spellings. */
export type Author = Identity;

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

/** One spelling of a person. */
interface Entry {
  author: Author;
  words: string[];
  /** Name key in order and surname first ("yirenzhao", "zhaoyiren"). */
  keys: [string, string];
}

/** Names further apart than this are not worth suggesting. */
const suggestionBudget = (length: number) => Math.max(2, Math.ceil(length / 3));

/**
 * Everyone listed as an author, with the ways people write names: any case,
 * without accents, surname first, initials, a bare surname, small typos.
 * Resolving against the corpus's own list (not an NLP person detector) is what
 * lets "Zhao Yiren" and "lukasz dudziak" work and "LoRA" never be a person.
 */
export class AuthorDirectory {
  readonly #entries: Entry[];
  readonly #byDisplayName = new Map<string, Author>();
  readonly #byId = new Map<string, Author>();
  readonly #byKey = new Map<string, Entry[]>();
  readonly #bySurname = new Map<string, Entry[]>();
  readonly #byGiven = new Map<string, Entry[]>();
  /** Name keys in both word orders, for typo repair and suggestions. */
  readonly #near = new NearWords<Entry>();
  /** Most papers first: the order completion offers names in. */
  readonly #prolificFirst: Entry[];

  constructor(people: readonly Identity[]) {
    const byName = new Map<string, Entry>();
    for (const author of people) {
      for (const spelling of author.spellings) {
        const words = nameWords(spelling);
        const key = nameKey(words);
        const id = `${author.id}|${key}`;
        if (byName.has(id)) continue;
        const surnameFirst = nameKey([words.at(-1) as string, ...words.slice(0, -1)]);
        byName.set(id, { author, words, keys: [key, surnameFirst] });
      }
      this.#byDisplayName.set(author.name, author);
      this.#byId.set(author.id, author);
    }
    this.#entries = [...byName.values()];
    for (const entry of this.#entries) {
      const [key, surnameFirst] = entry.keys;
      add(this.#byKey, key, entry);
      add(this.#byKey, surnameFirst, entry);
      add(this.#bySurname, entry.words.at(-1) as string, entry);
      if (entry.words.length > 1) add(this.#byGiven, nameKey(entry.words.slice(0, -1)), entry);
      this.#near.add(key, entry);
      if (surnameFirst !== key) this.#near.add(surnameFirst, entry);
    }
    this.#prolificFirst = [...this.#entries].sort(
      (a, b) =>
        b.author.paperIds.length - a.author.paperIds.length ||
        a.author.name.localeCompare(b.author.name),
    );
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
      const inOrder = exact.filter((e) => e.keys[0] === key);
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
      const [best] = this.#closest(key, 1, typoBudget(key.length));
      if (best) return { asked, kind: 'typo', authors: [best.author] };
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
    return this.#closest(key, limit, suggestionBudget(key.length)).map(
      (candidate) => candidate.author.name,
    );
  }

  /** Authors whose names start with, or have a word starting with, the text; most papers first. */
  complete(prefix: string, limit = 25): Author[] {
    const key = nameKey(nameWords(prefix));
    const found = new Set<Author>();
    const take = (test: (entry: Entry) => boolean) => {
      for (const entry of this.#prolificFirst) {
        if (found.size >= limit) return;
        if (test(entry)) found.add(entry.author);
      }
    };
    take((entry) => entry.keys[0].startsWith(key));
    take((entry) => entry.words.some((w) => w.startsWith(key)));
    return [...found];
  }

  /** Ids of the papers that list any of these people, by display name. */
  paperIdsOf(names: readonly string[]): Set<string> {
    return new Set(names.flatMap((name) => this.#byDisplayName.get(name)?.paperIds ?? []));
  }

  /** The person shown under this display name. */
  byName(name: string): Author | undefined {
    return this.#byDisplayName.get(name);
  }

  /** The person with this identity id (`cheng-zhong-xu`), as autocomplete and people lists hand it out. */
  byId(id: string): Author | undefined {
    return this.#byId.get(id);
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

  /** The nearest people within `budget` edits, in either word order, most prolific first among equals. */
  #closest(
    key: string,
    limit: number,
    budget: number,
  ): Array<{ author: Author; distance: number }> {
    const best = new Map<Author, number>();
    for (const { value, distance } of this.#near.near(key, budget)) {
      best.set(value.author, Math.min(distance, best.get(value.author) ?? distance));
    }
    return [...best]
      .map(([author, distance]) => ({ author, distance }))
      .sort(
        (a, b) => a.distance - b.distance || b.author.paperIds.length - a.author.paperIds.length,
      )
      .slice(0, limit);
  }
}

function add<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  // The only repeat is an entry added twice in a row (a one-word name's two keys are equal).
  else if (list.at(-1) !== entry) list.push(entry);
}

function match(asked: string, kind: NameMatchKind, entries: Entry[]): NameMatch {
  return { asked, kind, authors: unique(entries.map((entry) => entry.author)) };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
