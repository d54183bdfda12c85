import { arxivLinks } from './arxiv-id.js';
import { categoryFromCode } from './categories.js';
import { findAliases } from './find-aliases.js';
import { findCodeUrl } from './find-code-url.js';
import type { Paper } from './paper.js';
import { plainAbstractText } from './plain-abstract.js';
import { slugify } from './slug.js';

/** What every source (listing, JSON, arXiv feed) knows about a paper. */
export interface PaperFacts {
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  published: string;
  categoryCode: string;
  abstract: string;
  hasCode?: boolean;
  codeUrl?: string;
  url?: string;
  pdfUrl?: string;
  arxivId?: string;
  venue?: string;
  aliases?: string[];
  /** Public pages the facts were read from. */
  sources?: string[];
  /** Where the entry came from, as `file:line` (or `arxiv:<id>` for a feed). */
  source: string;
}

export type BuildResult = { ok: true; paper: Paper } | { ok: false; reason: string };

/**
 * Adds the derived fields: id, full category and its name, code link, arXiv
 * links, aliases.
 * `isSharedTerm` tells which words other papers use too (see findAliases).
 */
export function buildPaper(
  facts: PaperFacts,
  isSharedTerm: (word: string) => boolean,
): BuildResult {
  const category = categoryFromCode(facts.categoryCode);
  if (!category) return { ok: false, reason: `unknown arXiv category "${facts.categoryCode}"` };
  const codeUrl = facts.codeUrl ?? findCodeUrl(facts.abstract);
  const found = findAliases(facts.title, facts.abstract, isSharedTerm);
  const aliases = [...new Set([...(facts.aliases ?? []), ...found])];
  const arxiv = facts.arxivId ? arxivLinks(facts.arxivId) : undefined;
  const url = facts.url ?? arxiv?.url;
  const pdfUrl = facts.pdfUrl ?? arxiv?.pdfUrl;
  return {
    ok: true,
    paper: {
      id: slugify(facts.title),
      title: facts.title,
      authors: facts.authors,
      authorsTruncated: facts.authorsTruncated,
      published: facts.published,
      category: category.code,
      categoryName: category.name,
      hasCode: Boolean(facts.hasCode || codeUrl),
      ...(codeUrl ? { codeUrl } : {}),
      ...(url ? { url } : {}),
      ...(pdfUrl ? { pdfUrl } : {}),
      ...(facts.arxivId ? { arxivId: facts.arxivId } : {}),
      ...(facts.venue ? { venue: facts.venue } : {}),
      abstract: facts.abstract,
      aliases,
      sources: facts.sources ?? [],
      source: facts.source,
    },
  };
}

/**
 * Counts, for each word, how many papers use it in title or abstract. A word
 * several papers use is a field term (NAS, LoRA), not one paper's name.
 */
export function wordDocumentFrequency(
  texts: Iterable<{ title: string; abstract: string }>,
): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const { title, abstract } of texts) {
    const words = new Set(
      `${title} ${plainAbstractText(abstract)}`.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu),
    );
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return frequency;
}
