import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach a log line: tokens, secrets and auth
 * headers, wherever they sit in a logged object.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
  'config.discordToken',
  'config.slackBotToken',
  'config.slackSigningSecret',
  'config.slackAppToken',
];

export interface LoggerOptions {
  level?: string;
  /** Human-readable lines; defaults to whether stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; defaults to stderr so stdout stays clean for answers and JSON. */
  destination?: NodeJS.WritableStream;
}

export function createLogger({
  level = 'info',
  pretty: usePretty = process.stderr.isTTY === true,
  destination,
}: LoggerOptions = {}): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'pubbot' },
  };
  if (usePretty) {
    return pino(
      options,
      pretty({ destination: destination ?? 2, sync: true, colorize: !destination }),
    );
  }
  return pino(options, destination ?? pino.destination({ fd: 2, sync: true }));
}
