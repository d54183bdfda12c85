import type { Platform } from './channel-id.js';
import type { Reply } from './reply.js';

/** Options for one outgoing message. */
export interface PostOptions {
  /** The same on every retry of one message, so a platform that can (Discord's nonce) posts it once. */
  idempotencyKey?: string;
}

/** A platform unable to connect or authenticate: since when (epoch ms), and why, in an operator's words. */
export interface Outage {
  since: number;
  reason: string;
}

/** What a platform says about a message it accepted. */
export interface PostReceipt {
  messageId?: string;
}

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
  /** Sends a reply to one of the platform's channels, by its own id ("C0123"). */
  post(channel: string, reply: Reply, options?: PostOptions): Promise<PostReceipt>;
}
