import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { configuredLogger } from './logger.js';
import { runCli } from './run-cli.js';
import { onShutdownSignal } from './runtime/shutdown.js';
import { startBot } from './runtime/start-bot.js';

/**
 * Starts pubbot: the adapters whose credentials are set (Discord, Slack),
 * or the shell on the bundled corpus when none are. On SIGINT/SIGTERM it
 * stops taking events, finishes what is in flight within
 * SHUTDOWN_TIMEOUT_SECONDS and exits 0; a fatal platform error exits 1 after
 * stopping.
 */
const USAGE = `usage: npm start

Starts pubbot: Discord and/or Slack when their credentials are set (see .env.example),
else a shell chat on the corpus (interactive on a terminal; piped: one answer per line).
  --help  this text`;

runCli(
  async () => {
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
    const logger = configuredLogger(config, chatPlatform ? 'info' : 'warn');
    process.on('unhandledRejection', (reason) =>
      logger.error({ err: reason }, 'unhandled promise rejection'),
    );
    process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));
    const shutdown = onShutdownSignal(config.shutdownTimeoutMs, logger);

    const bot = await startBot(config, logger);
    const ended = await Promise.race([
      bot.finished.then((exitCode) => ({
        exitCode,
        deadline: Date.now() + config.shutdownTimeoutMs,
      })),
      shutdown.requested.then(({ deadline }) => ({ exitCode: 0, deadline })),
    ]);
    await bot.stop(ended.deadline);
    logger.info({ exitCode: ended.exitCode }, 'stopped');
    return ended.exitCode;
  },
  // A library may keep a timer or a reconnect loop alive after the bot stopped; the bot is done.
  { exitWhenDone: true },
);
