/**
 * Letters that Unicode does not decompose into base letter + mark, so NFKD alone
 * would leave them in place ("Łukasz" must match a user typing "Lukasz").
 */
const UNDECOMPOSABLE: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

const UNDECOMPOSABLE_RE = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');

/** Removes diacritics, keeping case: "Łukasz Dudziak" → "Lukasz Dudziak". */
export function foldDiacritics(text: string): string {
  if (isAscii(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

/** Text with nothing outside ASCII needs no folding. */
const NON_ASCII = /[^\p{ASCII}]/u;
const isAscii = (text: string) => !NON_ASCII.test(text);

/** Folded, lower-cased, with typographic quotes and dashes made plain. */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing to fold or straighten; skipping NFKD matters when indexing whole abstracts.
  if (isAscii(text)) return text.toLowerCase();
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}
