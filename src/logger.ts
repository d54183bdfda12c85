import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

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

/**
 * Secrets that travel inside URLs and strings rather than under a key, so
 * key paths cannot catch them: interaction and webhook tokens in Discord
 * routes (a failed callback's error carries its URL), Slack's response and
 * webhook URLs, Slack tokens, and `token` and `response_url` fields inside
 * logged JSON text (Slack's debug lines quote whole payloads). Applied to
 * every line.
 */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?\\]+/gu, '$1[redacted]'],
  [/(hooks\.slack\.com\/)[^\s"'\\]+/gu, '$1[redacted]'],
  [/\bx(?:ox[abposre]|app)-[\w-]+/gu, '[redacted]'],
  [/(\\?"(?:token|response_url)\\?"\s*:\s*\\?")(?:[^"\\]|\\[^"])+/gu, '$1[redacted]'],
];

/** A log line with every secret pattern, and every value in `secrets`, replaced. */
export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let scrubbed = line;
  for (const secret of secrets) scrubbed = scrubbed.replaceAll(secret, '[redacted]');
  for (const [pattern, replacement] of SECRET_PATTERNS)
    scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

export interface LoggerOptions {
  level?: string;
  /** Values (tokens, secrets) that must never appear in a line, wherever they turn up. */
  secrets?: readonly string[];
  /** Human-readable lines; defaults to whether stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; defaults to stderr so stdout stays clean for answers and JSON. */
  destination?: NodeJS.WritableStream;
}

export function createLogger({
  level = 'info',
  pretty: usePretty = process.stderr.isTTY === true,
  destination,
  secrets = [],
}: LoggerOptions = {}): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'pubbot' },
  };
  // One entry, one line at a terminal too: its fields follow on the same line.
  const target = usePretty
    ? pretty({
        destination: destination ?? 2,
        sync: true,
        colorize: !destination,
        singleLine: true,
        ignore: 'service,pid,hostname',
      })
    : (destination ?? pino.destination({ fd: 2, sync: true }));
  // Scrubbed as text, after serialising: an error's URL, stack or nested body is covered too.
  const wanted = secrets.filter((secret) => secret.length >= 8);
  return pino(options, { write: (line: string) => target.write(scrubSecrets(line, wanted)) });
}

/**
 * The logger of the bot or a command: the configured level, else the entry
 * point's default, with every configured token and secret scrubbed.
 *
 * @example
 * ```ts
 * const logger = configuredLogger(loadConfig(), 'warn');
 * logger.warn('corpus ./corpus has no papers');
 * ```
 */
export function configuredLogger(config: Config, defaultLevel: string): Logger {
  const slack = config.slack;
  const secrets = [
    config.discord?.token,
    slack?.botToken,
    slack?.mode === 'socket' ? slack.appToken : slack?.signingSecret,
    config.http.metricsToken,
  ].filter((secret): secret is string => secret !== undefined);
  return createLogger({ level: config.logLevel ?? defaultLevel, secrets });
}
