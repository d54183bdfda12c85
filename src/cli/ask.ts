import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerJson } from '../answer/answer-json.js';
import { ChartRenderer } from '../chart/chart-renderer.js';
import { loadConfig } from '../config.js';
import { layoutAnswer } from '../conversation/layout-answer.js';
import { replyText } from '../conversation/reply-text.js';
import type { Origin } from '../conversation/request.js';
import { DEFAULT_PAGE_SIZE } from '../core.js';
import { UsageError } from '../errors.js';
import { configuredLogger } from '../logger.js';
import { runCli } from '../run-cli.js';
import { bootstrap, type Pubbot } from '../runtime/bootstrap.js';

const USAGE =
  'usage: npm run ask -- [--json] [--batch] [--limit N] [--today YYYY-MM-DD] [--chart FILE.png] [question …]';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      batch: { type: 'boolean', default: false },
      limit: { type: 'string' },
      today: { type: 'string' },
      chart: { type: 'string' },
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
  const today = values.today;
  if (today !== undefined && !isCalendarDate(today)) {
    throw new UsageError(`--today must be a date like 2026-11-25, got "${today}"`);
  }
  if (!values.batch && positionals.length === 0) throw new UsageError(USAGE);
  if (values.chart !== undefined && values.batch)
    throw new UsageError('--chart draws one answer; it does not go with --batch');

  const config = loadConfig();
  const logger = configuredLogger(config, 'warn');
  const clock = today ? () => new Date(`${today}T12:00:00Z`) : undefined;
  // Answers match the bot's: the corpus plus what feeds and syncs learned, from the store.
  const pubbot = await bootstrap(config, logger, {
    storeOptional: true,
    ...(clock ? { clock } : {}),
  });
  // One question at a time, no conversation: the same words always get the same answer.
  const origin: Origin = {
    platform: 'shell',
    channel: 'cli',
    user: 'local',
    surface: { pageSize: limit ?? DEFAULT_PAGE_SIZE, tokenLength: 0 },
    mayManage: async () => false,
    managers: 'the running bot’s users',
  };
  const answer = async (question: string) => {
    if (values.json) {
      const result = pubbot.reloader.core.ask(question, {
        ...(today ? { today } : {}),
        ...(limit ? { limit } : {}),
      });
      return JSON.stringify(answerJson(question, result, replyText(layoutAnswer(result))));
    }
    return replyText(
      await pubbot.conversation.handle({ kind: 'question', text: question }, origin),
    );
  };
  try {
    if (!values.batch) {
      const question = positionals.join(' ');
      process.stdout.write(`${await answer(question)}\n`);
      return values.chart === undefined ? 0 : drawChart(pubbot, question, origin, values.chart);
    }
    await answerLines(answer, values.json);
    return 0;
  } finally {
    await pubbot.close();
  }
});

/** YYYY-MM-DD naming a day that exists (2026-02-30 and 2026-13-45 do not). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** One answer per stdin line; in JSON mode one object per line, blank lines included. */
async function answerLines(
  answer: (question: string) => Promise<string>,
  json: boolean,
): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const line of lines) {
    if (!json && line.trim() === '') continue;
    process.stdout.write(`${json || first ? '' : '\n'}${await answer(line)}\n`);
    first = false;
  }
}

/** Writes the answer's chart as a PNG; exit 1 with a reason when the answer has none or drawing failed. */
async function drawChart(
  pubbot: Pubbot,
  question: string,
  origin: Origin,
  file: string,
): Promise<number> {
  const reply = await pubbot.conversation.handle({ kind: 'question', text: question }, origin);
  if (!reply.chart) {
    process.stderr.write(
      'pubbot: --chart: this answer has no chart (ask for a breakdown or a ranking)\n',
    );
    return 1;
  }
  const charts = new ChartRenderer({ timeoutMs: 10_000 });
  try {
    const chart = await charts.render(reply.chart);
    if (!chart.ok) {
      process.stderr.write(`pubbot: --chart: not drawn (${chart.reason}: ${chart.detail})\n`);
      return 1;
    }
    await writeFile(file, chart.png);
    process.stderr.write(`chart: ${file} (${chart.width}×${chart.height}) — ${chart.alt}\n`);
    return 0;
  } finally {
    await charts.close();
  }
}
