import type { Paper } from '../../src/corpus/paper.js';
import type { World } from './world.js';

/** What a person sees of one reply, read back from the platform's own payload. */
export interface Seen {
  /** Every visible word, markup removed, escapes undone. */
  text: string;
  /** Every link shown, with the text that carries it. */
  links: Array<{ text: string; url: string }>;
  /** Shown to the asker alone. */
  private: boolean;
  /** Whether a control (or a hint) offers the next page. */
  hasNext: boolean;
  /** The payload as the platform received it, for the platform's own checks. */
  raw: unknown;
  /** Where a follow-up to this reply goes (a thread, a Refine button, a shell session). */
  handle: unknown;
}

/**
 * One platform under contract, driven through its real SDK (or, for the
 * shell, its real readline) against the local fakes.
 */
export interface Driver {
  readonly name: 'discord' | 'slack' | 'shell';
  /** Whether the platform can show a reply to the asker alone. */
  readonly canBePrivate: boolean;
  /** The channel id subscriptions made through this driver name ("slack:C…"). */
  readonly channel: string;
  start(world: World): Promise<void>;
  stop(): Promise<void>;
  /** A new question, outside any earlier conversation. */
  ask(text: string): Promise<Seen>;
  /** One paper, picked by id where the platform can pick (Discord autocomplete), by name otherwise. */
  paper(paper: Paper, view: 'detail' | 'cite'): Promise<Seen>;
  /** The next page of a reply. */
  next(after: Seen): Promise<Seen>;
  /** A follow-up to a reply, in its conversation. */
  followUp(after: Seen, text: string): Promise<Seen>;
  subscribe(query: string | undefined, asManager: boolean): Promise<Seen>;
  unsubscribe(asManager: boolean): Promise<Seen>;
  /** The platform's hard limits a payload breaks (empty when legal). */
  violations(seen: Seen): string[];
  /** Anything in a payload that could ping, broadcast, or fake a link or a control sequence. */
  hazards(seen: Seen): string[];
}

/** How a person would name a paper in words: the method it introduces, else its title. */
export function nameOf(paper: Paper): string {
  return paper.aliases[0] ?? paper.title;
}
