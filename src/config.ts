import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { parseAnnounceChannels } from './announce/channels.js';
import { ConfigError } from './errors.js';
import { isPostgresUrl, sqliteTarget } from './store/database-url.js';
import { parseDuration } from './text/duration.js';

export { ConfigError } from './errors.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = z.url({ protocol: /^https?$/u, error: 'must be an http(s) URL' });

/** A DBLP person id: the part after dblp.org/pid/, e.g. 71/4882 or 181/2784-1. */
const DBLP_PID = /^[A-Za-z0-9]+(?:\/[A-Za-z0-9_-]+)+$/u;
const ON = ['true', '1', 'on', 'yes'];
/** A duration such as 90s, 5m, 24h or 1d, within bounds, in milliseconds. */
const duration = (fallback: string, min: number, max: number) =>
  z
    .string()
    .default(fallback)
    .transform((text) => parseDuration(text) ?? Number.NaN)
    .refine((ms) => ms >= min && ms <= max, {
      error: `must be a duration such as 90s, 5m, 24h or 1d, between ${min / 1000} s and ${max / 86_400_000} days`,
    });
const DAY_MS = 86_400_000;
const OFF = ['false', '0', 'off', 'no'];

const onOff = z
  .string()
  .transform((value) => value.toLowerCase())
  .refine((value) => [...ON, ...OFF].includes(value), 'must be on or off (true/false, 1/0)')
  .transform((value) => ON.includes(value));

/** A duration in seconds; fractions allowed, so tests can wait less than a second. */
function seconds(example: string) {
  return z.coerce
    .number({ error: `must be a number of seconds such as ${example}` })
    .positive(`must be a number of seconds above 0, such as ${example}`)
    .max(3600, 'must be at most 3600 seconds');
}

const EnvSchema = z.object({
  CORPUS_DIR: z
    .string()
    .min(1)
    .refine((dir) => isFolder(dir), 'must be a folder holding *.txt listings and *.json entries')
    .default('./corpus'),
  /** Interface the HTTP server listens on: loopback unless the deployment opens it (the container sets 0.0.0.0). */
  HTTP_HOST: z
    .string()
    .regex(/^[\w.:-]+$/u, 'must be an IP address or host name such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  DISCORD_TOKEN: z.string().min(20, 'looks too short to be a bot token').optional(),
  DISCORD_APP_ID: z
    .string()
    .regex(/^\d{15,25}$/u, 'must be the numeric Application ID')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{15,25}$/u, 'must be a numeric server (guild) ID')
    .optional(),
  DISCORD_API_URL: httpUrl.default('https://discord.com/api'),
  /** Serves POST /discord/interactions (Ed25519-verified) when set. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/u,
      'must be the 64 hex characters of the Public Key (Developer Portal → General Information)',
    )
    .optional(),
  DISCORD_GATEWAY: onOff.default(true),
  SLACK_BOT_TOKEN: z
    .string()
    .startsWith('xoxb-', 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'looks too short to be a signing secret').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-', 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: httpUrl.default('https://slack.com/api/'),
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/u, 'must look like /papers')
    .default('/papers'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** How long a platform may fail to connect or authenticate before /healthz turns 503. */
  HEALTH_GRACE_SECONDS: seconds('60').default(60),
  /** How long SIGTERM/SIGINT wait for answers in flight before the process exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: seconds('10').default(10),
  DATABASE_URL: z
    .string()
    .regex(
      /^(?:sqlite:.+|postgres(?:ql)?:\/\/.+)$/u,
      'must be sqlite:<path> (e.g. sqlite:./data/pubbot.db) or postgres://user:password@host:5432/database',
    )
    .default('sqlite:./data/pubbot.db'),
  /** How long a paper may be missing from the corpus before what it was owed is cancelled. */
  ANNOUNCE_MISSING_GRACE: duration('1d', 0, 365 * DAY_MS),
  /** How long a claim or the planning lease keeps other processes out after its owner died. */
  ANNOUNCE_CLAIM_TTL: duration('2m', 1000, DAY_MS),
  /** The first wait before a failed announcement is tried again; it doubles up to 30 minutes. */
  ANNOUNCE_RETRY_MIN: duration('30s', 100, 30 * 60 * 1000),
  ANNOUNCE_CRON: z
    .string()
    .refine(
      isCronPattern,
      'must be a cron pattern such as "0 9 * * *" (minute hour day month weekday)',
    )
    .default('0 9 * * *'),
  ANNOUNCE_TZ: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/London or UTC')
    .default('UTC'),
  ANNOUNCE_CHANNELS: z.string().optional(),
  ARXIV_QUERY: z.string().max(300).optional(),
  ARXIV_API_URL: httpUrl.default('https://export.arxiv.org/api/query'),
  DBLP_PIDS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((pid) => pid.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(DBLP_PID, {
          error: (issue) =>
            `“${String(issue.input)}” is not a DBLP person id such as 71/4882 (the part after dblp.org/pid/)`,
        }),
      ),
    )
    .default([]),
  DBLP_API_URL: httpUrl.default('https://dblp.org'),
  SYNC_ON_CYCLE: onOff.default(false),
  // Goes into the User-Agent comment, so: ASCII, no spaces or parentheses.
  SOURCES_CONTACT: z
    .string()
    .regex(
      /^[!-'*-~]{3,200}$/u,
      'must be an e-mail address or URL without spaces or parentheses, e.g. mailto:lab@example.org',
    )
    .optional(),
});

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface DiscordConfig {
  token: string;
  appId: string;
  guildId?: string;
  apiUrl: string;
  /** Hex Ed25519 key: interactions are also taken over HTTP at POST /discord/interactions. */
  publicKey?: string;
  /** Connect to the gateway (on unless DISCORD_GATEWAY=off, which needs the public key). */
  gateway: boolean;
}

export type SlackConfig = {
  botToken: string;
  apiUrl: string;
  command: string;
} & ({ mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string });

export interface AnnounceConfig {
  databaseUrl: string;
  cron: string;
  timezone: string;
  /** ANNOUNCE_MISSING_GRACE, in milliseconds. */
  missingGraceMs: number;
  /** ANNOUNCE_CLAIM_TTL, in milliseconds. */
  claimTtlMs: number;
  /** ANNOUNCE_RETRY_MIN, in milliseconds. */
  retryMinMs: number;
  /** ANNOUNCE_CHANNELS, parsed. */
  channels: Array<{ channel: string; query?: string }>;
  arxiv?: { query: string; apiUrl: string };
}

/** The public sources `npm run corpus -- sync` reads. */
export interface SourcesConfig {
  arxivApiUrl: string;
  dblpApiUrl: string;
  /** DBLP person ids whose bibliographies are read; empty: DBLP is not asked. */
  dblpPids: string[];
  /** How the sources can reach whoever runs pubbot; goes into the User-Agent. */
  contact?: string;
  /** Sync at the start of each announcement cycle (off by default). */
  syncOnCycle: boolean;
}

/** The HTTP server for /healthz, /metrics and webhooks. */
export interface HttpConfig {
  host: string;
  metricsToken?: string;
}

/**
 * pubbot's configuration, read from the environment (and `.env`) by
 * `loadConfig` and validated once: which platforms run follows from which
 * credentials are present.
 *
 * @example
 * ```ts
 * const config = loadConfig({ DISCORD_TOKEN: '…', DISCORD_APP_ID: '123456789012345678' });
 * config.discord?.apiUrl; // → 'https://discord.com/api'
 * const pubbot = await bootstrap(config, createLogger());
 * ```
 */
export interface Config {
  corpusDir: string;
  http: HttpConfig;
  /** Folder beside the database for derived state (index snapshots); none for an in-memory database. */
  stateDir?: string;
  announce: AnnounceConfig;
  sources: SourcesConfig;
  /**
   * Port for /healthz and /metrics, shared with Slack's HTTP receiver in HTTP mode.
   * Unset: 3000 when a chat platform runs, no server for the shell alone.
   */
  httpPort?: number;
  /** How long a platform may be unable to connect or authenticate before /healthz says 503. */
  healthGraceMs: number;
  /** How long a shutdown waits for answers in flight before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Unset means the entry point's default: quiet for the shell, info for chat platforms. */
  logLevel?: (typeof LOG_LEVELS)[number];
  /** Present when Discord credentials are set. */
  discord?: DiscordConfig;
  /** Present when Slack credentials are set: Socket Mode with an app token, HTTP with a signing secret. */
  slack?: SlackConfig;
}

/**
 * Loads `.env` (or the file ENV_FILE names; empty disables it) into the
 * environment without overriding what is already set.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const named = env.ENV_FILE;
  const file = named ?? '.env';
  if (file === '') return;
  // A missing .env is normal; a file someone named explicitly and that is not there is a mistake.
  if (!existsSync(file)) {
    if (named !== undefined)
      throw new ConfigError(`ENV_FILE: no file at ${file} (set ENV_FILE= to read none)`);
    return;
  }
  process.loadEnvFile(file);
}

/**
 * Reads and validates configuration from the environment. Empty strings count
 * as unset, so a blank line in `.env` means "use the default". Which adapters
 * run follows from which credentials are present.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  return {
    corpusDir: e.CORPUS_DIR,
    ...stateDirOf(e.DATABASE_URL),
    announce: {
      databaseUrl: e.DATABASE_URL,
      cron: e.ANNOUNCE_CRON,
      timezone: e.ANNOUNCE_TZ,
      missingGraceMs: e.ANNOUNCE_MISSING_GRACE,
      claimTtlMs: e.ANNOUNCE_CLAIM_TTL,
      retryMinMs: e.ANNOUNCE_RETRY_MIN,
      channels: parseAnnounceChannels(e.ANNOUNCE_CHANNELS),
      ...(e.ARXIV_QUERY ? { arxiv: { query: e.ARXIV_QUERY, apiUrl: e.ARXIV_API_URL } } : {}),
    },
    sources: {
      arxivApiUrl: e.ARXIV_API_URL,
      dblpApiUrl: e.DBLP_API_URL,
      dblpPids: e.DBLP_PIDS,
      ...(e.SOURCES_CONTACT ? { contact: e.SOURCES_CONTACT } : {}),
      syncOnCycle: e.SYNC_ON_CYCLE,
    },
    ...(e.HTTP_PORT === undefined ? {} : { httpPort: e.HTTP_PORT }),
    healthGraceMs: e.HEALTH_GRACE_SECONDS * 1000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
    http: { host: e.HTTP_HOST, ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}) },
    ...(e.DISCORD_TOKEN ? { discord: discordConfig(e) } : noStrayDiscordSettings(e)),
    ...(e.SLACK_BOT_TOKEN ? { slack: slackConfig(e) } : noStraySlackSettings(e)),
  };
}

/** Slack settings without the bot token are a half-done setup: say so instead of ignoring them. */
function noStraySlackSettings(e: z.infer<typeof EnvSchema>): Record<string, never> {
  const stray = (['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const).find((name) => e[name]);
  if (stray)
    throw new ConfigError(
      `${stray}: set, but SLACK_BOT_TOKEN is not; Slack needs the bot token (xoxb-…) too, or remove ${stray}`,
    );
  return {};
}

/** Like Slack's: a public key without the token cannot register commands or post, so it is named. */
function noStrayDiscordSettings(e: z.infer<typeof EnvSchema>): Record<string, never> {
  if (e.DISCORD_PUBLIC_KEY)
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY: set, but DISCORD_TOKEN is not; Discord needs the bot token too (commands are registered and announcements posted with it)',
    );
  return {};
}

function discordConfig(e: z.infer<typeof EnvSchema>): DiscordConfig {
  if (!e.DISCORD_APP_ID) {
    throw new ConfigError(
      'DISCORD_APP_ID: required when DISCORD_TOKEN is set (Developer Portal → your application → General Information → Application ID)',
    );
  }
  if (!e.DISCORD_GATEWAY && !e.DISCORD_PUBLIC_KEY) {
    throw new ConfigError(
      'DISCORD_GATEWAY: off needs DISCORD_PUBLIC_KEY, or no interaction could reach the bot (set the key and the Interactions Endpoint URL, or leave the gateway on)',
    );
  }
  return {
    token: e.DISCORD_TOKEN as string,
    appId: e.DISCORD_APP_ID,
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    apiUrl: e.DISCORD_API_URL,
    ...(e.DISCORD_PUBLIC_KEY ? { publicKey: e.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
    gateway: e.DISCORD_GATEWAY,
  };
}

/** Index snapshots live beside a SQLite file; with PostgreSQL (or in memory) indexes are built at start. */
function stateDirOf(databaseUrl: string): { stateDir?: string } {
  if (isPostgresUrl(databaseUrl)) return {};
  const { path } = sqliteTarget(databaseUrl);
  return path === ':memory:' ? {} : { stateDir: dirname(path) };
}

function slackConfig(e: z.infer<typeof EnvSchema>): SlackConfig {
  const base = {
    botToken: e.SLACK_BOT_TOKEN as string,
    apiUrl: e.SLACK_API_URL,
    command: e.SLACK_COMMAND,
  };
  if (e.SLACK_APP_TOKEN) return { ...base, mode: 'socket', appToken: e.SLACK_APP_TOKEN };
  if (e.SLACK_SIGNING_SECRET)
    return { ...base, mode: 'http', signingSecret: e.SLACK_SIGNING_SECRET };
  throw new ConfigError(
    'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set, unless SLACK_APP_TOKEN selects Socket Mode (Slack app → Basic Information → Signing Secret)',
  );
}
