/**
 * The question being taken apart. Each recogniser claims the words it
 * understood; claimed text is blanked (same length, so later offsets stay
 * true), and what nobody claims becomes the topic.
 */
export class TextSpans {
  #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }

  /**
   * Runs `pattern` (global) over the unclaimed text; for each match `accept`
   * may return a value, which claims the match. Returns the accepted values.
   */
  claim<T>(pattern: RegExp, accept: (match: RegExpExecArray) => T | undefined): T[] {
    const values: T[] = [];
    const regex = globalVersion(pattern);
    regex.lastIndex = 0;
    for (let match = regex.exec(this.#text); match; match = regex.exec(this.#text)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const value = accept(match);
      if (value === undefined) continue;
      values.push(value);
      this.claimRange(match.index, match.index + match[0].length);
    }
    return values;
  }

  /** True when `pattern` matches the unclaimed text; claims the match. */
  take(pattern: RegExp): boolean {
    return this.claim(pattern, () => true).length > 0;
  }

  claimRange(start: number, end: number): void {
    this.#text = this.#text.slice(0, start) + ' '.repeat(end - start) + this.#text.slice(end);
  }

  /** Unclaimed words with their offsets. */
  words(): Array<{ word: string; start: number; end: number }> {
    return [...this.#text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((m) => {
      const word = m[0].replace(/[.'’-]+$/u, '');
      return { word, start: m.index, end: m.index + word.length };
    });
  }
}

/** Global copies of the recognisers' patterns, made once: compiling them per question showed up in profiles. */
const GLOBAL = new WeakMap<RegExp, RegExp>();

function globalVersion(pattern: RegExp): RegExp {
  if (pattern.flags.includes('g')) return pattern;
  let global = GLOBAL.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, `${pattern.flags}g`);
    GLOBAL.set(pattern, global);
  }
  return global;
}
