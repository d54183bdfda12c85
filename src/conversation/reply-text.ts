import { plainPaperDetail } from '../answer/paper-detail.js';
import { plainPaperLine } from '../answer/paper-line.js';
import { chartLines } from './chart-lines.js';
import type { Reply } from './reply.js';

/**
 * A reply as plain text: the shell's output, and the fallback text Slack
 * shows in notifications. Links become URL lines; the pager becomes a count
 * of what is left (and a hint to say "more" where a follow-up can).
 */
export function replyText(reply: Reply): string {
  const blocks: string[] = [];
  if (reply.detail) blocks.push(plainPaperDetail(reply.detail));
  if (reply.papers && reply.papers.length > 0)
    blocks.push(reply.papers.map(plainPaperLine).join('\n'));
  if (reply.people) {
    const heading = reply.people.heading ? [`${reply.people.heading}:`] : [];
    blocks.push([...heading, ...reply.people.lines].join('\n'));
  }
  const bars = chartLines(reply);
  if (bars) blocks.push(bars.join('\n'));
  if (reply.code) blocks.push(reply.code.text);
  if (reply.text) blocks.push(reply.text);
  const more = reply.pager?.remaining ?? 0;
  // Plain text has no buttons: a conversation pages on when told "more".
  if (more > 0) blocks.push(`… and ${more} more${reply.followUp ? ': say “more”' : ''}.`);
  const notes = reply.notes.length > 0 ? [reply.notes.join('\n')] : [];
  const [first, ...rest] = blocks;
  // A title introduces what follows it directly ("4 papers by …:" then the list); alone it is a sentence.
  const head =
    reply.title === undefined
      ? blocks
      : first === undefined
        ? [`${reply.title}.`]
        : [`${reply.title}:\n${first}`, ...rest];
  return [...head, ...notes].join('\n\n');
}
