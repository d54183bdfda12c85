import { authorLine, LIST_AUTHORS, monthYear } from '../answer/paper-line.js';
import type { Paper } from '../corpus/paper.js';

/** One message to one channel about new papers; adapters render it for their platform. */
export interface Announcement {
  /** The channel's own id on its platform ("123…" for discord:123…). */
  channelId: string;
  papers: Paper[];
  /** What the channel subscribed to, in words ("papers about “backdoors”"); absent for everything. */
  subscription?: string;
  /** Stable idempotency key for this message (Discord's nonce); the same on every retry. */
  key: string;
}

/** What a platform says about a message it accepted. */
export interface PostReceipt {
  messageId?: string;
}

/** Sends announcements to one platform's channels. */
export interface Poster {
  post(announcement: Announcement): Promise<PostReceipt>;
}

export function announcementHeadline(announcement: Announcement): string {
  const count = announcement.papers.length;
  return count === 1 ? 'New paper' : `${count} new papers`;
}

/** Plain text, for the shell and for text fallbacks. */
export function announcementText(announcement: Announcement): string {
  const lines = [
    `${announcementHeadline(announcement)}${announcement.subscription ? ` (${announcement.subscription})` : ''}:`,
  ];
  announcement.papers.forEach((paper, i) => {
    const number = announcement.papers.length > 1 ? `${i + 1}. ` : '';
    lines.push(
      `${number}${paper.title} (${monthYear(paper.published)}) — ${authorLine(paper, LIST_AUTHORS)} · ${paper.category}`,
    );
    if (paper.url) lines.push(`   ${paper.url}`);
    if (paper.codeUrl) lines.push(`   code: ${paper.codeUrl}`);
  });
  return lines.join('\n');
}
