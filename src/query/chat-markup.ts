import emojiRegex from 'emoji-regex';

/**
 * Chat markup that carries no question: mentions in each platform's syntax,
 * channel links, emoji and emoticons. Stripped in the core, so the shell and
 * every adapter read a question the same way.
 */
const MARKUP: readonly RegExp[] = [
  // Slack: <@U0ABC123>, <@U0ABC123|name>, <!here>, <!channel>, <!subteam^S1|@team>, <#C123|general>.
  /<[@!#][!&]?[\w^]{1,40}(?:\|[^<>]{0,80})?>/gu,
  // Discord: <@123…>, <@!123…>, <@&123…>, <#123…>, custom emoji <:name:123…> and <a:name:123…>.
  /<a?:\w{1,40}:\d{5,25}>/gu,
  // A typed handle: "@pubbot", "@here". An e-mail address keeps its @ (a word precedes it).
  /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.-]{1,40}/gu,
  // Slack and Discord emoji shortcodes: ":pray:", ":+1:".
  /(?<![\p{L}\p{N}]):[a-z0-9_+-]{1,40}:(?![\p{L}\p{N}])/gu,
  emojiRegex(),
  // Emoticons stand apart from words: ":)", ":-D", ";)", "xD", "<3", ":P", "^^".
  /(?<=^|\s)(?:[:;=8][-'^]?[()[\]DPpOo3|/\\*]+|[xX][dD]+|<3+|\^\^|:'\()(?=$|\s|[!?.,])/gu,
];

export interface StrippedMarkup {
  text: string;
  /** What was taken out, as written (for the answer's "ignored" note). */
  removed: string[];
}

/**
 * Removes chat markup, leaving a space where it stood so words either side
 * stay apart.
 *
 * @example
 * stripChatMarkup('<@U0ABC123> papers by Kejiang Ye 🙏').text // → 'papers by Kejiang Ye'
 */
export function stripChatMarkup(text: string): StrippedMarkup {
  const removed: string[] = [];
  let rest = text;
  for (const pattern of MARKUP) {
    rest = rest.replace(pattern, (match) => {
      removed.push(match);
      return ' ';
    });
  }
  return { text: rest.replace(/\s+/gu, ' ').trim(), removed };
}
