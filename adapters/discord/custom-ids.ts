import { DISCORD_LIMITS } from './limits.js';

const REFINE = 'refine:';

/**
 * Button and modal custom ids. A page button's id is the page token itself
 * (page tokens start with `p1`); a Refine button and the modal it opens
 * carry the conversation the refinement continues.
 */
export function refineId(conversation: string): string {
  return `${REFINE}${conversation}`.slice(0, DISCORD_LIMITS.customId);
}

/** The conversation a Refine button or modal continues; undefined for any other id. */
export function refinedConversation(customId: string): string | undefined {
  return customId.startsWith(REFINE) ? customId.slice(REFINE.length) : undefined;
}
