import { ConfigError } from '../errors.js';

/** Platforms a channel id can name. */
export const PLATFORMS = ['discord', 'slack', 'shell'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Splits "discord:123" into platform and id; undefined when malformed. */
export function parseChannel(channel: string): { platform: Platform; id: string } | undefined {
  const match = /^(discord|slack|shell):([A-Za-z0-9_.-]{1,80})$/u.exec(channel.trim());
  return match ? { platform: match[1] as Platform, id: match[2] as string } : undefined;
}

/**
 * ANNOUNCE_CHANNELS: comma-separated `channel` or `channel=query`, e.g.
 * `shell:local, discord:123=backdoors, slack:C0123=papers by Tianrui Qin`.
 */
export function parseAnnounceChannels(
  value: string | undefined,
): Array<{ channel: string; query?: string }> {
  if (!value?.trim()) return [];
  return value.split(',').flatMap((item) => {
    if (!item.trim()) return [];
    const [channel = '', ...rest] = item.split('=');
    const query = rest.join('=').trim();
    if (!parseChannel(channel)) {
      throw new ConfigError(
        `ANNOUNCE_CHANNELS: "${item.trim()}" is not discord:<id>, slack:<id> or shell:<name> (optionally =query)`,
      );
    }
    return [{ channel: channel.trim(), ...(query ? { query } : {}) }];
  });
}
