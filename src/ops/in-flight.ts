/** How long a platform stopped without a deadline waits for answers in flight. */
const DEFAULT_GRACE_MS = 5000;

/** A stop deadline (epoch ms) for callers that were given none. */
export function defaultDeadline(): number {
  return Date.now() + DEFAULT_GRACE_MS;
}

/** Resolves at `deadline` (epoch ms), without keeping the process alive for it. */
export function untilDeadline(deadline: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref());
}

/**
 * Work started and not finished (an answer, a request being handled), so a
 * shutdown can let it complete — for a bounded time — before disconnecting.
 */
export class InFlight {
  readonly #work = new Set<Promise<unknown>>();

  get size(): number {
    return this.#work.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    const tracked = work.finally(() => this.#work.delete(tracked));
    this.#work.add(tracked);
    return tracked;
  }

  /**
   * Resolves when everything in flight has settled — work that starts while
   * waiting included — or at `deadline` (epoch ms), whichever comes first.
   */
  async settle(deadline: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    });
    try {
      while (this.#work.size > 0 && Date.now() < deadline)
        await Promise.race([Promise.allSettled([...this.#work]), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
