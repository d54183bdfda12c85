import { paperDetail } from '../answer/paper-detail.js';
import { paperLine } from '../answer/paper-line.js';
import type { Paper } from '../corpus/paper.js';
import type { Reply } from './reply.js';

/**
 * A new-paper announcement, laid out once: one paper in full under "New
 * paper", or a numbered digest under "N new papers"; the footer says what
 * the channel subscribed to.
 *
 * @example
 * ```ts
 * await platform.post('C0123', announcementReply([paper], 'backdoors'), { idempotencyKey });
 * ```
 */
export function announcementReply(papers: readonly Paper[], subscription?: string): Reply {
  const [only] = papers;
  const footer = subscription
    ? `Announced here for papers matching “${subscription}”`
    : 'Announced here for every new paper';
  const base = { notes: [], footer, visibility: 'public' as const, attachments: [] };
  if (papers.length === 1 && only)
    return { ...base, title: 'New paper', detail: paperDetail(only) };
  return {
    ...base,
    title: `${papers.length} new papers`,
    papers: papers.map((paper, i) => paperLine(paper, i + 1)),
  };
}
