import type { Config } from '../config.js';
import { readCorpusFiles } from '../corpus/load-corpus.js';
import type { PaperChange } from '../sources/paper-changes.js';
import { PoliteHttp, sourcesUserAgent } from '../sources/polite-http.js';
import { sourceLabel } from '../sources/source-error.js';
import { type SyncResult, syncSources } from '../sources/sync.js';
import type { Store } from '../store/store.js';
import { plural } from '../text/plural.js';

export interface SyncCommand {
  dryRun: boolean;
  json: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * `npm run corpus -- sync`: reads the public sources, prints each change
 * (a line, or a JSON object per line with --json) and saves what the sources
 * that answered taught, unless --dry-run. A source that failed is one line on
 * stderr and exit code 1; nothing from it is saved.
 */
export async function runSync(config: Config, store: Store, command: SyncCommand): Promise<number> {
  const result = await syncSources(
    { files: await readCorpusFiles(config.corpusDir), learned: await store.learnedFacts() },
    {
      ...config.sources,
      http: new PoliteHttp({ userAgent: sourcesUserAgent(config.sources.contact) }),
    },
  );
  for (const change of result.changes)
    command.out.write(`${command.json ? JSON.stringify(change) : changeLine(change)}\n`);
  if (!command.dryRun) await store.replaceSyncedFacts(result.synced, new Date().toISOString());
  command.err.write(`${summary(result, config.sources.dblpPids.length, command.dryRun)}\n`);
  for (const failure of result.failures)
    command.err.write(
      `pubbot: sync: ${sourceLabel(failure.source)} failed, nothing from it was applied: ${failure.message} [${failure.code}]\n`,
    );
  return result.failures.length > 0 ? 1 : 0;
}

/** "flareon-…  venue: (none) → NeurIPS 2022" */
export function changeLine(change: PaperChange): string {
  const show = (value: PaperChange['before']) =>
    value === null ? '(none)' : Array.isArray(value) ? value.join(', ') : value;
  return `${change.paperId}  ${change.field}: ${show(change.before)} → ${show(change.after)}`;
}

function summary(result: SyncResult, people: number, dryRun: boolean): string {
  const failed = new Set(result.failures.map((f) => f.source));
  const sources = result.asked.map(
    (source) =>
      `${sourceLabel(source)} ${failed.has(source) ? 'failed' : 'ok'}${source === 'dblp' ? ` (${plural(people, 'person', 'people')})` : ''}`,
  );
  if (!result.asked.includes('dblp')) sources.push('DBLP not asked (DBLP_PIDS is empty)');
  const papers = new Set(result.changes.map((c) => c.paperId)).size;
  const changes = `${plural(result.changes.length, 'change')} to ${plural(papers, 'paper')}`;
  return `sync: ${sources.join(', ')}; ${changes} ${dryRun ? 'found (dry run: nothing applied)' : 'applied'}`;
}
