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
