/** Longest question accepted; longer input is refused, not truncated. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * Makes user text safe to take apart: Unicode composed, control and
 * zero-width characters turned into spaces, whitespace collapsed.
 */
export function cleanQuestion(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
