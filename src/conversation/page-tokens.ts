import { createHash } from 'node:crypto';
import { type PageState, PageStateSchema, type SavedPages } from './page-state.js';

/** How long a page token kept in the store stays valid: buttons stay on messages for weeks. */
export const PAGE_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const INLINE = /^p1\.(\d{4}-\d{2}-\d{2})\.(\d+)\.(\d+)\.(.*)$/su;
const STORED = /^p1@([A-Za-z0-9_-]{16})$/u;

/**
 * Page tokens: what a Next or Show more control carries. A typed question
 * travels inside the token with its day and offset
 * (`p1.2026-11-25.5.5.papers by Xitong Gao`): stateless, good across
 * restarts and replicas. A token that would not fit the control (a long
 * question, a refined query) is kept in the store and the control carries
 * its key (`p1@…`); a press after it expired asks to ask again.
 */
export class PageTokens {
  readonly #saved: SavedPages;

  constructor(saved: SavedPages) {
    this.#saved = saved;
  }

  async issue(state: PageState, maxLength: number): Promise<string> {
    if ('text' in state.question) {
      const inline = `p1.${state.today}.${state.offset}.${state.limit}.${state.question.text}`;
      if (inline.length <= maxLength) return inline;
    }
    // Same state, same key: pressing through pages twice stores nothing new.
    const key = createHash('sha256').update(JSON.stringify(state)).digest('base64url').slice(0, 16);
    await this.#saved.save(`page:${key}`, state, PAGE_TOKEN_TTL_MS);
    return `p1@${key}`;
  }

  /** The state behind a token; `'expired'` when it is no longer kept; undefined when it is not a page token. */
  async read(token: string): Promise<PageState | 'expired' | undefined> {
    const stored = STORED.exec(token);
    if (stored) return (await this.#saved.load(`page:${stored[1]}`)) ?? 'expired';
    const inline = INLINE.exec(token);
    if (!inline) return undefined;
    const [, today, offset, limit, text] = inline as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const state = PageStateSchema.safeParse({
      question: { text },
      today,
      offset: Number(offset),
      limit: Number(limit),
    });
    return state.success ? state.data : undefined;
  }
}
