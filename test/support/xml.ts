/**
 * Text as XML content. `asciiOnly` writes every other character as a numeric
 * character reference, as DBLP's XML does.
 */
export function escapeXml(text: string, { asciiOnly = false } = {}): string {
  const escaped = text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
  return asciiOnly
    ? escaped.replace(/[^\x20-\x7e\n]/gu, (ch) => `&#${ch.codePointAt(0)};`)
    : escaped;
}
