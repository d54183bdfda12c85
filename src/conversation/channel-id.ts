/** Platforms a channel id can name. */
export const PLATFORMS = ['discord', 'slack', 'shell'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Splits "discord:123" into platform and the platform's own id; undefined
 * when malformed. Namespaced ids let a scheduler post anywhere through one
 * `ChatPlatform.post`.
 */
export function parseChannel(channel: string): { platform: Platform; id: string } | undefined {
  const match = /^(discord|slack|shell):([A-Za-z0-9_.-]{1,80})$/u.exec(channel.trim());
  return match ? { platform: match[1] as Platform, id: match[2] as string } : undefined;
}
