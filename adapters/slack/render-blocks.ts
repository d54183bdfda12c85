import type { types } from '@slack/bolt';
import type { PaperDetail } from '../../src/answer/paper-detail.js';
import { FACT_SEPARATOR, type PaperLine, type Span } from '../../src/answer/paper-line.js';
import { chartLines } from '../../src/conversation/chart-lines.js';
import type { Attachment, Reply } from '../../src/conversation/reply.js';
import { replyText } from '../../src/conversation/reply-text.js';
import { SLACK_LIMITS as L } from './limits.js';
import { escapeMrkdwn, link, truncate } from './mrkdwn.js';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Plain fallback for notifications; always sent with blocks. */
  text: string;
  blocks: Block[];
  /** Shown only to the asker where Slack can (slash-command responses). */
  ephemeral: boolean;
  /** Files to upload beside the message. */
  files: Attachment[];
}

export const SHOW_MORE_ACTION = 'pubbot_show_more';

/** Escaped like mrkdwn: Slack decodes the three entities in every text, so corpus text can form no mention here either. */
const header = (text: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(escapeMrkdwn(text), L.headerText), emoji: false },
});
const section = (mrkdwn: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(mrkdwn, L.sectionText) },
});
const context = (text: string): types.ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, L.contextText) }],
});
/** Preformatted text; a fence inside it would end the block early. */
const preformatted = (text: string) =>
  section(`\`\`\`${escapeMrkdwn(text).replace(/```/gu, "'''")}\`\`\``);

function spans(parts: readonly Span[], separator: string): string {
  return parts.map((part) => link(escapeMrkdwn(part.text), part.url)).join(separator);
}

/** `*1. <url|Title>* (Dec 2022)` and the facts line under it. */
function paperSection(line: PaperLine): Block {
  const number = line.position === undefined ? '' : `${line.position}. `;
  const title = `*${number}${link(escapeMrkdwn(line.title), line.url)}* (${line.date})`;
  return section(`${title}\n${spans(line.facts, FACT_SEPARATOR)}`);
}

function detailBlocks(detail: PaperDetail): Block[] {
  const facts = detail.fields.map((field) => `*${field.label}:* ${spans(field.value, ', ')}`);
  const blocks: Block[] = [
    section([`*${link(escapeMrkdwn(detail.title), detail.url)}*`, ...facts].join('\n')),
  ];
  if (detail.abstract) blocks.push(section(escapeMrkdwn(detail.abstract)));
  return blocks;
}

function bodyBlocks(reply: Reply): Block[] {
  const blocks: Block[] = [];
  const title = reply.title ?? reply.detail?.title;
  if (title) blocks.push(header(title));
  if (reply.detail) blocks.push(...detailBlocks(reply.detail));
  for (const line of reply.papers ?? []) blocks.push(paperSection(line));
  if (reply.people) {
    const heading = reply.people.heading ? [`*${escapeMrkdwn(reply.people.heading)}*`] : [];
    blocks.push(section([...heading, ...reply.people.lines.map(escapeMrkdwn)].join('\n')));
  }
  const bars = chartLines(reply);
  if (bars) blocks.push(preformatted(bars.join('\n')));
  if (reply.code) blocks.push(preformatted(reply.code.text));
  if (reply.text) blocks.push(section(escapeMrkdwn(reply.text)));
  return blocks;
}

function tailBlocks(reply: Reply): Block[] {
  const tail: Block[] = [];
  if (reply.notes.length > 0) tail.push(context(escapeMrkdwn(reply.notes.join('\n'))));
  if (reply.footer) tail.push(context(escapeMrkdwn(reply.footer)));
  if (reply.pager?.next) {
    tail.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHOW_MORE_ACTION,
          text: { type: 'plain_text', text: `Show more (${reply.pager.remaining} left)` },
          value: reply.pager.next,
        },
      ],
    });
  }
  return tail;
}

/**
 * Keeps a message inside Slack's limits: at most 50 blocks and a payload
 * under the size Slack rejects. Trailing blocks (notes, buttons) are kept;
 * body blocks are dropped from the end, with a line saying how many.
 */
function fitBlocks(body: Block[], tail: Block[]): Block[] {
  const size = (blocks: Block[]) => JSON.stringify(blocks).length;
  const kept = [...body];
  let dropped = 0;
  const notice = () =>
    dropped > 0
      ? [context(`${dropped} more block${dropped === 1 ? '' : 's'} did not fit in one message.`)]
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
 * Renders a reply as Block Kit with a plain-text fallback: corpus and user
 * text escaped, links only to http(s), everything within Slack's limits.
 */
export function renderBlocks(reply: Reply): SlackMessage {
  return {
    text: truncate(escapeMrkdwn(replyText(reply)), L.fallbackText),
    blocks: fitBlocks(bodyBlocks(reply), tailBlocks(reply)),
    ephemeral: reply.visibility === 'private',
    files: reply.attachments,
  };
}
