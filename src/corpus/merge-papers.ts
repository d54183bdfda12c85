import type { CorpusProblem, Paper } from './paper.js';
import { titleKey } from './slug.js';

/**
 * Combines what two sources know about the same paper: links and ids fill
 * gaps, a complete author list replaces a truncated one, aliases are unioned.
 */
function enrichPaper(base: Paper, extra: Paper): Paper {
  const fullerAuthors = base.authorsTruncated && !extra.authorsTruncated;
  return {
    ...base,
    authors: fullerAuthors ? extra.authors : base.authors,
    authorsTruncated: fullerAuthors ? false : base.authorsTruncated,
    hasCode: base.hasCode || extra.hasCode,
    codeUrl: base.codeUrl ?? extra.codeUrl,
    url: base.url ?? extra.url,
    arxivId: base.arxivId ?? extra.arxivId,
    abstract: base.abstract || extra.abstract,
    aliases: [...new Set([...base.aliases, ...extra.aliases])],
  };
}

export interface MergeInput {
  paper: Paper;
  /** Enrichment sources may add to a known paper; primary sources must not repeat one. */
  kind: 'primary' | 'enrichment';
  file: string;
  line: number;
}

/**
 * Deduplicates by normalised title. A primary entry seen twice is reported
 * (the first wins); an enrichment entry matching a known paper enriches it,
 * and one matching nothing is a new paper.
 */
export function mergePapers(inputs: readonly MergeInput[]): {
  papers: Paper[];
  problems: CorpusProblem[];
} {
  const byTitle = new Map<string, Paper>();
  const problems: CorpusProblem[] = [];
  for (const { paper, kind, file, line } of inputs) {
    const key = titleKey(paper.title);
    const known = byTitle.get(key);
    if (!known) {
      byTitle.set(key, uniqueId(paper, byTitle));
    } else if (kind === 'enrichment') {
      byTitle.set(key, enrichPaper(known, paper));
    } else {
      problems.push({ file, line, message: `duplicate of the entry at ${known.source}; skipped` });
    }
  }
  return { papers: [...byTitle.values()], problems };
}

/** Different titles can share a slug once cut to length; later ones get a suffix. */
function uniqueId(paper: Paper, existing: Map<string, Paper>): Paper {
  const taken = new Set([...existing.values()].map((p) => p.id));
  if (!taken.has(paper.id)) return paper;
  let n = 2;
  while (taken.has(`${paper.id}-${n}`)) n++;
  return { ...paper, id: `${paper.id}-${n}` };
}
