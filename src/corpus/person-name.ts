/**
 * Shape rules for personal names as they appear in author lists. They decide
 * where a title glued to its first author ends, so they must accept real names
 * ("Cheng-Zhong Xu", "Łukasz Dudziak", "Aaron van den Oord", "J. R. Smith",
 * "Sean McDonald") and reject title words ("FPGAsYiren", "NetV2").
 */
const CAPITALISED = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*`;
/** Surnames with an inner capital after a common prefix: McDonald, DeShawn, O'Neil, LeCun. */
const PREFIXED = String.raw`(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|Le|La|Van|Von)\p{Lu}\p{Ll}+`;
const INITIALS = String.raw`\p{Lu}\.(?:-?\p{Lu}\.)*`;
const HAN = String.raw`\p{Script=Han}{1,4}`;
const NAME_WORD = new RegExp(`^(?:${PREFIXED}|${CAPITALISED}|${INITIALS}|${HAN})$`, 'u');
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'al',
]);

export interface NameShapeOptions {
  minWords?: number;
  maxWords?: number;
}

/** True when `text` has the shape of one person's name. */
export function looksLikePersonName(
  text: string,
  { minWords = 2, maxWords = 5 }: NameShapeOptions = {},
): boolean {
  const words = text.trim().split(/\s+/u);
  if (words.length < minWords || words.length > maxWords) return false;
  return words.every((word, index) => {
    const isEdge = index === 0 || index === words.length - 1;
    if (!isEdge && PARTICLES.has(word)) return true;
    return NAME_WORD.test(word);
  });
}
