import type { Paper } from '../corpus/paper.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2023" from an ISO date. */
export function monthYear(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** Authors a one-line paper entry shows before "et al."; the detail view shows them all. */
export const LIST_AUTHORS = 3;

/** "Tianrui Qin, Xitong Gao, Juanjuan Zhao et al." — et al. wherever the source stopped or `max` cuts. */
export function authorLine(paper: Paper, max = paper.authors.length): string {
  const shown = paper.authors.slice(0, max).join(', ');
  return paper.authorsTruncated || paper.authors.length > max ? `${shown} et al.` : shown;
}

/**
 * A piece of shown text, linked when `url` is set. Renderers escape `text`
 * for their platform and link it only when the URL is http(s).
 */
export interface Span {
  text: string;
  url?: string;
}

/**
 * A paper in one line, as every list shows it — answers, pages and
 * announcement digests on every platform. Platforms add markup (bold, a
 * linked title, a URL line where nothing can be linked), never content.
 */
export interface PaperLine {
  /** 1-based place among all matches; absent when the paper stands alone. */
  position?: number;
  title: string;
  /** The paper's page, which the title links to. */
  url?: string;
  /** "Dec 2022". */
  date: string;
  /** First authors with "et al.", category, venue, code: in the order shown. */
  facts: Span[];
}

export function paperLine(paper: Paper, position?: number): PaperLine {
  const facts: Span[] = [{ text: authorLine(paper, LIST_AUTHORS) }, { text: paper.category }];
  if (paper.venue) facts.push({ text: paper.venue });
  if (paper.hasCode) facts.push({ text: 'code', ...(paper.codeUrl ? { url: paper.codeUrl } : {}) });
  return {
    ...(position === undefined ? {} : { position }),
    title: paper.title,
    ...(paper.url ? { url: paper.url } : {}),
    date: monthYear(paper.published),
    facts,
  };
}

/** Facts joined as every platform shows them: "A, B, C et al. · cs.CR · code". */
export const FACT_SEPARATOR = ' · ';

/**
 * The line as plain text: "1. Title (Dec 2022) — A, B, C et al. · cs.CR · code",
 * and the paper's page on a line of its own, since plain text cannot link.
 */
export function plainPaperLine(line: PaperLine): string {
  const number = line.position === undefined ? '' : `${line.position}. `;
  const facts = line.facts.map((fact) => fact.text).join(FACT_SEPARATOR);
  const text = `${number}${line.title} (${line.date}) — ${facts}`;
  return line.url ? `${text}\n   ${line.url}` : text;
}
