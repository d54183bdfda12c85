/**
 * Corpus and user text shown in Discord: markdown characters escaped so a
 * title cannot turn bold or fake a link, and mention syntax broken with a
 * zero-width space so `@everyone` or `<@&role>` never renders as a mention
 * (allowedMentions already stops the ping; this stops the look of one).
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(/([\\*_~`|[\]])/gu, '\\$1')
    .replace(/^(\s*)([>#-]|\d+\.)/gmu, '$1\\$2')
    .replace(/@(everyone|here)/giu, '@\u200b$1')
    .replace(/<([@#]|\/|a?:)/gu, '<\u200b$1');
}

/**
 * Cuts text to at most `max` characters at a word boundary, ending in "…".
 * Never leaves a dangling escape backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/\\+$/u, (slashes) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes));
  return `${cut.trimEnd()}…`;
}

/** A fenced code block of at most `max` characters, fence always closed. */
export function codeBlock(content: string, language: string, max: number): string {
  const open = `\`\`\`${language}\n`;
  const close = '\n```';
  // A fence inside the content would end the block early.
  const safe = content.replace(/```/gu, '`\u200b``');
  return `${open}${truncate(safe, max - open.length - close.length)}${close}`;
}
