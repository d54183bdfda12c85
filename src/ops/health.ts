import type { ChatPlatform } from '../conversation/chat-platform.js';

export interface Health {
  ok: boolean;
  papers: number;
  adapters: Record<string, boolean>;
  /** Why the bot is not healthy, one line each. */
  reasons: string[];
}

/** Healthy when the corpus is loaded and every platform taking events is connected. */
export function checkHealth({
  papers,
  platforms,
}: {
  papers: number | undefined;
  platforms: readonly ChatPlatform[];
}): Health {
  const reasons: string[] = [];
  if (papers === undefined) reasons.push('corpus not loaded');
  const states = Object.fromEntries(
    platforms.map((platform) => [platform.name, platform.isReady()]),
  );
  for (const [platform, ready] of Object.entries(states))
    if (!ready) reasons.push(`${platform}: not connected`);
  return { ok: reasons.length === 0, papers: papers ?? 0, adapters: states, reasons };
}
