import type { Paper } from '../corpus/paper.js';
import { foldDiacritics } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes LaTeX specials so titles like "5% of $" survive. */
function escapeLatex(text: string): string {
  return text.replace(/([&%$#_])/gu, '\\$1').replace(/[{}]/gu, '');
}

/** Braces keep BibTeX styles from lower-casing acronyms and names (MORA, UEraser). */
function protectCapitals(title: string): string {
  return escapeLatex(title).replace(/\S*\p{Lu}\S*/gu, (word) =>
    /^\p{Lu}[^\p{Lu}]*$/u.test(word) ? word : `{${word}}`,
  );
}

/** "Cheng-Zhong Xu" → "Xu, Cheng-Zhong". */
function lastFirst(name: string): string {
  const words = name.trim().split(/\s+/u);
  if (words.length < 2) return name;
  return `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}

export function citationKey(paper: Paper): string {
  const ascii = (text: string) =>
    foldDiacritics(text)
      .toLowerCase()
      .replace(/[^a-z0-9]/gu, '');
  const surname = ascii(paper.authors[0]?.split(/\s+/u).at(-1) ?? 'anon');
  const word =
    paper.title
      .split(/[^\p{L}\p{N}]+/u)
      .map(ascii)
      .find((w) => w.length > 2 && !STOPWORDS.has(w)) ?? 'paper';
  return `${surname}${paper.published.slice(0, 4)}${word}`;
}

/** Venues that are journals rather than proceedings ("TMLR 2024", "IEEE Transactions on …"). */
const JOURNAL = /\b(?:journal|transactions|letters|TMLR|JMLR|TPAMI|TNNLS)\b/iu;

/**
 * A BibTeX entry: `@inproceedings` or `@article` when the venue is known,
 * else `@misc` with the arXiv fields; a truncated author list ends in "and
 * others", the BibTeX way of saying "et al.".
 */
export function toBibtex(paper: Paper): string {
  const authors = paper.authors.map((name) => escapeLatex(lastFirst(name)));
  if (paper.authorsTruncated) authors.push('others');
  const month = MONTHS[Number(paper.published.slice(5, 7)) - 1];
  const fields: Array<[string, string]> = [
    ['title', `{${protectCapitals(paper.title)}}`],
    ['author', `{${authors.join(' and ')}}`],
    ['year', `{${paper.published.slice(0, 4)}}`],
    ['month', month ?? ''],
  ];
  const kind = !paper.venue ? 'misc' : JOURNAL.test(paper.venue) ? 'article' : 'inproceedings';
  if (paper.venue)
    fields.push([kind === 'article' ? 'journal' : 'booktitle', `{${escapeLatex(paper.venue)}}`]);
  if (paper.arxivId) {
    fields.push(['eprint', `{${paper.arxivId}}`], ['archivePrefix', '{arXiv}']);
  }
  fields.push(['primaryClass', `{${paper.category}}`]);
  if (paper.url) fields.push(['url', `{${paper.url}}`]);
  if (paper.codeUrl) fields.push(['note', `{Code: \\url{${paper.codeUrl}}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n');
  return `@${kind}{${citationKey(paper)},\n${body}\n}`;
}
