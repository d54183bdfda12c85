import type { Adapter } from '../platform/adapter.js';

export interface Health {
  ok: boolean;
  papers: number;
  adapters: Record<string, boolean>;
  /** Why the bot is not healthy, one line each. */
  reasons: string[];
}

/** Healthy when the corpus is loaded and every enabled adapter is connected. */
export function checkHealth({
  papers,
  adapters,
}: {
  papers: number | undefined;
  adapters: readonly Adapter[];
}): Health {
  const reasons: string[] = [];
  if (papers === undefined) reasons.push('corpus not loaded');
  const states = Object.fromEntries(
    adapters.map((adapter) => [adapter.platform, adapter.isReady()]),
  );
  for (const [platform, ready] of Object.entries(states))
    if (!ready) reasons.push(`${platform}: not connected`);
  return { ok: reasons.length === 0, papers: papers ?? 0, adapters: states, reasons };
}
