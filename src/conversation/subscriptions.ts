import type { Query } from '../query/query.js';

/** A subscription's filter: the question as typed (cleaned) and the typed query it was read as. */
export interface WantedPapers {
  text: string;
  query: Query;
}

export type SubscribeResult = { ok: boolean; message: string };

/**
 * What the conversation needs to manage a channel's announcements. The
 * announcement service implements it; the conversation checks permission
 * first and lays the result out.
 */
export interface SubscriptionCommands {
  /** Subscribes `channel` ("discord:123") to new papers, all of them or those `wanted` selects; validates `wanted` once. Subscribing a disabled channel re-enables it. */
  subscribe(
    channel: string,
    wanted: WantedPapers | undefined,
    requestedBy: string,
  ): Promise<SubscribeResult>;
  /** `ok` is false when the channel had no subscription. */
  unsubscribe(channel: string): Promise<SubscribeResult>;
}
