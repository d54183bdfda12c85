import type { PaperFacts } from '../corpus/build-paper.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import type { Paper } from '../corpus/paper.js';
import { titleKey } from '../corpus/slug.js';
import type { DblpRecord } from './dblp.js';
import { sharesAuthor } from './same-paper.js';
import type { SourceName } from './source-error.js';

const SYNC_TAG = 'sync:';

/**
 * The `source` a synced patch carries (`sync:dblp`): how the merge reports
 * it, and how a sync tells the facts a source taught before from the rest.
 */
export function syncTag(source: SourceName): string {
  return `${SYNC_TAG}${source}`;
}

/** Whether learned facts came from a sync (rather than the announcement feed). */
export function isSyncPatch(facts: { source: string }): boolean {
  return facts.source.startsWith(SYNC_TAG);
}

/**
 * What arXiv says about corpus papers: for each paper with an entry (by its
 * arXiv id, or found by title), the id, the full author list and the
 * abstract page. An entry sharing no author surname with the paper is not
 * taken: the id is more likely mistyped than the authors all different; nor
 * is a title match whose id another paper already has. Patches carry the
 * paper's own title, so the merge joins them to it.
 */
export function arxivPatches(
  papers: readonly Paper[],
  byId: ReadonlyMap<string, PaperFacts>,
  byTitle: ReadonlyMap<string, PaperFacts>,
): FactsPatch[] {
  const known = new Set(papers.flatMap((paper) => (paper.arxivId ? [paper.arxivId] : [])));
  return papers.flatMap((paper) => {
    const entry = paper.arxivId ? byId.get(paper.arxivId) : byTitle.get(paper.id);
    if (!entry?.arxivId || !sharesAuthor(paper.authors, entry.authors)) return [];
    if (!paper.arxivId && known.has(entry.arxivId)) return [];
    return [
      {
        title: paper.title,
        arxivId: entry.arxivId,
        authors: entry.authors,
        authorsTruncated: false,
        sources: entry.url ? [entry.url] : [],
        source: syncTag('arxiv'),
      },
    ];
  });
}

/**
 * What DBLP says about corpus papers. A record belongs to a paper by its
 * arXiv id or its normalised title (skipped when the two point at different
 * papers); a record listed on several people's pages counts once. The venue
 * is the earliest non-informal record's (a workshop paper before its
 * conference version, a conference paper before its journal extension),
 * whose author list is also preferred; a CoRR record alone gives authors and
 * an arXiv id but no venue. An arXiv id is taken only where the paper has
 * none or the same one.
 */
export function dblpPatches(
  papers: readonly Paper[],
  records: readonly DblpRecord[],
): FactsPatch[] {
  const byTitle = new Map(papers.map((paper) => [titleKey(paper.title), paper]));
  const byArxiv = new Map(
    papers.flatMap((paper) => (paper.arxivId ? [[paper.arxivId, paper]] : [])),
  );
  const matched = new Map<string, DblpRecord[]>();
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.key)) continue;
    seen.add(record.key);
    const byId = record.arxivId ? byArxiv.get(record.arxivId) : undefined;
    const byName = byTitle.get(titleKey(record.title));
    if (byId && byName && byId !== byName) continue;
    const paper = byId ?? byName;
    if (paper) matched.set(paper.id, [...(matched.get(paper.id) ?? []), record]);
  }
  return papers.flatMap((paper) => {
    const found = matched.get(paper.id);
    if (!found) return [];
    // Stable sort: records of one year keep DBLP's order.
    const published = found.filter((r) => r.venue).sort((a, b) => a.year - b.year)[0];
    const main = published ?? (found[0] as DblpRecord);
    const arxivId = found
      .map((r) => r.arxivId)
      .find((id) => id !== undefined && (!paper.arxivId || id === paper.arxivId));
    return [
      {
        title: paper.title,
        ...(main.authors.length > 0 ? { authors: main.authors, authorsTruncated: false } : {}),
        ...(published?.venue ? { venue: published.venue } : {}),
        ...(arxivId ? { arxivId } : {}),
        sources: found.map((r) => r.url),
        source: syncTag('dblp'),
      },
    ];
  });
}
