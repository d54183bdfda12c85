import type { CorpusProblem, Paper } from '../corpus/paper.js';
import { slugify } from '../corpus/slug.js';
import { foldDiacritics } from '../text/fold.js';
import { IDENTITY_OVERRIDES_FILE, type IdentityOverrides } from './identity-overrides.js';
import { nameKey, nameWords } from './name-key.js';

/** One person, however the sources spell their name. */
export interface Identity {
  /** Stable slug of the display name, e.g. `cheng-zhong-xu`. */
  id: string;
  /** The most common spelling across papers (or the first of a hand-made `same` group). */
  name: string;
  /** Every spelling seen, display name first. */
  spellings: string[];
  /** Papers listing this person, in corpus order. */
  paperIds: string[];
}

/** Lower-case words that belong to the surname after them ("van den Oord"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'du']);

interface Shape {
  /** All words joined: spellings equal here differ only in case, accents, spaces or hyphens. */
  key: string;
  surname: string;
  /** Given names that are written out, joined ("Cheng-Zhong", "Chengzhong" → "chengzhong"). */
  given: string;
  /** Initials among the given names ("Robert D. Mullins" → "d"; "Y. Zhao" → "y"). */
  initials: string;
}

function shapeOf(spelling: string): Shape {
  const tokens = foldDiacritics(spelling).trim().split(/\s+/u);
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has(tokens[start - 1] as string)) start--;
  const given = nameWords(tokens.slice(0, start).join(' '));
  return {
    key: nameKey(nameWords(spelling)),
    surname: nameKey(nameWords(tokens.slice(start).join(' '))),
    given: given.filter((w) => w.length > 1).join(''),
    initials: given.filter((w) => w.length === 1).join(''),
  };
}

/** Union-find over spellings that refuses to join sets a `different` override keeps apart. */
class SpellingSets {
  readonly #parent = new Map<string, string>();
  /** Per root: which member of which `different` group it holds. */
  readonly #apart = new Map<string, Map<number, number>>();

  constructor(spellings: Iterable<string>, different: readonly (readonly string[])[]) {
    for (const spelling of spellings) this.#parent.set(spelling, spelling);
    different.forEach((group, g) => {
      group.forEach((spelling, member) => {
        if (!this.#parent.has(spelling)) return;
        const marks = this.#apart.get(spelling) ?? new Map<number, number>();
        marks.set(g, member);
        this.#apart.set(spelling, marks);
      });
    });
  }

  root(spelling: string): string {
    let root = spelling;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root) as string;
    this.#parent.set(spelling, root);
    return root;
  }

  /** Joins the two sets unless an override keeps them apart; true when they are one set after. */
  join(a: string, b: string): boolean {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra === rb) return true;
    const marksA = this.#apart.get(ra);
    const marksB = this.#apart.get(rb);
    for (const [group, member] of marksA ?? []) {
      const other = marksB?.get(group);
      if (other !== undefined && other !== member) return false;
    }
    this.#parent.set(rb, ra);
    if (marksB) this.#apart.set(ra, new Map([...(marksA ?? []), ...marksB]));
    return true;
  }
}

/**
 * Decides which spellings are one person. Rules, each safe on its own:
 * 1. spellings that differ only in case, accents, spaces or hyphens
 *    ("Cheng-Zhong Xu", "Cheng-zhong Xu", "Chengzhong Xu");
 * 2. the same surname and written-out given names, with middle initials
 *    present or not ("Robert D. Mullins", "Robert D Mullins", "Robert Mullins")
 *    — unless two spellings carry different initials, when a spelling without
 *    any could be either and stays apart;
 * 3. a spelling with initials only ("R. Mullins") joins the one person whose
 *    given name fits, and stays apart when several could be meant.
 * Given names that differ (Xuan Wang, Xuan Guo; Yiren Zhao, Yang Zhao) are
 * never joined; `overrides` joins or splits what the rules cannot know.
 */
export function identifyPeople(
  papers: readonly Paper[],
  overrides: IdentityOverrides = { same: [], different: [] },
  overridesFile = IDENTITY_OVERRIDES_FILE,
): { papers: Paper[]; identities: Identity[]; problems: CorpusProblem[] } {
  const count = new Map<string, number>();
  for (const paper of papers)
    for (const name of new Set(paper.authors)) count.set(name, (count.get(name) ?? 0) + 1);
  const spellings = [...count.keys()];
  const shapes = new Map(spellings.map((s) => [s, shapeOf(s)]));
  const sets = new SpellingSets(spellings, overrides.different);
  const problems: CorpusProblem[] = [];
  const unknown = [...overrides.same.flat(), ...overrides.different.flat()].filter(
    (name) => !count.has(name),
  );
  for (const name of new Set(unknown)) {
    problems.push({ file: overridesFile, line: 1, message: `“${name}” is no author's spelling` });
  }

  for (const group of overrides.same) {
    const present = group.filter((name) => count.has(name));
    for (const name of present.slice(1)) {
      if (!sets.join(present[0] as string, name))
        problems.push({
          file: overridesFile,
          line: 1,
          message: `“${present[0]}” and “${name}” are listed both as one person and as different people; kept apart`,
        });
    }
  }
  joinBy(sets, spellings, (s) => shapes.get(s)?.key as string);
  joinWrittenOut(sets, spellings, shapes);
  joinInitialsOnly(sets, spellings, shapes);

  const members = new Map<string, string[]>();
  for (const spelling of spellings) {
    const root = sets.root(spelling);
    members.set(root, [...(members.get(root) ?? []), spelling]);
  }
  const chosen = new Map(
    overrides.same.flatMap((group) => {
      const first = group.find((name) => count.has(name));
      return first ? [[sets.root(first), first] as const] : [];
    }),
  );
  const displayOf = new Map<string, string>();
  for (const [root, group] of members) {
    const display = chosen.get(root) ?? mostCommon(group, count);
    for (const spelling of group) displayOf.set(spelling, display);
  }

  const identities = new Map<string, Identity>();
  const ids = new Set<string>();
  const rewritten = papers.map((paper) => {
    const authors = [...new Set(paper.authors.map((name) => displayOf.get(name) ?? name))];
    for (const display of authors) {
      let identity = identities.get(display);
      if (!identity) {
        const group = members.get(sets.root(display)) ?? [display];
        identity = {
          id: uniqueSlug(display, ids),
          name: display,
          spellings: [display, ...group.filter((s) => s !== display)],
          paperIds: [],
        };
        identities.set(display, identity);
      }
      identity.paperIds.push(paper.id);
    }
    return authors.length === paper.authors.length &&
      authors.every((name, i) => name === paper.authors[i])
      ? paper
      : { ...paper, authors };
  });
  return { papers: rewritten, identities: [...identities.values()], problems };
}

function joinBy(sets: SpellingSets, spellings: readonly string[], key: (s: string) => string) {
  const first = new Map<string, string>();
  for (const spelling of spellings) {
    const k = key(spelling);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, spelling);
    else sets.join(seen, spelling);
  }
}

/** Rule 2: same surname and written-out given names; middle initials may be left out. */
function joinWrittenOut(
  sets: SpellingSets,
  spellings: readonly string[],
  shapes: ReadonlyMap<string, Shape>,
): void {
  const buckets = new Map<string, string[]>();
  for (const spelling of spellings) {
    const shape = shapes.get(spelling) as Shape;
    if (shape.given === '') continue;
    const bucket = `${shape.surname}|${shape.given}`;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), spelling]);
  }
  for (const bucket of buckets.values()) {
    const initials = new Set(bucket.map((s) => shapes.get(s)?.initials).filter(Boolean));
    if (initials.size <= 1) {
      for (const spelling of bucket.slice(1)) sets.join(bucket[0] as string, spelling);
    } else {
      joinBy(sets, bucket, (s) => shapes.get(s)?.initials as string);
    }
  }
}

/** Rule 3: "R. Mullins" joins the one person with that surname whose given name starts with R. */
function joinInitialsOnly(
  sets: SpellingSets,
  spellings: readonly string[],
  shapes: ReadonlyMap<string, Shape>,
): void {
  for (const spelling of spellings) {
    const shape = shapes.get(spelling) as Shape;
    if (shape.given !== '' || shape.initials === '') continue;
    const fits = new Set(
      spellings
        .filter((other) => {
          const o = shapes.get(other) as Shape;
          return (
            o.given !== '' &&
            o.surname === shape.surname &&
            o.given.startsWith(shape.initials[0] as string)
          );
        })
        .map((other) => sets.root(other)),
    );
    if (fits.size === 1) sets.join([...fits][0] as string, spelling);
  }
}

/** The spelling most papers use; ties go to the one keeping accents, then to the first seen. */
function mostCommon(group: readonly string[], count: ReadonlyMap<string, number>): string {
  const accents = (s: string) => [...s].filter((ch) => foldDiacritics(ch) !== ch).length;
  return [...group].sort(
    (a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0) || accents(b) - accents(a),
  )[0] as string;
}

function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slugify(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
