import { bagDistance, editDistance, letterBag } from './edit-distance.js';

interface Item<T> {
  key: string;
  bag: Uint8Array;
  value: T;
}

/**
 * Words (or name keys) that can be looked up by closeness: everything within
 * an edit budget, a swap of neighbours counting as one edit. Only keys of a
 * similar length are compared, and a letter-count bound discards most of
 * those before the edit distance is computed, so a lookup stays cheap on
 * large vocabularies.
 */
export class NearWords<T> {
  readonly #byLength = new Map<number, Array<Item<T>>>();

  add(key: string, value: T): void {
    const items = this.#byLength.get(key.length) ?? [];
    items.push({ key, bag: letterBag(key), value });
    this.#byLength.set(key.length, items);
  }

  /** Every value whose key is within `budget` edits of `key`, with its distance. */
  near(key: string, budget: number): Array<{ value: T; distance: number }> {
    const bag = letterBag(key);
    const found: Array<{ value: T; distance: number }> = [];
    for (let length = key.length - budget; length <= key.length + budget; length++) {
      for (const item of this.#byLength.get(length) ?? []) {
        if (bagDistance(bag, item.bag) > budget) continue;
        const distance = editDistance(key, item.key, budget);
        if (distance <= budget) found.push({ value: item.value, distance });
      }
    }
    return found;
  }
}
