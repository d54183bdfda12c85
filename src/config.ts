import { z } from 'zod';

/** A configuration problem a person can fix; reported as one line, exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type Config = {
  corpusDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
};

/**
 * Reads and validates configuration from the environment. Empty strings count
 * as unset, so a blank line in `.env` means "use the default".
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
  return { corpusDir: parsed.data.CORPUS_DIR, logLevel: parsed.data.LOG_LEVEL };
}
