import { type Schedule, scheduleCycles } from '../announce/schedule.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startOpsServer } from '../ops/http-routes.js';
import { bootstrap } from './bootstrap.js';
import { DEFAULT_HTTP_PORT } from './platforms.js';

export interface RunningBot {
  /** Resolves with an exit code when the bot ends by itself (shell input closed, fatal platform error). */
  finished: Promise<number>;
  stop(): Promise<void>;
}

/**
 * Bootstraps pubbot, starts every platform the configuration enables (the
 * shell when none is), serves /healthz and /metrics, runs one announcement
 * cycle (the first ever records the corpus silently; later ones finish
 * deliveries a crash left unconfirmed) and schedules the rest, retrying
 * what could not be delivered in between.
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });
  let schedule: Schedule | undefined;
  const pubbot = await bootstrap(config, logger, {
    onOwed: () => schedule?.soon(),
    platforms: {
      shell: {
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
        onEnd: () => finish(0),
      },
      onFatal: (error) => {
        logger.fatal({ err: error }, error.message);
        finish(1);
      },
    },
  });
  const serving = pubbot.platforms?.serving ?? [];
  const chatPlatforms = config.discord !== undefined || config.slack !== undefined;
  const slackHttp = config.slack?.mode === 'http';

  let ops: Awaited<ReturnType<typeof startOpsServer>> | undefined;
  try {
    schedule = scheduleCycles(config.announce, pubbot.announcer, logger);
    await schedule.runNow();
    for (const platform of serving) {
      await platform.start();
      logger.info({ platform: platform.name }, 'platform started');
    }
    // The shell alone serves nothing unless HTTP_PORT asks for it; it must not fight over a port.
    if (!slackHttp && (chatPlatforms || config.httpPort !== undefined)) {
      ops = await startOpsServer(pubbot.routes, config.httpPort ?? DEFAULT_HTTP_PORT);
      logger.info({ port: ops.port }, 'serving /healthz and /metrics');
    }
  } catch (error) {
    // Stop every platform, the failed one included, so no socket keeps the process alive.
    await schedule?.stop();
    await Promise.allSettled(serving.map((platform) => platform.stop()));
    await ops?.close();
    await pubbot.close();
    throw error;
  }
  return {
    finished,
    async stop() {
      // A cycle in flight finishes first (bounded): what it posts is recorded, not left to a takeover.
      await schedule?.stop();
      await Promise.allSettled(serving.map((platform) => platform.stop()));
      await ops?.close();
      await pubbot.close();
    },
  };
}
