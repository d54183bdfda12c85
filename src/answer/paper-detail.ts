import type { Paper } from '../corpus/paper.js';
import type { Facet } from './answer.js';
import { authorLine, monthYear, type Span } from './paper-line.js';

/** One labelled fact of a paper shown in full ("Published: Dec 2022"). */
export interface PaperField {
  label: string;
  /** Shown side by side; spans with a URL are links where the platform can link. */
  value: Span[];
}

/** A paper shown in full, on every platform: its linked title, labelled facts and abstract. */
export interface PaperDetail {
  title: string;
  url?: string;
  fields: PaperField[];
  abstract?: string;
}

/** The facts every detail view shows, in this order. */
function usualFields(paper: Paper): PaperField[] {
  const all: PaperField[] = [
    { label: 'Authors', value: [{ text: authorLine(paper) }] },
    { label: 'Published', value: [{ text: monthYear(paper.published) }] },
    { label: 'Venue', value: [{ text: paper.venue ?? 'preprint' }] },
    { label: 'Category', value: [{ text: `${paper.categoryName} (${paper.category})` }] },
  ];
  if (paper.hasCode) all.push(codeField(paper));
  if (paper.pdfUrl) all.push({ label: 'PDF', value: [{ text: 'pdf', url: paper.pdfUrl }] });
  if (paper.aliases.length > 0)
    all.push({ label: 'Introduces', value: [{ text: paper.aliases.join(', ') }] });
  return all;
}

function codeField(paper: Paper): PaperField {
  const value = paper.codeUrl
    ? { text: 'repository', url: paper.codeUrl }
    : { text: paper.hasCode ? 'available (the listing marks it, without a link)' : 'none known' };
  return { label: 'Code', value: [value] };
}

/** The field answering a fact the question asked for, saying so when the fact is not known. */
function askedField(paper: Paper, facet: Facet): PaperField | undefined {
  const link = (label: string, url: string | undefined, text: string): PaperField => ({
    label,
    value: [url ? { text, url } : { text: 'none known' }],
  });
  switch (facet) {
    case 'link':
      return link('Link', paper.url, paper.url ?? '');
    case 'pdf':
      return link('PDF', paper.pdfUrl, 'pdf');
    case 'code':
      return codeField(paper);
    case 'authors':
      return { label: 'Authors', value: [{ text: authorLine(paper) }] };
    case 'date':
      return {
        label: 'Published',
        value: [{ text: `${monthYear(paper.published)} (${paper.published})` }],
      };
    case 'venue':
      return { label: 'Venue', value: [{ text: paper.venue ?? 'none known — a preprint' }] };
    default:
      // The abstract is always shown; BibTeX is a code block of its own.
      return undefined;
  }
}

/**
 * A paper in full. Facts the question asked to see (`show`: "arxiv link
 * for X", "who wrote Y") come first, in the order asked, and say "none
 * known" rather than vanish; the page link otherwise travels with the title.
 */
export function paperDetail(paper: Paper, show: readonly Facet[] = []): PaperDetail {
  const asked = show.flatMap((facet) => askedField(paper, facet) ?? []);
  const rest = usualFields(paper).filter((field) => !asked.some((a) => a.label === field.label));
  return {
    title: paper.title,
    ...(paper.url ? { url: paper.url } : {}),
    fields: [...asked, ...rest],
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
  };
}

/** A span as plain text: its URL when it has one, since plain text cannot link. */
function plainSpan(span: Span): string {
  return span.url ?? span.text;
}

/** The paper in full as plain text: title, its page, "Label: value" lines, the abstract. */
export function plainPaperDetail(detail: PaperDetail): string {
  const lines = [detail.title];
  if (detail.url) lines.push(`   ${detail.url}`);
  for (const field of detail.fields)
    lines.push(`${field.label}: ${field.value.map(plainSpan).join(', ')}`);
  if (detail.abstract) lines.push('', detail.abstract);
  return lines.join('\n');
}
