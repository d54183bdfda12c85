import type { PaperFacts } from '../corpus/build-paper.js';
import { buildCorpus, type SourceFile } from '../corpus/load-corpus.js';
import type { FactsPatch } from '../corpus/merge-papers.js';
import type { Paper } from '../corpus/paper.js';
import { titleKey } from '../corpus/slug.js';
import type { SyncedFacts } from '../store/store.js';
import { arxivByIds, arxivByTitle } from './arxiv-api.js';
import { type DblpRecord, fetchDblpPerson } from './dblp.js';
import { type PaperChange, paperChanges } from './paper-changes.js';
import { arxivPatches, dblpPatches, isSyncPatch, syncTag } from './patches.js';
import type { PoliteHttp } from './polite-http.js';
import { SourceError, type SourceErrorCode, type SourceName } from './source-error.js';

export interface SyncOptions {
  /** Shared by both sources, so each host's spacing holds across them. */
  http: PoliteHttp;
  /** ARXIV_API_URL. */
  arxivApiUrl: string;
  /** DBLP_API_URL. */
  dblpApiUrl: string;
  /** DBLP_PIDS: whose bibliographies are read; none, and DBLP is not asked. */
  dblpPids: readonly string[];
  /** Ids per arXiv request; the default suits the API, tests use small batches. */
  arxivBatchSize?: number;
}

/** The corpus a sync starts from. */
export interface SyncInput {
  /** The corpus folder as read (`readCorpusFiles`). */
  files: readonly SourceFile[];
  /** What the store holds (`await store.learnedFacts()`). */
  learned: readonly FactsPatch[];
}

/** A source that could not be used; nothing from it is in the result. */
export interface SyncFailure {
  source: SourceName;
  code: SourceErrorCode;
  message: string;
}

export interface SyncResult {
  /** What each source that answered taught: save with `store.replaceSyncedFacts(synced, at)`. */
  synced: Array<SyncedFacts & { source: SourceName }>;
  /** How the corpus changes once they are saved, per paper and field. */
  changes: PaperChange[];
  failures: SyncFailure[];
  /** The corpus papers before and after, e.g. for `venueNews(before, after)`. */
  before: Paper[];
  after: Paper[];
  /** Sources asked (DBLP only with pids). */
  asked: SourceName[];
}

/**
 * Reads arXiv (every paper with an id, in `id_list` batches; papers without
 * one by exact title) and DBLP (each DBLP_PIDS bibliography: venues and full
 * author lists), and works out what the corpus would look like with what
 * they say. Each source is all or nothing: one that fails (after retries) is
 * listed in `failures`, is absent from `synced`, and changes nothing, while
 * the facts it taught before stay. Changes are computed by merging, so a
 * hand-edited entry in corpus/*.json still wins over anything learned.
 * Nothing is saved here; a dry run simply does not save.
 *
 * @example
 * const result = await syncSources(
 *   { files: await readCorpusFiles(config.corpusDir), learned: await store.learnedFacts() },
 *   { ...config.sources, http: new PoliteHttp({ userAgent: sourcesUserAgent(config.sources.contact) }) },
 * );
 * if (!dryRun) await store.replaceSyncedFacts(result.synced, new Date().toISOString());
 * venueNews(result.before, result.after); // [{ paperId, venue: 'NeurIPS 2025' }]
 */
export async function syncSources(input: SyncInput, options: SyncOptions): Promise<SyncResult> {
  const before = buildCorpus(input.files, input.learned).papers;
  const learners: Array<[SourceName, () => Promise<FactsPatch[]>]> = [
    ['arxiv', () => learnFromArxiv(before, options)],
  ];
  if (options.dblpPids.length > 0) learners.push(['dblp', () => learnFromDblp(before, options)]);
  const synced: SyncResult['synced'] = [];
  const failures: SyncFailure[] = [];
  // The sources live on different hosts, so they are read side by side.
  await Promise.all(
    learners.map(async ([source, learn]) => {
      try {
        synced.push({ source, facts: await learn() });
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        failures.push({ source, code: error.code, message: error.message });
      }
    }),
  );
  // Completion order is chance; reports are not.
  const bySource = (a: { source: string }, b: { source: string }) =>
    a.source.localeCompare(b.source);
  synced.sort(bySource);
  failures.sort(bySource);
  const after = buildCorpus(input.files, withSynced(input.learned, synced)).papers;
  return {
    synced,
    changes: paperChanges(before, after),
    failures,
    before,
    after,
    asked: learners.map(([source]) => source),
  };
}

async function learnFromArxiv(
  papers: readonly Paper[],
  options: SyncOptions,
): Promise<FactsPatch[]> {
  const api = { apiUrl: options.arxivApiUrl, http: options.http };
  const ids = papers.flatMap((paper) => (paper.arxivId ? [paper.arxivId] : []));
  const byId = await arxivByIds(ids, api, options.arxivBatchSize);
  const byTitle = new Map<string, PaperFacts>();
  for (const paper of papers.filter((p) => !p.arxivId)) {
    const entry = await arxivByTitle(paper, api);
    if (entry) byTitle.set(paper.id, entry);
  }
  return arxivPatches(papers, byId, byTitle);
}

async function learnFromDblp(
  papers: readonly Paper[],
  options: SyncOptions,
): Promise<FactsPatch[]> {
  const api = { apiUrl: options.dblpApiUrl, http: options.http };
  const records: DblpRecord[] = [];
  for (const pid of options.dblpPids) records.push(...(await fetchDblpPerson(pid, api)));
  return dblpPatches(papers, records);
}

/**
 * The stored facts with what the given sources said before replaced by what
 * they say now, in the order the store returns them after saving (feed
 * papers, then patches by source and title), so a dry run shows exactly the
 * corpus a real run leaves.
 */
function withSynced(
  learned: readonly FactsPatch[],
  synced: ReadonlyArray<SyncedFacts & { source: SourceName }>,
): FactsPatch[] {
  const replaced = new Set(synced.map((s) => syncTag(s.source)));
  const kept = learned.filter((facts) => !replaced.has(facts.source));
  const patches = [...kept.filter(isSyncPatch), ...synced.flatMap((s) => s.facts)];
  const order = (facts: FactsPatch) => `${facts.source}\u0000${titleKey(facts.title)}`;
  patches.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return [...kept.filter((facts) => !isSyncPatch(facts)), ...patches];
}
