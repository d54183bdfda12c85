import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { checkAnswer, ExampleFileSchema, exampleKeys } from '../eval/example-questions.js';
import { configuredLogger } from '../logger.js';
import { runCli } from '../run-cli.js';
import { bootstrap, readOnly } from '../runtime/bootstrap.js';

/** The shared examples when this checkout sits beside them, else the bundled copy. */
const DEFAULT_FILES = [
  '../shared/examples/questions-full.json',
  'test/fixtures/example-questions.json',
];

const USAGE = `usage: npm run eval -- [--file questions.json] [--verbose]

  --file     example questions to score (default: the shared examples, else the bundled copy)
  --verbose  show passing questions too
  --help     this text`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file =
    values.file ?? DEFAULT_FILES.find((candidate) => existsSync(candidate)) ?? DEFAULT_FILES[1];
  const examples = ExampleFileSchema.parse(JSON.parse(await readFile(file as string, 'utf8')));
  const config = readOnly(loadConfig());
  const pubbot = await bootstrap(config, configuredLogger(config, 'error'));
  const core = pubbot.reloader.core;
  const keys = exampleKeys(core.library);
  let passed = 0;
  for (const example of examples.cases) {
    const answer = core.ask(example.q, { today: examples.today, limit: 1000 });
    const failures = checkAnswer(answer, example, keys);
    if (failures.length === 0) passed++;
    if (failures.length > 0 || values.verbose) {
      process.stdout.write(`${failures.length === 0 ? 'ok  ' : 'FAIL'} ${example.q}\n`);
      for (const failure of failures) process.stdout.write(`       ${failure}\n`);
    }
  }
  await pubbot.close();
  process.stdout.write(`eval: ${passed}/${examples.cases.length} passed\n`);
  return passed === examples.cases.length ? 0 : 1;
});
