/**
 * What chat adapters need to manage a channel's subscription. The
 * announcement service implements it; adapters only check permissions and
 * render the result.
 */
export interface SubscriptionCommands {
  /** Subscribes `channel` ("discord:123") to new papers matching `query` (all papers when empty). */
  subscribe(channel: string, query: string | undefined, requestedBy: string): SubscribeResult;
  /** `ok` is false when the channel had no subscription. */
  unsubscribe(channel: string): SubscribeResult;
}

/** What adapters say when the bot runs without an announcement service. */
export const ANNOUNCEMENTS_NOT_SET_UP = 'Announcements are not set up on this bot.';

export type SubscribeResult = { ok: true; message: string } | { ok: false; message: string };
