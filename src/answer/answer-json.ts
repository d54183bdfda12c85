import type { Paper } from '../corpus/paper.js';
import type { Answer } from './answer.js';

/** A paper as the CLI and other machine consumers see it. */
export function paperJson(paper: Paper, { withAbstract = false } = {}) {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    authorsTruncated: paper.authorsTruncated,
    published: paper.published,
    category: paper.category,
    categoryName: paper.categoryName,
    hasCode: paper.hasCode,
    codeUrl: paper.codeUrl ?? null,
    url: paper.url ?? null,
    pdfUrl: paper.pdfUrl ?? null,
    arxivId: paper.arxivId ?? null,
    venue: paper.venue ?? null,
    aliases: paper.aliases,
    ...(withAbstract
      ? { abstract: paper.abstract, sources: paper.sources, source: paper.source }
      : {}),
  };
}

/** The stable JSON form of an answer (`npm run ask -- --json`), with the plain text people are shown. */
export function answerJson(question: string, answer: Answer, text: string) {
  return {
    question,
    shape: answer.shape,
    query: answer.query,
    headline: answer.headline,
    understood: answer.understood,
    total: answer.total,
    offset: answer.offset,
    ...(answer.count === undefined ? {} : { count: answer.count }),
    papers: answer.papers.map((paper) => paperJson(paper)),
    ...(answer.people ? { people: answer.people } : {}),
    ...(answer.groups ? { groups: answer.groups, groupBy: answer.groupBy } : {}),
    ...(answer.show ? { show: answer.show } : {}),
    ...(answer.ignored ? { ignored: answer.ignored } : {}),
    ...(answer.bibtex ? { bibtex: answer.bibtex } : {}),
    notes: answer.notes,
    suggestions: answer.suggestions,
    text,
  };
}
