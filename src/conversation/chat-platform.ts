import type { Platform } from './channel-id.js';
import type { Reply } from './reply.js';

/** Options for one outgoing message. */
export interface PostOptions {
  /**
   * The same on every retry of one message, so a platform that can posts it
   * once: Discord's `nonce` with `enforce_nonce`, Slack's message metadata
   * (which `findPosted` looks for).
   */
  idempotencyKey?: string;
}

/** A platform unable to connect or authenticate: since when (epoch ms), and why, in an operator's words. */
export interface Outage {
  since: number;
  reason: string;
}

/**
 * Why a post did not go through, which decides what happens next:
 * - `permanent`: the channel refuses the bot for good (gone, bot removed,
 *   missing access) — the channel is disabled until someone subscribes it again;
 * - `transient`: the platform said no for now (5xx, 429, unavailable) and did
 *   not post it — retried with backoff, for as long as it takes;
 * - `unknown`: it may have been posted (the answer timed out, the connection
 *   dropped) — whoever sends it next checks first.
 */
export interface PostFailure {
  kind: 'permanent' | 'transient' | 'unknown';
  /** What the platform said, for logs and the ledger ("Missing Access (50001)"). */
  reason: string;
}

/** What became of a post; a failure is a value, not an exception. */
export type PostOutcome = { ok: true; messageId?: string } | ({ ok: false } & PostFailure);

/** What a look for an earlier post found: the message, nothing, or a failure to look. */
export type LookupOutcome =
  | { ok: true; found?: { messageId?: string } }
  | ({ ok: false } & PostFailure);

/**
 * A chat platform, both ways: it turns its events into Requests for the
 * conversation and renders Replies, and it posts Replies to channels on its
 * own (announcements). `post` works without `start`, so a one-off command can
 * post without opening a gateway session.
 *
 * @example
 * ```ts
 * const shell = new ShellPlatform({ conversation, input: process.stdin, output: process.stdout });
 * await shell.start();
 * await shell.post('local', announcementReply(papers));
 * await shell.stop();
 * ```
 */
export interface ChatPlatform {
  /** Also the prefix of its channel ids ("discord:123"). */
  readonly name: Platform;
  /** Connects and starts taking events. */
  start(): Promise<void>;
  /**
   * Stops taking events first, lets answers in flight finish until
   * `deadline` (epoch ms; 5 s from now by default), then disconnects.
   */
  stop(deadline?: number): Promise<void>;
  /** Connected and able to answer; the connected gauge in /metrics. */
  isReady(): boolean;
  /** Since when and why the platform cannot connect or authenticate; undefined while it can. Health turns 503 once one outlasts the grace. */
  outage(): Outage | undefined;
  /** Sends a reply to one of the platform's channels, by its own id ("C0123"); never throws for the platform's refusals. */
  post(channel: string, reply: Reply, options?: PostOptions): Promise<PostOutcome>;
  /**
   * Looks for a message posted to `channel` under `idempotencyKey` since
   * `since`, where the platform can show it (Slack's message metadata in the
   * channel's history). Platforms without it leave it out: Discord's nonce
   * makes a re-send safe instead; the shell cannot tell.
   */
  findPosted?(channel: string, idempotencyKey: string, since: Date): Promise<LookupOutcome>;
}
