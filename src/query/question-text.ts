/** Longest question accepted; longer input is refused, not truncated. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * Makes user text safe to take apart: Unicode composed, control and
 * zero-width characters turned into spaces, whitespace collapsed.
 */
export function cleanQuestion(raw: string): string {
  // Lone surrogates are not text; they would turn into garbage in storage and JSON.
  return raw
    .toWellFormed()
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
