import type { Outage } from '../src/conversation/chat-platform.js';

/**
 * Whether one link to a platform (a gateway, a REST or Web API) works: the
 * first failure in a row starts an outage, the next success ends it. Health
 * reads how long an outage has lasted, so a brief blip stays within the grace.
 */
export class Reachability {
  readonly #now: () => number;
  #outage: Outage | undefined;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get outage(): Outage | undefined {
    return this.#outage;
  }

  up(): void {
    this.#outage = undefined;
  }

  /** Keeps when the outage began; the reason is the latest one. */
  down(reason: string): void {
    this.#outage = { since: this.#outage?.since ?? this.#now(), reason };
  }
}

/** The outage that has lasted longest among several links, if any link is down. */
export function longestOutage(...links: Reachability[]): Outage | undefined {
  return links
    .map((link) => link.outage)
    .filter((outage) => outage !== undefined)
    .sort((a, b) => a.since - b.since)[0];
}
