import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { PostFailure } from '../../src/conversation/chat-platform.js';

/**
 * Discord's JSON error codes that mean the channel itself refuses the bot:
 * it is gone, or the bot was removed or lost the right to post there.
 */
const CHANNEL_REFUSALS = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild: the bot was removed from the server
  50001, // Missing Access
  50013, // Missing Permissions
]);

/**
 * What a failed channel post means for the ledger. discord.js has already
 * retried 5xx answers and dropped connections and waited out rate limits;
 * what reaches here is its verdict.
 */
export function discordPostFailure(error: unknown): PostFailure {
  if (error instanceof DiscordAPIError) {
    const reason = `${error.message} (${error.code}, HTTP ${error.status})`;
    if (CHANNEL_REFUSALS.has(Number(error.code)) || error.status === 403 || error.status === 404)
      return { kind: 'permanent', reason };
    // 400 (a message Discord will not take) or 401 (the token): the bot's problem, never the channel's.
    return { kind: 'transient', reason };
  }
  if (error instanceof HTTPError)
    return { kind: 'transient', reason: `HTTP ${error.status} ${error.message}` };
  if (error instanceof RateLimitError) return { kind: 'transient', reason: error.message };
  // A timeout or a dropped connection: Discord may have posted it (the nonce makes a re-send safe).
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
}
