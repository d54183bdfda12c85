import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { configuredLogger } from '../logger.js';
import { runCli } from '../run-cli.js';
import { bootstrap } from '../runtime/bootstrap.js';
import { plural } from '../text/plural.js';

const USAGE = 'usage: npm run announce -- --once [--dry-run] [--json]';
const HELP = `${USAGE}

  --once     run one announcement cycle and exit (the running bot schedules cycles itself)
  --dry-run  show what would be sent; record and send nothing
  --json     one {"channel","paperId","title","status"} per delivery on stdout
  --help     this text`;

/**
 * One announcement cycle, for external schedulers. `shell:` channels print
 * to stdout; with --json, stdout is one JSON object per delivery instead
 * (and shell channels print to stderr).
 */
runCli(async () => {
  const { values } = parseArgs({
    options: {
      once: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.once) throw new UsageError(`${USAGE} (the running bot schedules cycles itself)`);
  const config = loadConfig();
  const logger = configuredLogger(config, 'warn');
  // With --json, stdout is the report alone: shell channels print to stderr.
  const output = values.json ? process.stderr : process.stdout;
  const pubbot = await bootstrap(config, logger, {
    platforms: { shell: { input: process.stdin, output, interactive: false } },
  });
  try {
    const report = await pubbot.announcer.runCycle({ dryRun: values['dry-run'] });
    if (values.json) {
      for (const { channel, paperId, title, status } of report.deliveries) {
        process.stdout.write(`${JSON.stringify({ channel, paperId, title, status })}\n`);
      }
    } else if (values['dry-run']) {
      for (const d of report.deliveries)
        process.stdout.write(`would announce to ${d.channel}: ${d.title}\n`);
    }
    const failed = report.deliveries.filter((d) => d.status === 'failed').length;
    const done = report.deliveries.length - failed;
    process.stderr.write(
      `announce: ${report.papers} papers, ${report.newPapers.length} new, ${report.silent} recorded silently, ` +
        `${plural(done, 'delivery', 'deliveries')} ${values['dry-run'] ? 'planned' : 'made'}, ${failed} failed\n`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    pubbot.close();
  }
});
