import { z } from 'zod';
import { IsoDate } from '../query/date-range.js';
import { QuerySchema } from '../query/query.js';
import { MAX_QUESTION_LENGTH } from '../query/question-text.js';
import type { Store } from '../store/store.js';

/**
 * Where a reader is in an answer: the question (as typed, or as a typed
 * query when it was built or refined), the day it was answered, and the
 * page. Page tokens and follow-up contexts both hold one, so pressing Next
 * after midnight, or asking "and in 2025?" tomorrow, reads the same
 * question the same way.
 */
export const PageStateSchema = z.object({
  question: z.union([
    z.object({ text: z.string().max(MAX_QUESTION_LENGTH) }),
    z.object({ query: QuerySchema }),
  ]),
  today: IsoDate,
  offset: z.number().int().min(0).max(100_000),
  limit: z.number().int().min(1).max(100),
});

export type PageState = z.infer<typeof PageStateSchema>;

/**
 * Page states kept in the Store under a key with an expiry, so any replica
 * reads them, after a restart too. What comes back is validated: state
 * saved by an older version that no longer fits reads as gone.
 */
export class SavedPages {
  readonly #store: Store;
  readonly #clock: () => Date;

  constructor(store: Store, clock: () => Date) {
    this.#store = store;
    this.#clock = clock;
  }

  async save(key: string, state: PageState, ttlMs: number): Promise<void> {
    const expiresAt = new Date(this.#clock().getTime() + ttlMs).toISOString();
    await this.#store.saveContext(key, state, expiresAt);
  }

  async load(key: string): Promise<PageState | undefined> {
    const saved = await this.#store.loadContext(key, this.#clock().toISOString());
    const parsed = PageStateSchema.safeParse(saved);
    return parsed.success ? parsed.data : undefined;
  }
}
