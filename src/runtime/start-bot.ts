import { scheduleCycles } from '../announce/schedule.js';
import { loadCore } from '../cli/load-core.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Adapter } from '../platform/adapter.js';
import { openStore } from '../store/sqlite-store.js';
import { createAnnouncements } from './announcements.js';
import { CoreRef } from './core-ref.js';

export interface RunningBot {
  adapters: Adapter[];
  coreRef: CoreRef;
  /** Resolves with an exit code when the bot ends by itself (shell input closed, fatal platform error). */
  finished: Promise<number>;
  stop(): Promise<void>;
}

/**
 * Opens the store, loads the corpus, starts every adapter the configuration
 * enables (the shell when none is), runs one announcement cycle (the first
 * ever records the corpus silently; later ones finish deliveries a crash
 * left unconfirmed) and schedules the rest. Adapter modules are imported
 * only when used, so the shell starts without loading discord.js or Bolt.
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const store = openStore(config.announce.databaseUrl);
  const { core } = await loadCore(config.corpusDir, logger, store.learnedFacts());
  const coreRef = new CoreRef(core);
  const currentCore = () => coreRef.current;
  const announcer = await createAnnouncements(config, coreRef, logger, {
    shellOutput: process.stdout,
    store,
  });
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
        subscriptions: announcer,
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
        subscriptions: announcer,
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
    await announcer.runCycle();
    for (const adapter of adapters) {
      await adapter.start();
      logger.info({ platform: adapter.platform }, 'adapter started');
    }
  } catch (error) {
    // Stop every adapter, the failed one included, so no socket keeps the process alive.
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    store.close();
    throw error;
  }
  const schedule = scheduleCycles(config.announce, () => announcer.runCycle(), logger);
  return {
    adapters,
    coreRef,
    finished,
    async stop() {
      schedule.stop();
      await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
      store.close();
    },
  };
}
