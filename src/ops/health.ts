import type { ChatPlatform } from '../conversation/chat-platform.js';
import type { DisabledChannel } from '../store/store.js';

export interface Health {
  ok: boolean;
  papers: number;
  /** Each platform taking events: connected and able to answer right now. */
  adapters: Record<string, boolean>;
  /** Why the bot is not healthy, one line each. */
  reasons: string[];
  /** Channels the platforms refuse (announcements to them are kept, not sent): a detail, not a reason to be unhealthy. */
  disabledChannels?: DisabledChannel[];
}

export interface HealthSources {
  papers: () => number;
  platforms: () => readonly ChatPlatform[];
  /** How long a platform may be unable to connect or authenticate before it counts. */
  graceMs: number;
  /** Why the store cannot be written, or undefined when a write just went through. */
  storeProblem: () => Promise<string | undefined>;
  /** True once shutdown began: load balancers should send events elsewhere. */
  stopping: () => boolean;
  /** Channels announcements are disabled for, shown as a detail. */
  disabledChannels?: () => Promise<DisabledChannel[]>;
  now?: () => number;
}

/**
 * Healthy unless the bot is shutting down, the store cannot be written, or
 * a platform has been unable to connect or authenticate for longer than the
 * grace (a reconnect within it is normal and stays healthy).
 */
export async function checkHealth(sources: HealthSources): Promise<Health> {
  const now = (sources.now ?? Date.now)();
  const reasons: string[] = [];
  if (sources.stopping()) reasons.push('shutting down');
  const platforms = sources.platforms();
  for (const platform of platforms) {
    const outage = platform.outage();
    const lasted = outage ? now - outage.since : 0;
    if (outage && lasted >= sources.graceMs)
      reasons.push(`${platform.name}: ${outage.reason} (for ${Math.round(lasted / 1000)} s)`);
  }
  const store = await sources.storeProblem();
  if (store) reasons.push(`store: ${store}`);
  // A store that cannot be read cannot run announcements either: unhealthy, with the reason.
  const disabledChannels = store
    ? undefined
    : await sources.disabledChannels?.().catch((error: unknown) => {
        reasons.push(`store: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
  return {
    ok: reasons.length === 0,
    papers: sources.papers(),
    adapters: Object.fromEntries(platforms.map((platform) => [platform.name, platform.isReady()])),
    reasons,
    ...(disabledChannels ? { disabledChannels } : {}),
  };
}
