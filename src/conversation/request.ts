import type { Platform } from './channel-id.js';

/**
 * What someone asked of pubbot, in the platform's own structure: text where
 * a person typed it, ids where the platform had them (an autocomplete pick,
 * a button). Adapters make Requests from platform events and nothing else.
 *
 * @example
 * ```ts
 * { kind: 'question', text: 'papers by Yiren Zhao in 2019' }   // /ask, a mention, a shell line
 * { kind: 'question', text: 'backdoors', order: 'newest', limit: 3 } // /latest topic:backdoors count:3
 * { kind: 'paper', id: 'flareon-stealthy-any2any-backdoor-injection-via-poisoned-augmentation', view: 'cite' }
 * { kind: 'person', id: 'tianrui-qin' }                        // /author with a picked name
 * { kind: 'page', token }                                      // Next, Show more
 * { kind: 'refine', text: 'and in 2025?' }                     // a thread reply, the Refine modal, the next shell line
 * { kind: 'subscribe', query: 'papers by Tianrui Qin' }
 * ```
 */
export type Request =
  | {
      kind: 'question';
      text: string;
      /** A platform's own option beside the text (/latest): newest first. */
      order?: 'newest';
      /** A platform's own count option: this many papers. */
      limit?: number;
    }
  | { kind: 'help' }
  /** A paper by id; what was typed when nothing was picked is searched as a title. */
  | { kind: 'paper'; id: string; view: 'detail' | 'cite' }
  /** A person by identity id; a typed name when nothing was picked. */
  | { kind: 'person'; id: string }
  /** A page of an earlier answer, by the token its pager carried. */
  | { kind: 'page'; token: string }
  /**
   * A follow-up in a conversation: read against the previous question
   * when it can be ("and in 2025?"), answered as a new question otherwise.
   */
  | { kind: 'refine'; text: string }
  /** Announce new papers in this channel, all or those matching `query`. */
  | { kind: 'subscribe'; query?: string }
  | { kind: 'unsubscribe' };

/** Where a request came from and what the platform can tell about it. */
export interface Origin {
  platform: Platform;
  /** The platform's own channel id ("C0123", "555…"); with `platform` it names the channel. */
  channel: string;
  /** The platform's own user id. */
  user: string;
  /** The platform's id for this event (interaction, event), for logs; one is made when absent. */
  requestId?: string;
  /**
   * Follow-up state: `key` is where this exchange's question is kept
   * (a Slack thread, a Discord answer, a shell session); `follows` is the
   * key of the exchange a follow-up continues.
   */
  conversation?: { key: string; follows?: string };
  /** Papers per page, and the longest page token, the platform's messages hold. */
  surface: Surface;
  /** Whether this person may change the channel's announcements (asked only when they try). */
  mayManage(): Promise<boolean>;
  /** Who may, as the refusal says it: "members with the Manage Channels permission". */
  managers: string;
}

/** What a platform's messages hold. */
export interface Surface {
  pageSize: number;
  /** Longest page token a control can carry (Discord's custom_id: 100). */
  tokenLength: number;
  /** The platform shows pictures: grouped and ranked replies get their chart as a PNG. */
  images?: boolean;
}
