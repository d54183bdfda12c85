import type { Paper } from '../corpus/paper.js';
import type { Facet, SearchQuery } from '../query/query.js';
import type { Answer } from './answer.js';
import { filterPhrases, orderPhrase } from './describe-query.js';
import { HELP_TEXT } from './help.js';
import { authorLine, LIST_AUTHORS, monthYear } from './paper-line.js';

type Draft = Omit<Answer, 'text' | 'headline'>;

/** People shown by name in a co-author answer; the rest are counted. */
const MAX_PEOPLE_SHOWN = 15;

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function paperListLine(paper: Paper, position: number): string {
  const code = paper.hasCode ? ' · code' : '';
  const venue = paper.venue ? ` · ${paper.venue}` : '';
  const line = `${position}. ${paper.title} (${monthYear(paper.published)}) — ${authorLine(paper, LIST_AUTHORS)} · ${paper.category}${venue}${code}`;
  return paper.url ? `${line}\n   ${paper.url}` : line;
}

function paperDetailText(paper: Paper, show: readonly Facet[] = []): string {
  const facts = [
    `Published ${monthYear(paper.published)}`,
    paper.venue ? `at ${paper.venue}` : 'preprint',
    `${paper.categoryName} (${paper.category})`,
  ];
  if (paper.codeUrl) facts.push(`code: ${paper.codeUrl}`);
  else if (paper.hasCode) facts.push('code available');
  // What the question asked to see comes first: "arxiv link for X" is answered by its first line.
  const asked = show.flatMap((facet) => facetLine(paper, facet) ?? []);
  const lines = [...asked, ...(asked.length > 0 ? [''] : []), paper.title, authorLine(paper)];
  lines.push(facts.join(' · '));
  if (paper.url) lines.push(paper.url);
  if (paper.pdfUrl) lines.push(`PDF: ${paper.pdfUrl}`);
  if (paper.aliases.length > 0) lines.push(`Introduces: ${paper.aliases.join(', ')}`);
  if (paper.abstract) lines.push('', paper.abstract);
  return lines.join('\n');
}

/** One line answering a facet of one paper; undefined where the rest of the view says it anyway. */
function facetLine(paper: Paper, facet: Facet): string | undefined {
  switch (facet) {
    case 'link':
      return paper.url ? `Link: ${paper.url}` : 'No link is known for this paper.';
    case 'pdf':
      return paper.pdfUrl ? `PDF: ${paper.pdfUrl}` : 'No PDF link is known for this paper.';
    case 'code':
      return paper.codeUrl
        ? `Code: ${paper.codeUrl}`
        : paper.hasCode
          ? 'Code: available (the listing marks it, without a link).'
          : 'No code release is known for this paper.';
    case 'authors':
      return `Authors: ${authorLine(paper)}`;
    case 'date':
      return `Published: ${monthYear(paper.published)} (${paper.published})`;
    case 'venue':
      return paper.venue ? `Venue: ${paper.venue}` : 'Venue: none known — a preprint.';
    default:
      return undefined;
  }
}

/** "4 papers by Yiren Zhao in 2019", or "No papers about “gardening”". */
function matchSentence(query: SearchQuery, total: number): string {
  const phrases = filterPhrases(query.filters).join(' ');
  const head = total === 0 ? 'No papers' : plural(total, 'paper');
  return phrases ? `${head} ${phrases}` : head;
}

function searchHeadline(draft: Draft, query: SearchQuery): string {
  const first = draft.papers[0];
  switch (draft.shape) {
    case 'clarify':
      return draft.notes[0] ?? 'Please say a little more.';
    case 'detail':
      return first?.title ?? matchSentence(query, 0);
    case 'cite':
      if (draft.papers.length > 1) return `BibTeX for ${plural(draft.papers.length, 'paper')}`;
      return first ? `BibTeX for “${first.title}”` : matchSentence(query, 0);
    case 'coauthors': {
      const people = draft.people ?? [];
      if (people.length === 0) return `${matchSentence(query, 0)}, so no co-authors to show`;
      const who = query.filters.authors.map((a) => a.names.join(' or ')).join(' and ');
      return `${who} worked with ${plural(people.length, 'person', 'people')} on ${plural(draft.total, 'paper')}`;
    }
    case 'count':
      return matchSentence(query, draft.total);
    case 'ranking': {
      const what =
        query.intent === 'ranking' && query.position === 'first' ? 'first-author papers' : 'papers';
      const phrases = filterPhrases(query.filters).join(' ');
      return `Who has the most ${what}${phrases ? ` ${phrases}` : ''}`;
    }
    case 'groups': {
      const by = query.intent === 'groups' ? query.groupBy : 'year';
      return `${matchSentence(query, draft.total)}, per ${by}`;
    }
    default: {
      const order = query.order === 'relevance' && !query.filters.topic ? 'newest' : query.order;
      const sorted = draft.total > 1 ? orderPhrase(order) : undefined;
      return `${matchSentence(query, draft.total)}${sorted ? `, ${sorted}` : ''}`;
    }
  }
}

/** One line that sums the answer up; adapters use it as a title. */
export function answerHeadline(draft: Draft): string {
  const { query } = draft;
  if (query.intent === 'help') return 'What you can ask';
  if (query.intent === 'refuse') return query.reason;
  if (query.intent === 'greeting') return greetingLine(query.ignored);
  return searchHeadline(draft, query);
}

/** "You're welcome!" for thanks, "Thank you!" for praise, "Hi!" otherwise. */
function greetingLine(said: readonly string[]): string {
  const words = said.join(' ').toLowerCase();
  if (/\b(?:thanks?|thx|thnx|ty|tysm|cheers|appreciated?)\b|🙏/u.test(words))
    return 'You’re welcome!';
  if (/\b(?:good|great|nice|awesome|cool|love|perfect)\b|👍|❤/u.test(words)) return 'Thank you!';
  return 'Hi!';
}

function listLines(draft: Draft): string[] {
  const lines = draft.papers.map((paper, i) => paperListLine(paper, draft.offset + i + 1));
  const more = draft.total - draft.offset - draft.papers.length;
  if (more > 0) lines.push(`… and ${more} more.`);
  return lines;
}

function body(draft: Draft, headline: string): string[] {
  const first = draft.papers[0];
  switch (draft.shape) {
    case 'help':
      return [HELP_TEXT];
    case 'greeting':
      return [`${headline} Ask me about the group’s papers, for example:`];
    case 'ranking':
    case 'groups':
      return tableLines(draft, headline);
    case 'refusal':
    case 'clarify':
      return [];
    case 'detail':
      return first
        ? [paperDetailText(first, draft.query.intent === 'detail' ? draft.query.show : [])]
        : [`${headline}.`];
    case 'cite':
      return draft.bibtex ? [`${headline}:`, '', draft.bibtex] : [`${headline}.`];
    case 'coauthors': {
      const people = draft.people ?? [];
      const shown = people
        .slice(0, MAX_PEOPLE_SHOWN)
        .map((p, i) => `${i + 1}. ${p.name} — ${plural(p.papers, 'paper')}`);
      if (people.length > MAX_PEOPLE_SHOWN)
        shown.push(`… and ${people.length - MAX_PEOPLE_SHOWN} more.`);
      return people.length > 0 ? [`${headline}; most shared first:`, ...shown] : [`${headline}.`];
    }
    case 'count':
      return [`${headline}.`, ...listLines(draft)];
    default:
      return draft.total === 0 ? [`${headline}.`] : [`${headline}:`, ...listLines(draft)];
  }
}

/** "1. Xitong Gao — 22 papers" or "2025 — 7 papers", one line per person or group. */
function tableLines(draft: Draft, headline: string): string[] {
  const rows =
    draft.shape === 'groups'
      ? (draft.groups ?? []).map((g) => `${g.key} — ${plural(g.count, 'paper')}`)
      : (draft.people ?? [])
          .slice(0, MAX_PEOPLE_SHOWN)
          .map((p, i) => `${i + 1}. ${p.name} — ${plural(p.papers, 'paper')}`);
  const hidden = (draft.people?.length ?? 0) - MAX_PEOPLE_SHOWN;
  if (draft.shape === 'ranking' && hidden > 0) rows.push(`… and ${hidden} more.`);
  return rows.length > 0 ? [`${headline}:`, ...rows] : [`${headline}.`];
}

/** The complete plain-text answer: body, then notes, then suggestions. */
export function formatAnswerText(draft: Draft, headline: string): string {
  const lines = body(draft, headline);
  // Refusals and clarifications are all notes; elsewhere notes follow the body as caveats.
  const plainNotes = draft.shape === 'clarify' || draft.shape === 'refusal';
  const notes = plainNotes ? draft.notes : draft.notes.map((note) => `Note: ${note}`);
  if (draft.ignored && draft.ignored.length > 0 && draft.shape !== 'greeting')
    notes.push(`Ignored: ${draft.ignored.join(' ')}`);
  if (notes.length > 0) lines.push('', ...notes);
  if (draft.suggestions.length > 0) lines.push(`Try: ${draft.suggestions.join(' · ')}`);
  return lines.join('\n').trim();
}
