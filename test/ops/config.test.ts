import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadEnvFile } from '../../src/config.js';

const discord = { DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APP_ID: '111111111111111111' };

describe('configuration mistakes are named, never ignored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pubbot-config-'));
  const file = join(dir, 'listing.txt');
  writeFileSync(file, '');

  it.each([
    [{ CORPUS_DIR: file }, /^CORPUS_DIR: must be a folder/u],
    [{ CORPUS_DIR: join(dir, 'missing') }, /^CORPUS_DIR: must be a folder/u],
    [{ SLACK_APP_TOKEN: 'xapp-1-abc' }, /^SLACK_APP_TOKEN: set, but SLACK_BOT_TOKEN is not/u],
    [
      { SLACK_SIGNING_SECRET: '0123456789abcdef' },
      /^SLACK_SIGNING_SECRET: set, but SLACK_BOT_TOKEN/u,
    ],
    [{ HTTP_HOST: 'not a host!' }, /^HTTP_HOST: /u],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN: must be at least 16/u],
    [
      { HEALTH_GRACE_SECONDS: 'soon' },
      /^HEALTH_GRACE_SECONDS: must be a number of seconds such as 60/u,
    ],
    [
      { SHUTDOWN_TIMEOUT_SECONDS: '0' },
      /^SHUTDOWN_TIMEOUT_SECONDS: must be a number of seconds above 0/u,
    ],
    [
      { DISCORD_PUBLIC_KEY: 'ab'.repeat(32) },
      /^DISCORD_PUBLIC_KEY: set, but DISCORD_TOKEN is not/u,
    ],
    [
      { ...discord, DISCORD_PUBLIC_KEY: 'not-hex' },
      /^DISCORD_PUBLIC_KEY: must be the 64 hex characters/u,
    ],
    [{ ...discord, DISCORD_GATEWAY: 'off' }, /^DISCORD_GATEWAY: off needs DISCORD_PUBLIC_KEY/u],
    [{ ...discord, DISCORD_GATEWAY: 'maybe' }, /^DISCORD_GATEWAY: must be on or off/u],
  ])('GIVEN %o THEN one message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('GIVEN an ENV_FILE that does not exist THEN it is named; an absent .env is fine', () => {
    expect(() => loadEnvFile({ ENV_FILE: join(dir, 'nope.env') })).toThrow(
      /^ENV_FILE: no file at /u,
    );
    expect(() => loadEnvFile({ ENV_FILE: '' })).not.toThrow();
  });

  it('GIVEN nothing set THEN a minute of grace for health and ten seconds to shut down; fractions allowed', () => {
    expect(loadConfig({})).toMatchObject({ healthGraceMs: 60_000, shutdownTimeoutMs: 10_000 });
    expect(loadConfig({ HEALTH_GRACE_SECONDS: '1.5' }).healthGraceMs).toBe(1500);
  });

  it('GIVEN a public key THEN Discord also takes HTTP interactions; the gateway stays on unless turned off', () => {
    const key = 'AB'.repeat(32);
    expect(loadConfig({ ...discord, DISCORD_PUBLIC_KEY: key }).discord).toMatchObject({
      publicKey: key.toLowerCase(),
      gateway: true,
    });
    expect(
      loadConfig({ ...discord, DISCORD_PUBLIC_KEY: key, DISCORD_GATEWAY: 'off' }).discord?.gateway,
    ).toBe(false);
  });

  it('GIVEN nothing set THEN the HTTP server listens on loopback, /metrics open', () => {
    expect(loadConfig({}).http).toEqual({ host: '127.0.0.1' });
    expect(loadConfig({ HTTP_HOST: '0.0.0.0', METRICS_TOKEN: 'x'.repeat(16) }).http).toEqual({
      host: '0.0.0.0',
      metricsToken: 'x'.repeat(16),
    });
  });
});
