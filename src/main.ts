import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { runCli } from './run-cli.js';
import { startBot } from './runtime/start-bot.js';

/**
 * Starts pubbot: the adapters whose credentials are set (Discord, Slack),
 * or the shell on the bundled corpus when none are. Stops cleanly on
 * SIGINT/SIGTERM; a fatal platform error exits 1 after stopping.
 */
const USAGE = `usage: npm start

Starts pubbot: Discord and/or Slack when their credentials are set (see .env.example),
else a shell chat on the corpus (interactive on a terminal; piped: one answer per line).
  --help  this text`;

runCli(async () => {
  const { values } = parseArgs({
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  // A shell user wants answers, not start-up chatter; servers want the chatter.
  const chatPlatform = config.discord !== undefined || config.slack !== undefined;
  const logger = createLogger({ level: config.logLevel ?? (chatPlatform ? 'info' : 'warn') });
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled promise rejection'),
  );
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

  const bot = await startBot(config, logger);
  const exitCode = await new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        logger.info({ signal }, 'shutting down');
        resolve(0);
      });
    }
    bot.finished.then(resolve);
  });
  await bot.stop();
  logger.info({ exitCode }, 'stopped');
  return exitCode;
});
