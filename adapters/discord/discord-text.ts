import { truncate as truncateText } from '../../src/text/truncate.js';

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

/** Truncates Discord markdown without stranding an escape backslash. */
export function truncate(text: string, max: number): string {
  return truncateText(text, max, (cut) =>
    cut.replace(/\\+$/u, (slashes) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes)),
  );
}

/** A fenced code block of at most `max` characters, fence always closed. */
export function codeBlock(content: string, language: string, max: number): string {
  const open = `\`\`\`${language}\n`;
  const close = '\n```';
  // A fence inside the content would end the block early.
  const safe = content.replace(/```/gu, '`\u200b``');
  return `${open}${truncate(safe, max - open.length - close.length)}${close}`;
}
