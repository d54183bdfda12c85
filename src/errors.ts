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
  /** An announcement could not be sent to a channel. */
  | 'DELIVERY_FAILED'
  /** The database cannot be used: unreachable, credentials refused, damaged, read-only or full; the message names it. */
  | 'STORE_UNAVAILABLE';

/** What a person must fix in how a command was started (or where its database is) ends it with 2; every other failure with 1. */
const EXIT_CODES: Partial<Record<string, number>> = {
  CONFIG_INVALID: 2,
  USAGE: 2,
  STORE_UNAVAILABLE: 2,
};

/**
 * The base of pubbot's own errors: a message written for the person who
 * reads it, and a code for everything else (a family of errors may bring
 * its own codes, as SourceError does: `ARXIV_TIMEOUT`). Anything thrown
 * that is not a PubbotError is a bug.
 */
export class PubbotError<Code extends string = ErrorCode> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** The process exit code when this error ends a command. */
  get exitCode(): number {
    return EXIT_CODES[this.code] ?? 1;
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

/** The database pubbot was given cannot be used; one line naming it (the file, or DATABASE_URL) and why. */
export class StoreUnavailableError extends PubbotError {
  override readonly name = 'StoreUnavailableError';

  constructor(message: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', message, cause === undefined ? undefined : { cause });
  }
}
