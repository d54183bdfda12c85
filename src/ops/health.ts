import type { ChatPlatform } from '../conversation/chat-platform.js';
import type { DisabledChannel } from '../store/store.js';

export interface Health {
  ok: boolean;
  papers: number;
  adapters: Record<string, boolean>;
  /** Why the bot is not healthy, one line each. */
  reasons: string[];
  /** Channels the platforms refuse (announcements to them are kept, not sent): a detail, not a reason to be unhealthy. */
  disabledChannels?: DisabledChannel[];
}

/** Healthy when the corpus is loaded and every platform taking events is connected. */
export function checkHealth({
  papers,
  platforms,
  disabledChannels,
}: {
  papers: number | undefined;
  platforms: readonly ChatPlatform[];
  disabledChannels?: DisabledChannel[];
}): Health {
  const reasons: string[] = [];
  if (papers === undefined) reasons.push('corpus not loaded');
  const states = Object.fromEntries(
    platforms.map((platform) => [platform.name, platform.isReady()]),
  );
  for (const [platform, ready] of Object.entries(states))
    if (!ready) reasons.push(`${platform}: not connected`);
  return {
    ok: reasons.length === 0,
    papers: papers ?? 0,
    adapters: states,
    reasons,
    ...(disabledChannels ? { disabledChannels } : {}),
  };
}
