/**
 * At most `size` requests to one platform at a time; the rest wait their
 * turn. With a timeout on each request this bounds how long a hung platform
 * can hold answers back once it recovers: a queue drains as soon as the
 * requests holding the slots time out.
 */
export class RequestSlots {
  readonly #size: number;
  readonly #waiting: Array<() => void> = [];
  #busy = 0;

  constructor(size: number) {
    this.#size = size;
  }

  async run<T>(request: () => Promise<T>): Promise<T> {
    if (this.#busy >= this.#size) await new Promise<void>((turn) => this.#waiting.push(turn));
    else this.#busy++;
    try {
      return await request();
    } finally {
      const next = this.#waiting.shift();
      // A waiting request takes the slot over; otherwise it is freed.
      if (next) next();
      else this.#busy--;
    }
  }
}
