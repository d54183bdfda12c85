import { randomBytes } from 'node:crypto';
import { DISCORD_LIMITS } from './limits.js';

export interface PageRequest {
  question: string;
  offset: number;
  limit: number;
}

const PREFIX = 'page';
/** How many long questions are remembered for their page buttons. */
const REMEMBERED = 2000;

/**
 * Button custom ids that carry a page request. Short questions travel inside
 * the id itself (stateless, survive restarts); longer ones are remembered in
 * memory under a random key, and a press after that memory is gone gets a
 * clear "ask again" instead of a wrong page.
 */
export class PageIds {
  readonly #remembered = new Map<string, string>();

  encode({ question, offset, limit }: PageRequest): string {
    const inline = `${PREFIX}:${offset}:${limit}:q:${question}`;
    if (inline.length <= DISCORD_LIMITS.customId) return inline;
    const key = randomBytes(6).toString('base64url');
    this.#remembered.set(key, question);
    if (this.#remembered.size > REMEMBERED) {
      const oldest = this.#remembered.keys().next().value;
      if (oldest !== undefined) this.#remembered.delete(oldest);
    }
    return `${PREFIX}:${offset}:${limit}:k:${key}`;
  }

  /** The request behind a button, `'expired'` when its question is no longer remembered, undefined when not ours. */
  decode(customId: string): PageRequest | 'expired' | undefined {
    const match = /^page:(\d+):(\d+):([qk]):(.*)$/su.exec(customId);
    if (!match) return undefined;
    const [, offset, limit, kind, rest] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const question = kind === 'q' ? rest : this.#remembered.get(rest);
    if (question === undefined) return 'expired';
    return { question, offset: Number(offset), limit: Number(limit) };
  }
}
