/**
 * A clock that moves only when someone sleeps on it, so tests can check the
 * pauses a client makes (and when each request went out) without waiting.
 */
export function fakeClock(start = Date.parse('2026-11-25T09:00:00Z')) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    /** Every pause asked for, in order. */
    waits,
    /** Milliseconds since the start. */
    elapsed: () => now - start,
  };
}
