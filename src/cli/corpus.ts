import { parseArgs } from 'node:util';
import { paperJson } from '../answer/answer-json.js';
import { monthYear } from '../answer/paper-line.js';
import { loadConfig } from '../config.js';
import { formatProblem } from '../corpus/paper.js';
import { createLogger } from '../logger.js';
import { runCli } from '../run-cli.js';
import { bootstrap, readOnly } from '../runtime/bootstrap.js';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      ids: { type: 'boolean', default: false },
    },
  });
  const config = readOnly(loadConfig());
  // Problems are this command's output, one line each; the log would only repeat them.
  const pubbot = await bootstrap(config, createLogger({ level: config.logLevel ?? 'error' }));
  pubbot.close();
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
});
