/** How long a stopping adapter waits for answers already being worked on. */
export const STOP_GRACE_MS = 5000;

/**
 * Work an adapter has started and not finished, so a shutdown can let
 * answers in flight complete — for a bounded time — before disconnecting.
 */
export class InFlight {
  readonly #work = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    const tracked = work.finally(() => this.#work.delete(tracked));
    this.#work.add(tracked);
    return tracked;
  }

  /** Resolves when everything in flight has settled, or after `graceMs`, whichever comes first. */
  async settle(graceMs = STOP_GRACE_MS): Promise<void> {
    const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.#work]), grace]);
  }
}
