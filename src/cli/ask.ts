import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerJson } from '../answer/answer-json.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/sqlite-store.js';
import { loadCore } from './load-core.js';
import { runCli, UsageError } from './run-cli.js';

const USAGE =
  'usage: npm run ask -- [--json] [--batch] [--limit N] [--today YYYY-MM-DD] [question …]';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      batch: { type: 'boolean', default: false },
      limit: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError(`--limit must be a positive whole number, got "${values.limit}"`);
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(values.today)) {
    throw new UsageError(`--today must be a date like 2026-11-25, got "${values.today}"`);
  }
  if (!values.batch && positionals.length === 0) throw new UsageError(USAGE);

  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel ?? 'warn' });
  // Answers match the bot's: the corpus plus what feeds and syncs learned.
  const store = openStore(config.announce.databaseUrl);
  const learned = store.learnedFacts();
  store.close();
  const { core } = await loadCore(config.corpusDir, logger, { learned });
  const answer = (question: string) => {
    const result = core.ask(question, {
      ...(values.today ? { today: values.today } : {}),
      ...(limit ? { limit } : {}),
    });
    return values.json ? JSON.stringify(answerJson(question, result)) : result.text;
  };

  if (!values.batch) {
    process.stdout.write(`${answer(positionals.join(' '))}\n`);
    return 0;
  }
  await answerLines(answer, values.json);
  return 0;
});

/** One answer per stdin line; in JSON mode one object per line, blank lines included. */
async function answerLines(answer: (question: string) => string, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const line of lines) {
    if (!json && line.trim() === '') continue;
    process.stdout.write(`${json || first ? '' : '\n'}${answer(line)}\n`);
    first = false;
  }
}
