import { paperDetail } from '../answer/paper-detail.js';
import { paperLine } from '../answer/paper-line.js';
import type { Paper } from '../corpus/paper.js';
import type { Reply } from './reply.js';

/** What the footer says a channel subscribed to. */
function subscriptionFooter(subscription: string | undefined): string {
  return subscription
    ? `Announced here for papers matching “${subscription}”`
    : 'Announced here for every new paper';
}

const announcement = (subscription: string | undefined) => ({
  notes: [],
  footer: subscriptionFooter(subscription),
  visibility: 'public' as const,
  attachments: [],
});

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
  const base = announcement(subscription);
  if (papers.length === 1 && only)
    return { ...base, title: 'New paper', detail: paperDetail(only) };
  return {
    ...base,
    title: `${papers.length} new papers`,
    papers: papers.map((paper, i) => paperLine(paper, i + 1)),
  };
}

/**
 * Venue news: a preprint the channel heard about is now published — one
 * line for the paper under "Now published at NeurIPS 2025".
 *
 * @example
 * ```ts
 * await platform.post('C0123', venueNewsReply(paper, 'NeurIPS 2025', 'backdoors'), { idempotencyKey });
 * ```
 */
export function venueNewsReply(paper: Paper, venue: string, subscription?: string): Reply {
  return {
    ...announcement(subscription),
    title: `Now published at ${venue}`,
    papers: [paperLine(paper)],
  };
}
