import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import type { PaperDetail } from '../../src/answer/paper-detail.js';
import { FACT_SEPARATOR, type PaperLine, type Span } from '../../src/answer/paper-line.js';
import { chartLines } from '../../src/conversation/chart-lines.js';
import type { Pager, Reply } from '../../src/conversation/reply.js';
import { refineId } from './custom-ids.js';
import { codeBlock, escapeDiscord, truncate } from './discord-text.js';
import { fitEmbed } from './fit-embed.js';
import { DISCORD_LIMITS as L } from './limits.js';

/** A reply or channel message, in the shape discord.js accepts and the API receives. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
  files?: Array<{ attachment: Buffer; name: string; description: string }>;
}

const COLOR = 0x5865f2;
/** The main embed's share of the message's 6000 characters when people follow in a second embed. */
const MAIN_BUDGET = 4800;

/**
 * Only http(s) URLs, with what could end a markdown link or read as a
 * mention ("(", ")", "@" after the host) percent-encoded.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const escapes: Record<string, string> = { '(': '%28', ')': '%29', '@': '%40' };
    const rest = parsed.href
      .slice(parsed.origin.length)
      .replace(/[()@]/gu, (ch) => escapes[ch] ?? ch);
    return `${parsed.origin}${rest}`;
  } catch {
    return undefined;
  }
}

function link(text: string, url: string | undefined): string {
  const href = safeUrl(url);
  return href ? `[${text}](${href})` : text;
}

function spans(parts: readonly Span[], separator: string): string {
  return parts.map((part) => link(escapeDiscord(part.text), part.url)).join(separator);
}

/** Numbered entries; whole entries only, since a cut through a link would break its markdown. */
function listDescription(lines: readonly PaperLine[]): string {
  const entries = lines.map((line) => {
    const number = line.position === undefined ? '' : `${line.position}. `;
    const title = link(truncate(escapeDiscord(line.title), 300), line.url);
    return `**${number}${title}** (${line.date})\n${spans(line.facts, FACT_SEPARATOR)}`;
  });
  const kept: string[] = [];
  let length = 0;
  for (const entry of entries) {
    if (length + entry.length + 2 > L.embedDescription - 100) break;
    kept.push(entry);
    length += entry.length + 2;
  }
  if (kept.length < entries.length)
    kept.push(`… ${entries.length - kept.length} more on this page did not fit.`);
  return kept.join('\n\n');
}

/** Short facts sit side by side; the author list gets a line of its own. */
function detailFields(detail: PaperDetail): NonNullable<APIEmbed['fields']> {
  return detail.fields.map((field) => ({
    name: field.label,
    value: spans(field.value, ', '),
    ...(field.label === 'Authors' ? {} : { inline: true }),
  }));
}

function description(reply: Reply): string | undefined {
  const parts: string[] = [];
  if (reply.detail?.abstract) parts.push(escapeDiscord(reply.detail.abstract));
  if (reply.papers && reply.papers.length > 0) parts.push(listDescription(reply.papers));
  else if (reply.people) parts.push(reply.people.lines.map(escapeDiscord).join('\n'));
  const bars = chartLines(reply);
  if (bars) parts.push(codeBlock(bars.join('\n'), '', L.embedDescription));
  if (reply.code) parts.push(codeBlock(reply.code.text, reply.code.language, L.embedDescription));
  if (reply.text) parts.push(escapeDiscord(reply.text));
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function mainEmbed(reply: Reply): APIEmbed {
  const { detail } = reply;
  const title = detail?.title ?? reply.title;
  const url = safeUrl(detail?.url);
  const body = description(reply);
  const fields = [
    ...(detail ? detailFields(detail) : []),
    ...(reply.notes.length > 0
      ? [{ name: 'Note', value: escapeDiscord(reply.notes.join('\n')) }]
      : []),
  ];
  return {
    ...(title ? { title: escapeDiscord(title) } : {}),
    ...(url ? { url } : {}),
    // Above a paper shown in full, the reply's own title is a kicker ("New paper").
    ...(detail && reply.title ? { author: { name: truncate(reply.title, L.authorName) } } : {}),
    ...(body ? { description: body } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(reply.footer ? { footer: { text: reply.footer } } : {}),
    color: COLOR,
  };
}

function button(
  label: string,
  customId: string | undefined,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style,
    label,
    custom_id: customId ?? `disabled:${label}`,
    disabled: customId === undefined,
  };
}

function controls(pager: Pager | undefined, followUp: string | undefined) {
  const buttons: APIButtonComponent[] = [];
  if (pager && (pager.previous || pager.next))
    buttons.push(button('◀ Prev', pager.previous), button('Next ▶', pager.next));
  if (followUp) buttons.push(button('Refine', refineId(followUp), ButtonStyle.Primary));
  return buttons.length > 0
    ? [{ type: ComponentType.ActionRow as const, components: buttons }]
    : [];
}

/**
 * Renders a reply as a Discord message: a message of text alone as content,
 * anything more as embeds within every limit (people beside papers in a
 * second embed), page and Refine buttons, files, and mentions always off.
 */
export function renderReply(reply: Reply): DiscordMessage {
  const base = {
    allowedMentions: { parse: [] as [] },
    ...(reply.visibility === 'private' ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
  const onlyText =
    !reply.title &&
    !reply.detail &&
    !reply.papers?.length &&
    !reply.people &&
    !reply.chart &&
    !reply.code;
  if (onlyText) {
    const text = [reply.text ?? '', ...reply.notes].filter(Boolean).join('\n\n');
    return {
      ...base,
      content: truncate(escapeDiscord(text), L.content),
      embeds: [],
      components: [],
    };
  }
  const main = mainEmbed(reply);
  const [image] = reply.attachments.filter((file) => file.contentType.startsWith('image/'));
  if (image) main.image = { url: `attachment://${image.name}` };
  const embeds =
    reply.people && reply.papers && reply.papers.length > 0
      ? [
          fitEmbed(main, MAIN_BUDGET),
          fitEmbed(
            {
              ...(reply.people.heading ? { title: escapeDiscord(reply.people.heading) } : {}),
              description: reply.people.lines.map(escapeDiscord).join('\n'),
              color: COLOR,
            },
            L.embedsTotal - MAIN_BUDGET,
          ),
        ]
      : [fitEmbed(main)];
  return {
    ...base,
    embeds,
    components: controls(reply.pager, reply.followUp),
    ...(reply.attachments.length > 0
      ? {
          files: reply.attachments.map((file) => ({
            attachment: Buffer.from(file.data),
            name: file.name,
            description: file.alt,
          })),
        }
      : {}),
  };
}
