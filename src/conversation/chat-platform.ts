import type { Platform } from './channel-id.js';
import type { Reply } from './reply.js';

/** Options for one outgoing message. */
export interface PostOptions {
  /** The same on every retry of one message, so a platform that can (Discord's nonce) posts it once. */
  idempotencyKey?: string;
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
  /** Stops taking events, lets answers in flight finish (bounded), disconnects. */
  stop(): Promise<void>;
  /** Connected and able to answer; drives health checks. */
  isReady(): boolean;
  /** Sends a reply to one of the platform's channels, by its own id ("C0123"). */
  post(channel: string, reply: Reply, options?: PostOptions): Promise<PostReceipt>;
}
