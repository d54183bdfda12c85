import type { Paper } from '../corpus/paper.js';
import type { Facet } from './answer.js';
import { authorLine, monthYear, type Span } from './paper-line.js';

/** One labelled fact of a paper shown in full ("Published: Dec 2022"). */
export interface PaperField {
  label: string;
  /** Shown side by side; spans with a URL are links where the platform can link. */
  value: Span[];
  /** The facet this field answers, so the ones a question asked for come first. */
  facet?: Facet;
}

/** A paper shown in full, on every platform: its linked title, labelled facts and abstract. */
export interface PaperDetail {
  title: string;
  url?: string;
  fields: PaperField[];
  abstract?: string;
}

function fields(paper: Paper): PaperField[] {
  const all: PaperField[] = [
    { label: 'Authors', value: [{ text: authorLine(paper) }], facet: 'authors' },
    { label: 'Published', value: [{ text: monthYear(paper.published) }], facet: 'date' },
    { label: 'Venue', value: [{ text: paper.venue ?? 'preprint' }], facet: 'venue' },
    { label: 'Category', value: [{ text: `${paper.categoryName} (${paper.category})` }] },
  ];
  if (paper.hasCode) {
    const text = paper.codeUrl ? 'repository' : 'available';
    all.push({
      label: 'Code',
      value: [{ text, ...(paper.codeUrl ? { url: paper.codeUrl } : {}) }],
      facet: 'code',
    });
  }
  if (paper.pdfUrl)
    all.push({ label: 'PDF', value: [{ text: 'pdf', url: paper.pdfUrl }], facet: 'pdf' });
  if (paper.url)
    all.push({ label: 'Link', value: [{ text: paper.url, url: paper.url }], facet: 'link' });
  if (paper.aliases.length > 0)
    all.push({ label: 'Introduces', value: [{ text: paper.aliases.join(', ') }] });
  return all;
}

/**
 * A paper in full. Facts the question asked to see (`show`: "arxiv link
 * for X", "who wrote Y") come first, in the order asked; the page link
 * otherwise travels with the title alone.
 */
export function paperDetail(paper: Paper, show: readonly Facet[] = []): PaperDetail {
  const all = fields(paper);
  const asked = show.flatMap((facet) => all.filter((field) => field.facet === facet));
  const rest = all.filter((field) => !asked.includes(field) && field.facet !== 'link');
  return {
    title: paper.title,
    ...(paper.url ? { url: paper.url } : {}),
    fields: [...asked, ...rest],
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
  };
}

/** A span as plain text: its URL when it has one, since plain text cannot link. */
export function plainSpan(span: Span): string {
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
