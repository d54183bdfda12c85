import { BAG_SIZE, bagExceeds, editDistance, letterBag } from './edit-distance.js';

/** Keys of one length, with their letter bags packed into one array (an object per bag costs more than the bag). */
interface Bucket<T> {
  keys: string[];
  values: T[];
  bags: Uint8Array;
}

/**
 * Words (or name keys) that can be looked up by closeness: everything within
 * an edit budget, a swap of neighbours counting as one edit. Only keys of a
 * similar length are compared, and a letter-count bound discards most of
 * those before the edit distance is computed, so a lookup stays cheap on
 * large vocabularies.
 */
export class NearWords<T> {
  readonly #byLength = new Map<number, Bucket<T>>();

  add(key: string, value: T): void {
    let bucket = this.#byLength.get(key.length);
    if (!bucket) {
      bucket = { keys: [], values: [], bags: new Uint8Array(BAG_SIZE * 16) };
      this.#byLength.set(key.length, bucket);
    }
    const at = bucket.keys.length * BAG_SIZE;
    if (at + BAG_SIZE > bucket.bags.length) {
      const grown = new Uint8Array(bucket.bags.length * 2);
      grown.set(bucket.bags);
      bucket.bags = grown;
    }
    bucket.bags.set(letterBag(key), at);
    bucket.keys.push(key);
    bucket.values.push(value);
  }

  /** Every value whose key is within `budget` edits of `key`, with its distance. */
  near(key: string, budget: number): Array<{ value: T; distance: number }> {
    const bag = letterBag(key);
    const found: Array<{ value: T; distance: number }> = [];
    for (let length = key.length - budget; length <= key.length + budget; length++) {
      const bucket = this.#byLength.get(length);
      if (!bucket) continue;
      const { keys, values, bags } = bucket;
      for (let i = 0; i < keys.length; i++) {
        if (bagExceeds(bag, bags, i * BAG_SIZE, budget)) continue;
        const distance = editDistance(key, keys[i] as string, budget);
        if (distance <= budget) found.push({ value: values[i] as T, distance });
      }
    }
    return found;
  }
}
