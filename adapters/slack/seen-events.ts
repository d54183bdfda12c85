/**
 * Event ids already taken, so a Slack retry (same `event_id`, with
 * `X-Slack-Retry-Num`) is answered once, even while the first attempt is
 * still running: the id is taken on arrival, not after the answer.
 * Slack retries for about an hour at most; ids older than `ttlMs` are forgotten.
 */
export class SeenEvents {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ ttlMs = 2 * 60 * 60 * 1000, now = Date.now } = {}) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** True the first time an id is offered, false for every repeat. */
  take(id: string): boolean {
    const now = this.#now();
    for (const [seenId, at] of this.#seen) {
      if (now - at < this.#ttlMs) break;
      this.#seen.delete(seenId);
    }
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, now);
    return true;
  }
}
