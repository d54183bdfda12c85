import { ShellAdapter } from '../adapters/shell/shell-adapter.js';
import { loadCore } from './cli/load-core.js';
import { runCli } from './cli/run-cli.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

/**
 * Starts pubbot. With no platform credentials it runs the shell adapter on
 * the bundled corpus: interactive on a terminal, one answer per line when
 * input is piped, exiting at end of input.
 */
runCli(async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const { core } = await loadCore(config.corpusDir, logger);
  const ended = new Promise<void>((resolve) => {
    const shell = new ShellAdapter({
      core: () => core,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      logger,
      onEnd: resolve,
    });
    void shell.start();
  });
  await ended;
  return 0;
});
