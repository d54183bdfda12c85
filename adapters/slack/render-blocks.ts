import type { types } from '@slack/bolt';
import {
  type Announcement,
  announcementHeadline,
  announcementText,
} from '../../src/announce/announcement.js';
import type { Answer } from '../../src/answer/answer.js';
import { HELP_TEXT } from '../../src/answer/help.js';
import { authorLine, LIST_AUTHORS, monthYear } from '../../src/answer/paper-line.js';
import type { Paper } from '../../src/corpus/paper.js';
import { SLACK_LIMITS as L } from './limits.js';
import { escapeMrkdwn, link, truncate } from './mrkdwn.js';

export type Block = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: Block[];
  /** Replies only the asker sees (slash-command errors, help). */
  ephemeral: boolean;
}

/** What the "Show more" button carries: enough to compute the next page, statelessly. */
export interface MoreRequest {
  q: string;
  o: number;
  l: number;
}

export const SHOW_MORE_ACTION = 'pubbot_show_more';

const header = (text: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, L.headerText), emoji: false },
});
const section = (mrkdwn: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(mrkdwn, L.sectionText) },
});
const context = (parts: string[]): types.ContextBlock => ({
  type: 'context',
  elements: parts
    .slice(0, L.contextElements)
    .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, L.contextText) })),
});

function paperFacts(paper: Paper): string {
  const code = paper.hasCode ? ` · ${link('code', paper.codeUrl)}` : '';
  const venue = paper.venue ? ` · ${escapeMrkdwn(paper.venue)}` : '';
  return `${monthYear(paper.published)}${venue} · ${escapeMrkdwn(paper.categoryName)} (${paper.category})${code}`;
}

function paperBlocks(paper: Paper, position?: number): Block[] {
  const number = position === undefined ? '' : `${position}. `;
  const title = `*${number}${link(escapeMrkdwn(paper.title), paper.url)}*`;
  // A list shows the first authors; the paper on its own shows them all.
  const authors = authorLine(paper, position === undefined ? paper.authors.length : LIST_AUTHORS);
  return [section(`${title}\n${escapeMrkdwn(authors)}`), context([paperFacts(paper)])];
}

function detailBlocks(paper: Paper): Block[] {
  const blocks = [header(paper.title), ...paperBlocks(paper)];
  if (paper.pdfUrl) blocks.push(context([link('PDF', paper.pdfUrl)]));
  if (paper.aliases.length > 0)
    blocks.push(context([`Introduces: ${escapeMrkdwn(paper.aliases.join(', '))}`]));
  if (paper.abstract) blocks.push(section(escapeMrkdwn(paper.abstract)));
  return blocks;
}

function moreButton(answer: Answer, question: string, limit: number): Block[] {
  const shown = answer.offset + answer.papers.length;
  if (shown >= answer.total) return [];
  const value: MoreRequest = { q: question, o: shown, l: limit };
  return [
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHOW_MORE_ACTION,
          text: { type: 'plain_text', text: `Show more (${answer.total - shown} left)` },
          value: JSON.stringify(value),
        },
      ],
    },
  ];
}

function bodyBlocks(answer: Answer): Block[] {
  switch (answer.shape) {
    case 'detail':
      return answer.papers[0] ? detailBlocks(answer.papers[0]) : [header(answer.headline)];
    case 'cite':
      return [
        header(answer.headline),
        section(`\`\`\`${escapeMrkdwn(answer.bibtex ?? '').replace(/```/gu, "'''")}\`\`\``),
      ];
    case 'coauthors': {
      const people = (answer.people ?? []).slice(0, 20);
      const lines = people.map(
        (p, i) =>
          `${i + 1}. ${escapeMrkdwn(p.name)} — ${p.papers} paper${p.papers === 1 ? '' : 's'}`,
      );
      return [header(answer.headline), ...(lines.length > 0 ? [section(lines.join('\n'))] : [])];
    }
    case 'help':
      return [header(answer.headline), section(escapeMrkdwn(HELP_TEXT))];
    default:
      return [
        header(answer.headline),
        ...answer.papers.flatMap((paper, i) => paperBlocks(paper, answer.offset + i + 1)),
      ];
  }
}

/**
 * Keeps a message inside Slack's limits: at most 50 blocks and a payload
 * under the size Slack rejects. Trailing blocks (notes, buttons) are kept;
 * paper blocks are dropped from the end, with a line saying how many.
 */
function fitBlocks(body: Block[], tail: Block[]): Block[] {
  const size = (blocks: Block[]) => JSON.stringify(blocks).length;
  const kept = [...body];
  let dropped = 0;
  const notice = () =>
    dropped > 0
      ? [context([`${dropped} more block${dropped === 1 ? '' : 's'} did not fit in one message.`])]
      : [];
  while (
    kept.length > 1 &&
    (kept.length + tail.length + notice().length > L.blocks ||
      size([...kept, ...notice(), ...tail]) > L.blocksPayload)
  ) {
    kept.pop();
    dropped++;
  }
  return [...kept, ...notice(), ...tail];
}

/**
 * Renders an answer as Block Kit with a plain-text fallback. `question` and
 * `limit` let a "Show more" button ask for the next page.
 */
export function renderBlocks(
  answer: Answer,
  { question, limit }: { question: string; limit: number },
): SlackMessage {
  const text = truncate(escapeMrkdwn(answer.text), L.fallbackText);
  if (answer.shape === 'refusal' || answer.shape === 'clarify') {
    return { text, blocks: [section(escapeMrkdwn(answer.text))], ephemeral: true };
  }
  const tail: Block[] = [];
  const notes = [...answer.notes, ...answer.suggestions.map((s) => `Try: ${s}`)].map(escapeMrkdwn);
  if (notes.length > 0) tail.push(context([notes.join('\n')]));
  if (answer.shape !== 'help') {
    tail.push(
      context([
        escapeMrkdwn(
          `${answer.understood} · ${answer.total} result${answer.total === 1 ? '' : 's'}`,
        ),
      ]),
    );
  }
  if (['list', 'count', 'cite'].includes(answer.shape))
    tail.push(...moreButton(answer, question, limit));
  return { text, blocks: fitBlocks(bodyBlocks(answer), tail), ephemeral: answer.shape === 'help' };
}

/** A short message in blocks and text, e.g. an apology or a permission refusal. */
export function notice(message: string): SlackMessage {
  const escaped = escapeMrkdwn(message);
  return { text: truncate(escaped, L.fallbackText), blocks: [section(escaped)], ephemeral: true };
}

/** A new-paper announcement: one section per paper under a header, with what the channel subscribed to. */
export function renderAnnouncementBlocks(announcement: Announcement): SlackMessage {
  const headline = announcementHeadline(announcement);
  const numbered = announcement.papers.length > 1;
  const body = [
    header(headline),
    ...announcement.papers.flatMap((paper, i) => paperBlocks(paper, numbered ? i + 1 : undefined)),
  ];
  const tail = announcement.subscription
    ? [context([escapeMrkdwn(`Announced here for papers ${announcement.subscription}`)])]
    : [];
  return {
    text: truncate(escapeMrkdwn(announcementText(announcement)), L.fallbackText),
    blocks: fitBlocks(body, tail),
    ephemeral: false,
  };
}
