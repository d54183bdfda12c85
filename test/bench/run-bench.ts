import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { createLibrary } from '../../src/answer/library.js';
import { createCore } from '../../src/core.js';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import { ExampleFileSchema } from '../../src/eval/example-questions.js';
import { isSearchQuery } from '../../src/query/query.js';
import { INDEX_OPTIONS, PaperIndex } from '../../src/search/paper-index.js';
import { chartSamples } from './chart-bench.js';
import { type BenchQuestion, questionMix } from './question-mix.js';
import { syntheticCorpus } from './synthetic-corpus.js';

/**
 * `npm run bench [-- --json] [--sizes 25,10000,100000]`: index build and
 * snapshot times, heap, and ask() latency against bare minisearch search on
 * the same topic words; then chart renders through the worker renderer for
 * 5 and 40 bars. A script, never a test: it reports, it does not assert.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '25,10000,100000' },
  },
});
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const TODAY = '2026-11-25';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');

interface SizeResult {
  papers: number;
  buildMs: number;
  snapshotSaveMs: number;
  snapshotMB: number;
  snapshotLoadMs: number;
  heapMB: number;
  askP50Ms: number;
  askP99Ms: number;
  searchP50Ms: number;
  searchP99Ms: number;
  ratio: number;
  questions: number;
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The real corpus, asked the example and held-out questions. */
function realCorpus(): { papers: Paper[]; questions: BenchQuestion[] } {
  const { papers } = buildCorpus([
    { name: 'corpus/publications.txt', text: readFileSync('corpus/publications.txt', 'utf8') },
  ]);
  const files = ['test/fixtures/example-questions.json', 'test/fixtures/held-out-questions.json'];
  const texts = files.flatMap((file) =>
    ExampleFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).cases.map((c) => c.q),
  );
  const core = createCore(papers);
  const questions = texts.map((text): BenchQuestion => {
    const query = core.parse(text, { today: TODAY });
    const topic = isSearchQuery(query) ? query.filters.topic : undefined;
    return { kind: 'topic', text, ...(topic ? { topic } : {}) };
  });
  return { papers, questions };
}

function measure(size: number): SizeResult {
  log(`— ${size} papers`);
  const { papers, questions } =
    size === 25
      ? realCorpus()
      : (() => {
          const corpus = syntheticCorpus(size);
          return { papers: corpus.papers, questions: questionMix(corpus) };
        })();
  gc?.();
  const snapshotFile = join(mkdtempSync(join(tmpdir(), 'pubbot-bench-')), 'index.json');
  const { buildMs, snapshotSaveMs, snapshotBytes } = (() => {
    const [library, buildMs] = time(() => createLibrary(papers));
    log(`  built in ${round(buildMs / 1000)} s`);
    const [snapshot, snapshotSaveMs] = time(() => library.index.toSnapshot());
    writeFileSync(snapshotFile, snapshot);
    return { buildMs, snapshotSaveMs, snapshotBytes: snapshot.length };
  })();
  gc?.();
  // A restart: the bot reads the snapshot instead of rebuilding, and holds one library.
  const [index, snapshotLoadMs] = time(() =>
    PaperIndex.fromSnapshot(readFileSync(snapshotFile, 'utf8'), papers),
  );
  log(
    `  snapshot ${round(snapshotBytes / 1e6)} MB, saved in ${round(snapshotSaveMs)} ms, loaded in ${round(snapshotLoadMs)} ms`,
  );
  const core = createCore(papers, { indexFor: () => index });
  gc?.();
  const heapMB = process.memoryUsage().heapUsed / 1e6;

  const rounds = size >= 50_000 ? 2 : 5;
  for (const question of questions) core.ask(question.text, { today: TODAY, limit: 10 });
  const askSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const question of questions)
      askSamples.push(time(() => core.ask(question.text, { today: TODAY, limit: 10 }))[1]);
  }

  const bare = MiniSearch.loadJS(
    JSON.parse(readFileSync(snapshotFile, 'utf8')).index,
    INDEX_OPTIONS,
  );
  const topics = questions.flatMap((q) => (q.topic ? [q.topic] : []));
  for (const topic of topics) bare.search(topic, INDEX_OPTIONS.searchOptions);
  const searchSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const topic of topics)
      searchSamples.push(time(() => bare.search(topic, INDEX_OPTIONS.searchOptions))[1]);
  }
  const askP99Ms = percentile(askSamples, 99);
  const searchP99Ms = percentile(searchSamples, 99);
  return {
    papers: papers.length,
    buildMs: round(buildMs, 0),
    snapshotSaveMs: round(snapshotSaveMs, 0),
    snapshotMB: round(snapshotBytes / 1e6, 1),
    snapshotLoadMs: round(snapshotLoadMs, 0),
    heapMB: round(heapMB, 0),
    askP50Ms: round(percentile(askSamples, 50), 3),
    askP99Ms: round(askP99Ms, 3),
    searchP50Ms: round(percentile(searchSamples, 50), 3),
    searchP99Ms: round(searchP99Ms, 3),
    ratio: round(askP99Ms / searchP99Ms, 2),
    questions: questions.length,
  };
}

const results = sizes.map(measure);
log('— charts');
const charts = await chartSamples();
const chartResults = {
  firstMs: round(charts.firstMs, 0),
  sizes: charts.samples.map((sample) => ({
    bars: sample.bars,
    renderP50Ms: round(percentile(sample.renderMs, 50), 1),
    renderP99Ms: round(percentile(sample.renderMs, 99), 1),
    callerP99Ms: round(percentile(sample.callerMs, 99), 2),
    renders: sample.renderMs.length,
  })),
};
const machine = {
  node: process.version,
  cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
};
if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...machine, sizes: results, charts: chartResults })}\n`);
} else {
  const header = [
    'papers',
    'build',
    'snapshot',
    'load',
    'heap',
    'ask p50',
    'ask p99',
    'search p99',
    'ratio',
  ];
  const rows = results.map((r) => [
    String(r.papers),
    `${round(r.buildMs / 1000)} s`,
    `${r.snapshotMB} MB`,
    `${r.snapshotLoadMs} ms`,
    `${r.heapMB} MB`,
    `${r.askP50Ms} ms`,
    `${r.askP99Ms} ms`,
    `${r.searchP99Ms} ms`,
    String(r.ratio),
  ]);
  const chartHeader = ['chart bars', 'render p50', 'render p99', 'caller p99'];
  const chartRows = chartResults.sizes.map((r) => [
    String(r.bars),
    `${r.renderP50Ms} ms`,
    `${r.renderP99Ms} ms`,
    `${r.callerP99Ms} ms`,
  ]);
  const table = (head: string[], body: string[][]) => {
    const widths = head.map((h, i) =>
      Math.max(h.length, ...body.map((row) => (row[i] as string).length)),
    );
    const line = (cells: string[]) =>
      cells.map((cell, i) => cell.padStart(widths[i] as number)).join('  ');
    return [head, ...body].map(line).join('\n');
  };
  process.stdout.write(
    `pubbot bench — node ${machine.node}, ${machine.cpu}\n${table(header, rows)}\n\n${table(chartHeader, chartRows)}\nfirst chart, worker start included: ${chartResults.firstMs} ms\n`,
  );
}
