import { parseArgs } from 'node:util';
import type { CycleReport } from '../announce/announcer.js';
import type { DeliveryStatus } from '../announce/deliver-messages.js';
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
  --json     one {"channel","paperId","title","status"} per delivery on stdout, and one
             {"channel","status":"disabled","reason","since","owed"} per disabled channel
  --help     this text

Exit code 1 when a delivery failed (it is retried by the next run) or a channel is disabled
(subscribe it again, or list it in ANNOUNCE_CHANNELS, once the bot may post there).`;

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
      for (const { channel, paperId, title, status, venue, reason } of report.deliveries) {
        const line = {
          channel,
          paperId,
          title,
          status,
          ...(venue ? { venue } : {}),
          ...(reason ? { reason } : {}),
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
      for (const { channel, reason, since, owed } of report.disabled)
        process.stdout.write(
          `${JSON.stringify({ channel, status: 'disabled', reason, since, owed })}\n`,
        );
    } else if (values['dry-run']) {
      for (const d of report.deliveries)
        process.stdout.write(`would announce to ${d.channel}: ${d.title}\n`);
    }
    process.stderr.write(`${summary(report, values['dry-run'])}\n`);
    for (const { channel, reason, owed } of report.disabled)
      process.stderr.write(
        `pubbot: ${channel} is disabled (${reason}); ${plural(owed, 'delivery', 'deliveries')} kept for it\n`,
      );
    const failed = report.deliveries.some((d) => d.status === 'failed' || d.status === 'refused');
    return failed || report.disabled.length > 0 ? 1 : 0;
  } finally {
    await pubbot.close();
  }
});

/** "announce: 25 papers, 1 new, 0 recorded silently, 2 deliveries made, 1 failed, 1 channel disabled" */
function summary(report: CycleReport, dryRun: boolean): string {
  const count = (status: DeliveryStatus) =>
    report.deliveries.filter((d) => d.status === status).length;
  const done = dryRun ? count('planned') : count('sent');
  const parts = [
    `${report.papers} papers`,
    `${report.newPapers.length} new`,
    `${report.silent} recorded silently`,
    ...(report.venueNews > 0 ? [`${plural(report.venueNews, 'venue news item')}`] : []),
    `${plural(done, 'delivery', 'deliveries')} ${dryRun ? 'planned' : 'made'}`,
    `${count('failed') + count('refused')} failed`,
    ...(count('waiting') > 0 ? [`${count('waiting')} waiting`] : []),
    ...(count('cancelled') > 0 ? [`${count('cancelled')} cancelled`] : []),
    `${plural(report.disabled.length, 'channel')} disabled`,
  ];
  return `announce: ${parts.join(', ')}`;
}
