import { foldDiacritics } from '../text/fold.js';

const MAX_SLUG_LENGTH = 60;

/** URL-safe, stable id from a title: "MORA: Improving Ensemble …" → "mora-improving-ensemble-…". */
export function slugify(title: string): string {
  const slug = foldDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || 'untitled';
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-')) || slug.slice(0, MAX_SLUG_LENGTH);
}

/** Titles compared for identity: case, accents, punctuation and spacing ignored. */
export function titleKey(title: string): string {
  return foldDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}
