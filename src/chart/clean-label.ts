// Controls (C0, DEL, C1), lone surrogates, bidi overrides and isolates, and
// non-characters: invalid in SVG's XML, able to move a terminal's cursor, or
// able to reorder the text around them.
const UNPRINTABLE = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/gu;

/**
 * A label from corpus data as one printable line: whitespace runs (newlines
 * included) become one space and unprintable characters go.
 *
 * @example
 * ```ts
 * cleanLabel('  NeurIPS\n2024\u0007 '); // 'NeurIPS 2024'
 * ```
 */
export function cleanLabel(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(UNPRINTABLE, '').trim();
}
