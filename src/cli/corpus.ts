import { parseArgs } from 'node:util';
import { paperJson } from '../answer/answer-json.js';
import { monthYear } from '../answer/paper-line.js';
import { loadConfig } from '../config.js';
import { formatProblem } from '../corpus/paper.js';
import { UsageError } from '../errors.js';
import { configuredLogger } from '../logger.js';
import { runCli } from '../run-cli.js';
import { bootstrap } from '../runtime/bootstrap.js';
import { runSync } from './corpus-sync.js';

const USAGE = `usage: npm run corpus -- [--json | --ids]
       npm run corpus -- sync [--dry-run] [--json]

  (no command)  every paper: id, date, category, title and the names it introduces
  --json        every paper as JSON, with abstract, venue, sources and what syncs learned
  --ids         every paper id, one a line (for corpus/.announced)
  sync          fill and refresh arXiv ids, full author lists and venues from arXiv and DBLP
                (DBLP_PIDS), print each change and save it; exit 1 if a source failed
  --dry-run     with sync: print the changes, save nothing
  --help        this text`;

/**
 * The corpus as pubbot reads it (the folder plus what syncs learned, from
 * the store), or `sync` to learn more from the public sources.
 */
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      ids: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  const sync = command === 'sync';
  if ((command !== undefined && !sync) || rest.length > 0)
    throw new UsageError(
      `unknown command "${positionals.join(' ')}"; see npm run corpus -- --help`,
    );
  if (sync && values.ids) throw new UsageError('--ids does not go with sync');
  if (!sync && values['dry-run']) throw new UsageError('--dry-run goes with sync');
  const config = loadConfig();
  // Problems are this command's output, one line each; the log would only repeat them.
  // Listing needs no database (a damaged one is named and passed over); sync exists to write it.
  const pubbot = await bootstrap(config, configuredLogger(config, 'error'), {
    storeOptional: !sync,
  });
  try {
    if (sync)
      return await runSync(config, pubbot.store, {
        dryRun: values['dry-run'],
        json: values.json,
        out: process.stdout,
        err: process.stderr,
      });
    const { corpus } = pubbot;
    for (const problem of corpus.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    if (values.ids) {
      for (const paper of corpus.papers) process.stdout.write(`${paper.id}\n`);
      return 0;
    }
    if (values.json) {
      const papers = corpus.papers.map((paper) => paperJson(paper, { withAbstract: true }));
      process.stdout.write(`${JSON.stringify(papers, null, 2)}\n`);
      return 0;
    }
    for (const paper of corpus.papers) {
      const aliases = paper.aliases.length > 0 ? ` [${paper.aliases.join(', ')}]` : '';
      process.stdout.write(
        `${paper.id}  ${monthYear(paper.published)}  ${paper.category}  ${paper.title}${aliases}\n`,
      );
    }
    process.stdout.write(`${corpus.papers.length} papers, ${corpus.problems.length} problems\n`);
    return 0;
  } finally {
    await pubbot.close();
  }
});
