import { PubbotError } from '../../src/errors.js';

/** A Discord problem no retry will fix; its message says what to change. */
export class DiscordFatalError extends PubbotError {
  override readonly name = 'DiscordFatalError';

  constructor(message: string) {
    super('PLATFORM_FATAL', message);
  }
}

export const REJECTED_TOKEN =
  'Discord rejected DISCORD_TOKEN (401): check the bot token in the Developer Portal';

/**
 * A 401 from a call made with the bot token (discord.js: `TokenInvalid`, a
 * DiscordAPIError with status 401) as the one line that names the variable;
 * any other error as it is.
 */
export function withTokenNamed(error: unknown): unknown {
  const { code, status } = error as { code?: unknown; status?: unknown };
  return code === 'TokenInvalid' || status === 401 ? new DiscordFatalError(REJECTED_TOKEN) : error;
}
