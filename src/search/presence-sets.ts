export interface CommonTermOptions {
  /** A term used by more than this share of the papers is common. */
  share?: number;
  /** Smaller corpora keep every term scored: there, "common" words still tell papers apart. */
  minPapers?: number;
}

/**
 * For each very common term, one bit per paper saying whether the paper uses
 * it. On a large corpus a few hundred terms (each in a twentieth of all papers
 * or more) hold about half of all postings, yet barely change a BM25 ranking;
 * kept as bits they still narrow an AND search exactly, at a sliver of the
 * memory and load time of scored postings. A search made only of common words
 * has nothing to rank by and lists papers in index order (newest first).
 */
export class PresenceSets {
  readonly #bits = new Map<string, Uint32Array>();
  readonly #positions: ReadonlyMap<string, number>;
  readonly #ids: readonly string[];

  constructor(ids: readonly string[], terms: Iterable<string> = []) {
    this.#ids = ids;
    this.#positions = new Map(ids.map((id, position) => [id, position]));
    for (const term of terms) this.#bits.set(term, new Uint32Array(Math.ceil(ids.length / 32)));
  }

  /** Common terms of a corpus: those used by more than `share` of its papers, once it has `minPapers`. */
  static commonTerms(
    frequency: ReadonlyMap<string, number>,
    papers: number,
    { share = 0.03, minPapers = 5000 }: CommonTermOptions = {},
  ): string[] {
    if (papers < minPapers) return [];
    return [...frequency].filter(([, count]) => count / papers > share).map(([term]) => term);
  }

  terms(): IterableIterator<string> {
    return this.#bits.keys();
  }

  has(term: string): boolean {
    return this.#bits.has(term);
  }

  get size(): number {
    return this.#bits.size;
  }

  /** Notes that the paper at `position` uses `term`; false when `term` is not a common term. */
  mark(term: string, position: number): boolean {
    const bits = this.#bits.get(term);
    if (!bits) return false;
    bits[position >>> 5] = (bits[position >>> 5] as number) | (1 << (position & 31));
    return true;
  }

  positionOf(id: string): number | undefined {
    return this.#positions.get(id);
  }

  /** True when the paper uses every one of `terms`. */
  hasAll(id: string, terms: readonly string[]): boolean {
    const position = this.#positions.get(id);
    if (position === undefined) return false;
    return terms.every(
      (term) => ((this.#bits.get(term)?.[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0,
    );
  }

  /** Ids of the papers that use every one of `terms`, in corpus order. */
  papersWithAll(terms: readonly string[]): string[] {
    const sets = terms.map((term) => this.#bits.get(term));
    if (sets.length === 0 || sets.some((bits) => bits === undefined)) return [];
    const ids: string[] = [];
    const words = (sets[0] as Uint32Array).length;
    for (let word = 0; word < words; word++) {
      let bits = 0xffffffff;
      for (const set of sets as Uint32Array[]) bits &= set[word] as number;
      for (let bit = 0; bits !== 0 && bit < 32; bit++) {
        if (bits & (1 << bit)) {
          const id = this.#ids[word * 32 + bit];
          if (id !== undefined) ids.push(id);
          bits &= ~(1 << bit);
        }
      }
    }
    return ids;
  }

  toJSON(): { ids: readonly string[]; terms: Array<[string, string]> } {
    return {
      ids: this.#ids,
      terms: [...this.#bits].map(([term, bits]) => [
        term,
        Buffer.from(bits.buffer, bits.byteOffset, bits.byteLength).toString('base64'),
      ]),
    };
  }

  static fromJSON(json: ReturnType<PresenceSets['toJSON']>): PresenceSets {
    const sets = new PresenceSets(json.ids);
    for (const [term, base64] of json.terms) {
      const bytes = Buffer.from(base64, 'base64');
      sets.#bits.set(
        term,
        new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
      );
    }
    return sets;
  }
}
