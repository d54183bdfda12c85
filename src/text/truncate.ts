/**
 * Cuts text to at most `max` characters, preferring a word boundary, ending
 * in "…". `repairTail` removes a half-cut escape the cut may leave behind
 * (a lone backslash in Discord markdown, a partial `&amp;` in Slack mrkdwn).
 */
export function truncate(
  text: string,
  max: number,
  repairTail: (cut: string) => string = (cut) => cut,
): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${repairTail(cut).trimEnd()}…`;
}
