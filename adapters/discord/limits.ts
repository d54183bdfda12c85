/** Discord's hard limits (API docs), by name; builders check against these. */
export const DISCORD_LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footerText: 2048,
  authorName: 256,
  /** All embeds of one message together. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
