import { truncate as truncateText } from '../../src/text/truncate.js';

/**
 * Escapes text for Slack mrkdwn: exactly `&`, `<` and `>`, so corpus or user
 * text can never form `<!channel>`, `<@U123>` or a `<url|fake link>`.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Truncates escaped mrkdwn without cutting an entity such as `&amp;` in half. */
export function truncate(text: string, max: number): string {
  return truncateText(text, max, (cut) => cut.replace(/&[a-z]*$/u, ''));
}

/** `<url|label>` for an http(s) URL; the label alone otherwise. `label` must already be escaped. */
export function link(label: string, url: string | undefined): string {
  if (!url) return label;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return label;
    // "|" and ">" would end the link early; encode them.
    const href = parsed.href.replace(/\|/gu, '%7C').replace(/>/gu, '%3E').replace(/</gu, '%3C');
    return `<${href}|${label.replace(/\|/gu, '∣')}>`;
  } catch {
    return label;
  }
}
