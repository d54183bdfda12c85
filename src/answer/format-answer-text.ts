import type { Paper } from '../corpus/paper.js';
import type { SearchQuery } from '../query/query.js';
import type { Answer } from './answer.js';
import { filterPhrases, orderPhrase } from './describe-query.js';
import { HELP_TEXT } from './help.js';
import { authorLine, monthYear } from './paper-line.js';

type Draft = Omit<Answer, 'text'>;

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function paperListLine(paper: Paper, position: number): string {
  const code = paper.hasCode ? ' · code' : '';
  return `${position}. ${paper.title} (${monthYear(paper.published)}) — ${authorLine(paper)} · ${paper.category}${code}`;
}

export function paperDetailText(paper: Paper): string {
  const facts = [
    `Published ${monthYear(paper.published)}`,
    `${paper.categoryName} (${paper.category})`,
  ];
  if (paper.codeUrl) facts.push(`code: ${paper.codeUrl}`);
  else if (paper.hasCode) facts.push('code available');
  const lines = [paper.title, authorLine(paper), facts.join(' · ')];
  if (paper.url) lines.push(paper.url);
  if (paper.aliases.length > 0) lines.push(`Introduces: ${paper.aliases.join(', ')}`);
  if (paper.abstract) lines.push('', paper.abstract);
  return lines.join('\n');
}

function listLines(draft: Draft): string[] {
  const lines = draft.papers.map((paper, i) => paperListLine(paper, draft.offset + i + 1));
  const more = draft.total - draft.offset - draft.papers.length;
  if (more > 0) lines.push(`… and ${more} more.`);
  return lines;
}

/** "4 papers by Yiren Zhao in 2019", or "No papers about “gardening”". */
function matchSentence(query: SearchQuery, total: number): string {
  const phrases = filterPhrases(query.filters).join(' ');
  const head = total === 0 ? 'No papers' : plural(total, 'paper');
  return phrases ? `${head} ${phrases}` : head;
}

function searchBody(draft: Draft, query: SearchQuery): string[] {
  const first = draft.papers[0];
  switch (draft.shape) {
    case 'clarify':
      return [];
    case 'detail':
      return first ? [paperDetailText(first)] : [];
    case 'cite':
      if (!first || !draft.bibtex) return [];
      return [
        draft.papers.length === 1
          ? `BibTeX for “${first.title}”:`
          : `BibTeX for ${plural(draft.papers.length, 'paper')}:`,
        '',
        draft.bibtex,
      ];
    case 'count':
      return [`${matchSentence(query, draft.total)}.`, ...listLines(draft)];
    case 'coauthors': {
      const people = draft.people ?? [];
      if (people.length === 0) return [`${matchSentence(query, 0)}, so no co-authors to show.`];
      const who = query.filters.authors.map((a) => a.names.join(' or ')).join(' and ');
      const shown = people
        .slice(0, 15)
        .map((p, i) => `${i + 1}. ${p.name} — ${plural(p.papers, 'paper')}`);
      if (people.length > 15) shown.push(`… and ${people.length - 15} more.`);
      return [
        `${who} worked with ${plural(people.length, 'person', 'people')} on ${plural(draft.total, 'paper')}; most shared first:`,
        ...shown,
      ];
    }
    default: {
      if (draft.total === 0) return [`${matchSentence(query, 0)}.`];
      const order = orderPhrase(
        query.order === 'relevance' && !query.filters.topic ? 'newest' : query.order,
      );
      return [
        `${matchSentence(query, draft.total)}${order ? `, ${order}` : ''}:`,
        ...listLines(draft),
      ];
    }
  }
}

/** The complete plain-text answer: body, then notes, then suggestions. */
export function formatAnswerText(draft: Draft): string {
  const { query } = draft;
  const lines =
    query.intent === 'help'
      ? [HELP_TEXT]
      : query.intent === 'refuse'
        ? []
        : searchBody(draft, query);
  // A clarification is all notes; elsewhere notes follow the body as caveats.
  const notes =
    draft.shape === 'clarify' ? draft.notes : draft.notes.map((note) => `Note: ${note}`);
  if (notes.length > 0) lines.push('', ...notes);
  if (draft.suggestions.length > 0) lines.push(`Try: ${draft.suggestions.join(' · ')}`);
  return lines.join('\n').trim();
}
