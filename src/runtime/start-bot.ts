import { loadCore } from '../cli/load-core.js';
import type { Config } from '../config.js';
import type { Core } from '../core.js';
import type { Logger } from '../logger.js';
import type { Adapter } from '../platform/adapter.js';

export interface RunningBot {
  adapters: Adapter[];
  /** Resolves with an exit code when the bot ends by itself (shell input closed, fatal platform error). */
  finished: Promise<number>;
  stop(): Promise<void>;
}

/**
 * Loads the corpus and starts every adapter the configuration enables.
 * Adapter modules are imported only when used, so the shell starts without
 * loading discord.js or Bolt.
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const { core } = await loadCore(config.corpusDir, logger);
  const currentCore = (): Core => core;
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const adapters: Adapter[] = [];

  if (config.discord) {
    const { DiscordAdapter } = await import('../../adapters/discord/discord-adapter.js');
    adapters.push(
      new DiscordAdapter({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        core: currentCore,
        logger: logger.child({ platform: 'discord' }),
        onFatal: (error) => {
          logger.fatal({ err: error }, error.message);
          finish(1);
        },
      }),
    );
  }
  if (config.slack) {
    const { SlackAdapter } = await import('../../adapters/slack/slack-adapter.js');
    const slack = config.slack;
    adapters.push(
      new SlackAdapter({
        botToken: slack.botToken,
        apiUrl: slack.apiUrl,
        command: slack.command,
        transport:
          slack.mode === 'socket'
            ? { kind: 'socket', appToken: slack.appToken }
            : { kind: 'http', signingSecret: slack.signingSecret, port: config.httpPort },
        core: currentCore,
        logger: logger.child({ platform: 'slack' }),
      }),
    );
  }
  if (adapters.length === 0) {
    const { ShellAdapter } = await import('../../adapters/shell/shell-adapter.js');
    adapters.push(
      new ShellAdapter({
        core: currentCore,
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
        logger,
        onEnd: () => finish(0),
      }),
    );
  }

  try {
    for (const adapter of adapters) {
      await adapter.start();
      logger.info({ platform: adapter.platform }, 'adapter started');
    }
  } catch (error) {
    // Stop every adapter, the failed one included, so no socket keeps the process alive.
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    throw error;
  }
  return {
    adapters,
    finished,
    async stop() {
      await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    },
  };
}
