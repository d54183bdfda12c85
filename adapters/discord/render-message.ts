import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { type Announcement, announcementHeadline } from '../../src/announce/announcement.js';
import type { Answer } from '../../src/answer/answer.js';
import { HELP_TEXT } from '../../src/answer/help.js';
import { authorLine, LIST_AUTHORS, monthYear } from '../../src/answer/paper-line.js';
import type { Paper } from '../../src/corpus/paper.js';
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
}

const COLOR = 0x5865f2;
const MAX_PEOPLE = 20;

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

/** "Mar 2023 · Tianrui Qin, Xitong Gao, Juanjuan Zhao et al. · cs.LG · code" */
function paperFacts(paper: Paper): string {
  const code = paper.hasCode ? ` · ${link('code', paper.codeUrl)}` : '';
  const venue = paper.venue ? ` · ${escapeDiscord(paper.venue)}` : '';
  return `${monthYear(paper.published)} · ${escapeDiscord(authorLine(paper, LIST_AUTHORS))} · ${paper.category}${venue}${code}`;
}

/** Numbered entries, starting at `first`. */
function listDescription(papers: readonly Paper[], first: number): string {
  const entries = papers.map((paper, i) => {
    const title = truncate(escapeDiscord(paper.title), 300);
    return `**${first + i}. ${link(title, paper.url)}**\n${paperFacts(paper)}`;
  });
  // Whole entries only: a cut through the middle of a link would break its markdown.
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

function footer(answer: Answer, pageSize: number): string {
  const parts = [answer.understood, `${answer.total} result${answer.total === 1 ? '' : 's'}`];
  const pages = Math.ceil(answer.total / pageSize);
  if (pages > 1) parts.push(`page ${Math.floor(answer.offset / pageSize) + 1}/${pages}`);
  return parts.join(' · ');
}

function notesFields(answer: Answer): APIEmbed['fields'] {
  const fields = [];
  if (answer.notes.length > 0)
    fields.push({ name: 'Note', value: escapeDiscord(answer.notes.join('\n')) });
  if (answer.suggestions.length > 0)
    fields.push({ name: 'Try', value: escapeDiscord(answer.suggestions.join('\n')) });
  return fields;
}

export function paperEmbed(paper: Paper, understood: string): APIEmbed {
  const fields = [
    { name: 'Authors', value: escapeDiscord(authorLine(paper)) },
    { name: 'Published', value: monthYear(paper.published), inline: true },
    { name: 'Venue', value: escapeDiscord(paper.venue ?? 'preprint'), inline: true },
    { name: 'Category', value: `${paper.categoryName} (${paper.category})`, inline: true },
  ];
  if (paper.hasCode)
    fields.push({
      name: 'Code',
      value: link(paper.codeUrl ? 'repository' : 'available', paper.codeUrl),
      inline: true,
    });
  const pdf = safeUrl(paper.pdfUrl);
  if (pdf) fields.push({ name: 'PDF', value: link('pdf', pdf), inline: true });
  if (paper.aliases.length > 0)
    fields.push({
      name: 'Introduces',
      value: escapeDiscord(paper.aliases.join(', ')),
      inline: true,
    });
  const url = safeUrl(paper.url);
  return {
    title: escapeDiscord(paper.title),
    ...(url ? { url } : {}),
    description: escapeDiscord(paper.abstract || 'No abstract in the corpus.'),
    fields,
    footer: { text: understood },
    color: COLOR,
  };
}

function answerEmbed(answer: Answer, pageSize: number): APIEmbed {
  const base = {
    title: escapeDiscord(answer.headline),
    color: COLOR,
    ...(answer.shape === 'help' ? {} : { footer: { text: footer(answer, pageSize) } }),
  };
  switch (answer.shape) {
    case 'detail':
      return answer.papers[0] ? paperEmbed(answer.papers[0], answer.understood) : base;
    case 'cite':
      return { ...base, description: codeBlock(answer.bibtex ?? '', 'bibtex', L.embedDescription) };
    case 'coauthors': {
      const people = (answer.people ?? []).slice(0, MAX_PEOPLE);
      const lines = people.map(
        (p, i) =>
          `${i + 1}. ${escapeDiscord(p.name)} — ${p.papers} paper${p.papers === 1 ? '' : 's'}`,
      );
      const rest = (answer.people?.length ?? 0) - people.length;
      if (rest > 0) lines.push(`… and ${rest} more`);
      return { ...base, description: lines.join('\n') };
    }
    case 'help':
      return { ...base, description: escapeDiscord(HELP_TEXT) };
    default:
      return {
        ...base,
        description:
          answer.papers.length > 0 ? listDescription(answer.papers, answer.offset + 1) : undefined,
      };
  }
}

/** Custom ids for the page buttons of an answer, or undefined when one page holds everything. */
export type PageIds = { previous?: string; next?: string } | undefined;

function pageButtons(ids: PageIds): APIActionRowComponent<APIButtonComponent>[] {
  if (!ids || (!ids.previous && !ids.next)) return [];
  const button = (label: string, customId: string | undefined): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: customId ?? `disabled:${label}`,
    disabled: customId === undefined,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [button('◀ Prev', ids.previous), button('Next ▶', ids.next)],
    },
  ];
}

/**
 * Renders an answer as a Discord message: one embed per paper for details,
 * a numbered list embed otherwise, page buttons when there is more, and
 * mentions always off. Refusals and clarifications are short ephemeral text.
 */
export function renderAnswer(
  answer: Answer,
  { pageSize, pages }: { pageSize: number; pages?: PageIds },
): DiscordMessage {
  if (answer.shape === 'refusal' || answer.shape === 'clarify') {
    return ephemeral(answer.text);
  }
  const embed = answerEmbed(answer, pageSize);
  const fields = [...(embed.fields ?? []), ...(notesFields(answer) ?? [])];
  return {
    embeds: [fitEmbed({ ...embed, ...(fields.length > 0 ? { fields } : {}) })],
    components: pageButtons(pages),
    allowedMentions: { parse: [] },
  };
}

/** A short reply only the asker sees. */
export function ephemeral(text: string): DiscordMessage {
  return {
    content: truncate(escapeDiscord(text), L.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}

/** A new-paper announcement: the paper in full when there is one, a numbered digest when there are several. */
export function renderAnnouncement(announcement: Announcement): DiscordMessage {
  const [only] = announcement.papers;
  const footer = {
    text: announcement.subscription
      ? `Announced here for papers ${announcement.subscription}`
      : 'New in the corpus',
  };
  const embed: APIEmbed =
    announcement.papers.length === 1 && only
      ? { ...paperEmbed(only, footer.text), author: { name: announcementHeadline(announcement) } }
      : {
          title: announcementHeadline(announcement),
          description: listDescription(announcement.papers, 1),
          footer,
          color: COLOR,
        };
  return { embeds: [fitEmbed(embed)], components: [], allowedMentions: { parse: [] } };
}
