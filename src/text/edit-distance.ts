/** Row buffers reused across calls: the distance is computed millions of times when repairing typos. */
let rows: [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(64),
  new Int32Array(64),
  new Int32Array(64),
];

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions,
 * so "Flaeron" → "Flareon" and "Zaho" → "Zhao" cost one edit, not two.
 * Stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (rows[0].length <= b.length)
    rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 1)) as typeof rows;
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length] as number;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Letter-count slots: a–z, then one for everything else. */
export const BAG_SIZE = 27;

/**
 * Letters counted into 27 slots (a–z, everything else), for a cheap lower
 * bound on the edit distance between two words: each edit changes the counts
 * by at most one letter each way, so the bag distance never exceeds it.
 */
export function letterBag(word: string): Uint8Array {
  const bag = new Uint8Array(BAG_SIZE);
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) - 97;
    const slot = code >= 0 && code < 26 ? code : 26;
    bag[slot] = Math.min(255, (bag[slot] as number) + 1);
  }
  return bag;
}

/**
 * True when the bag at `offset` in `bags` differs from `bag` by more than
 * `budget` letters either way, which rules the word out without computing
 * its edit distance. Stops as soon as the answer is known.
 */
export function bagExceeds(
  bag: Uint8Array,
  bags: Uint8Array,
  offset: number,
  budget: number,
): boolean {
  let more = 0;
  let less = 0;
  for (let i = 0; i < BAG_SIZE; i++) {
    const difference = (bag[i] as number) - (bags[offset + i] as number);
    if (difference > 0) {
      more += difference;
      if (more > budget) return true;
    } else if (difference < 0) {
      less -= difference;
      if (less > budget) return true;
    }
  }
  return false;
}
