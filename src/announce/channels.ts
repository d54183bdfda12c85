import { parseChannel } from '../conversation/channel-id.js';
import { ConfigError } from '../errors.js';

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
