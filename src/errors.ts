/**
 * Every failure pubbot names on purpose. A code is part of the contract:
 * logs, exit codes and tests match on it, never on a message.
 */
export type ErrorCode =
  /** A configuration variable is missing or malformed. */
  | 'CONFIG_INVALID'
  /** Command-line arguments a person can correct. */
  | 'USAGE'
  /** A platform refused the bot for good (bad token, disallowed intents). */
  | 'PLATFORM_FATAL'
  /** A feed could not be used; nothing from it was applied. */
  | 'FEED_UNUSABLE'
  /** An announcement could not be sent to a channel. */
  | 'DELIVERY_FAILED';

/** Exit code a process ends with when this error stops it: 2 for what a person must fix in how it was started. */
const EXIT_CODES: Record<ErrorCode, number> = {
  CONFIG_INVALID: 2,
  USAGE: 2,
  PLATFORM_FATAL: 1,
  FEED_UNUSABLE: 1,
  DELIVERY_FAILED: 1,
};

/**
 * The base of pubbot's own errors: a message written for the person who
 * reads it, and a code for everything else. Anything thrown that is not a
 * PubbotError is a bug.
 */
export class PubbotError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** The process exit code when this error ends a command. */
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** A configuration problem a person can fix; reported as one line, exit code 2. */
export class ConfigError extends PubbotError {
  override readonly name = 'ConfigError';

  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

/** A mistake in command-line arguments; reported as one line, exit code 2. */
export class UsageError extends PubbotError {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super('USAGE', message);
  }
}
