/** Slack's Block Kit and messaging limits, by name. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  /** The whole blocks payload; Slack answers msg_blocks_too_long somewhere above ~13k characters. */
  blocksPayload: 12_000,
  /** The text fallback shown in notifications. */
  fallbackText: 3000,
} as const;
