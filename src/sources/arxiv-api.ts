import { withoutVersion } from '../corpus/arxiv-id.js';
import type { PaperFacts } from '../corpus/build-paper.js';
import { titleKey } from '../corpus/slug.js';
import { parseArxivFeed } from './arxiv-atom.js';
import type { PoliteHttp, SourcePolicy } from './polite-http.js';
import { sharesAuthor } from './same-paper.js';
import { SourceError } from './source-error.js';

/** arXiv's API terms: no more than one request every three seconds. */
export const ARXIV_POLICY: SourcePolicy = {
  source: 'arxiv',
  minIntervalMs: 3000,
  accept: 'application/atom+xml',
};

/** Ids per request: a short URL and a quick answer, yet one request for a whole group's papers. */
export const ARXIV_BATCH_SIZE = 50;

/** Where the arXiv API is and how to ask it. */
export interface ArxivApi {
  /** The query endpoint, https://export.arxiv.org/api/query by default (ARXIV_API_URL). */
  apiUrl: string;
  http: PoliteHttp;
}

/**
 * The newest papers matching a search query (`au:Gao_Xitong`), for the
 * announcement feed.
 *
 * @example
 * await fetchArxivFeed({ apiUrl, http, query: 'au:Gao_Xitong' }); // newest first
 */
export async function fetchArxivFeed({
  apiUrl,
  http,
  query,
  maxResults = 100,
}: ArxivApi & { query: string; maxResults?: number }): Promise<PaperFacts[]> {
  return ask({ apiUrl, http }, (url) => {
    url.searchParams.set('search_query', query);
    url.searchParams.set('sortBy', 'submittedDate');
    url.searchParams.set('sortOrder', 'descending');
    url.searchParams.set('max_results', String(maxResults));
  });
}

/**
 * Metadata for arXiv ids, asked `batchSize` at a time with `id_list`. All or
 * nothing: an id arXiv has no entry for fails the whole lookup
 * (ARXIV_INCOMPLETE, naming the ids), so a hiccup that returns an empty feed
 * is never read as "these papers have no metadata".
 *
 * @example
 * const byId = await arxivByIds(['2303.15127', '2211.08008'], { apiUrl, http });
 * byId.get('2303.15127')?.authors; // the full author list
 */
export async function arxivByIds(
  ids: readonly string[],
  api: ArxivApi,
  batchSize = ARXIV_BATCH_SIZE,
): Promise<Map<string, PaperFacts>> {
  const wanted = [...new Set(ids.map(withoutVersion))];
  const found = new Map<string, PaperFacts>();
  for (let start = 0; start < wanted.length; start += batchSize) {
    const batch = wanted.slice(start, start + batchSize);
    const entries = await ask(api, (url) => {
      url.searchParams.set('id_list', batch.join(','));
      // The API answers 10 results unless told otherwise, whatever id_list holds.
      url.searchParams.set('max_results', String(batch.length));
    });
    for (const entry of entries) if (entry.arxivId) found.set(entry.arxivId, entry);
  }
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new SourceError(
      'arxiv',
      'INCOMPLETE',
      `arXiv returned no entry for ${missing.join(', ')} (of ${wanted.length} ids asked)`,
    );
  return found;
}

/**
 * The arXiv entry of a paper known only by title, by a phrase search in
 * titles (`ti:"…"`). Taken only when exactly one result has the same
 * normalised title (case, accents, punctuation ignored) and shares an author
 * surname with what the corpus lists: "Robust Pruning" never becomes "Robust
 * Pruning Revisited", nor another group's paper of the same name.
 *
 * @example
 * await arxivByTitle({ title: 'Revisiting Structured Dropout', authors: ['Yiren Zhao'] }, api);
 */
export async function arxivByTitle(
  paper: { title: string; authors: readonly string[] },
  api: ArxivApi,
): Promise<PaperFacts | undefined> {
  const phrase = titleKey(paper.title);
  if (phrase === '') return undefined;
  const entries = await ask(api, (url) => {
    url.searchParams.set('search_query', `ti:"${phrase}"`);
    url.searchParams.set('max_results', '10');
  });
  const matches = entries.filter(
    (entry) => titleKey(entry.title) === phrase && sharesAuthor(paper.authors, entry.authors),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

async function ask(api: ArxivApi, query: (url: URL) => void): Promise<PaperFacts[]> {
  const url = new URL(api.apiUrl);
  query(url);
  return parseArxivFeed(await api.http.getText(url, ARXIV_POLICY));
}
