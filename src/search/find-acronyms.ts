/**
 * Abbreviations a text defines, "parameter-efficient fine-tuning (PEFT)" →
 * ["peft", "parameter-efficient fine-tuning"], so a question using either
 * finds papers using the other. Accepted only when the abbreviation's
 * capitals are the initials of the words before it (a hyphen starts a word
 * too), which keeps "(e.g. CIFAR-10)" and "(ours)" out.
 */
export function findAcronyms(text: string): Array<[acronym: string, expansion: string]> {
  const found: Array<[string, string]> = [];
  for (const match of text.matchAll(/\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*?)(s?)\)/gu)) {
    const acronym = match[1] as string;
    const initials = acronym.replace(/[^A-Z]/gu, '').toLowerCase();
    if (initials.length < 2 || initials.length > 8) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 120), match.index).trimEnd();
    const words = before.split(/\s+/u).slice(-initials.length * 2);
    for (let take = 1; take <= words.length; take++) {
      const phrase = words.slice(-take);
      const letters = phrase
        .flatMap((word) => word.split('-'))
        .map((part) => part.replace(/^[^\p{L}]+/u, '')[0]?.toLowerCase() ?? '')
        .join('');
      if (letters === initials && /^\p{L}/u.test(phrase[0] ?? '')) {
        found.push([
          acronym.toLowerCase(),
          phrase
            .join(' ')
            .replace(/[^\p{L}\p{N}\s-]+$/u, '')
            .toLowerCase(),
        ]);
        break;
      }
      if (letters.length > initials.length) break;
    }
  }
  return found;
}
