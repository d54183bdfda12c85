import { type Schedule, scheduleCycles } from '../announce/schedule.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { checkHealth } from '../ops/health.js';
import { opsRoutes } from '../ops/http-routes.js';
import { type HttpServer, startHttpServer } from '../ops/http-server.js';
import { untilDeadline } from '../ops/in-flight.js';
import { bootstrap } from './bootstrap.js';

const DEFAULT_HTTP_PORT = 3000;

export interface RunningBot {
  /** Resolves with an exit code when the bot ends by itself (shell input closed, fatal platform error). */
  finished: Promise<number>;
  /**
   * Stops taking events first (HTTP events answer 503, gateways close),
   * lets answers and an announcement cycle in flight finish until
   * `deadline` (epoch ms), then closes the server and the store.
   */
  stop(deadline: number): Promise<void>;
}

/**
 * Bootstraps pubbot, serves /healthz, /metrics and the platforms' HTTP
 * endpoints, runs one announcement cycle (the first ever records the corpus
 * silently; later ones finish deliveries a crash left unconfirmed), starts
 * every platform the configuration enables (the shell when none is) and
 * schedules the rest, retrying what could not be delivered in between. With
 * a damaged SQLite file it still answers, but announces nothing (the ledger
 * is what keeps announcements exactly-once).
 *
 * @example
 * ```ts
 * const bot = await startBot(loadConfig(), logger);
 * process.once('SIGTERM', () => bot.stop(Date.now() + 10_000));
 * ```
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });
  let schedule: Schedule | undefined;
  const pubbot = await bootstrap(config, logger, {
    storeOptional: true,
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
  const announcing = pubbot.storeUnavailable === undefined;
  let server: HttpServer | undefined;
  let stopping = false;

  try {
    // The shell alone serves nothing unless HTTP_PORT asks for it; it must not fight over a port.
    if (chatPlatforms || config.httpPort !== undefined) {
      const health = () =>
        checkHealth({
          papers: () => pubbot.reloader.core.library.papers.length,
          platforms: () => serving,
          graceMs: config.healthGraceMs,
          storeProblem: () => pubbot.storeProblem(),
          stopping: () => stopping,
          ...(announcing ? { disabledChannels: () => pubbot.announcer.disabledChannels() } : {}),
        });
      const { metricsToken } = config.http;
      server = await startHttpServer({
        routes: [
          ...opsRoutes({
            health,
            metrics: pubbot.metrics,
            ...(metricsToken ? { metricsToken } : {}),
          }),
          ...(pubbot.platforms?.routes ?? []),
        ],
        port: config.httpPort ?? DEFAULT_HTTP_PORT,
        host: config.http.host,
        logger,
      });
      logger.info({ host: config.http.host, port: server.port }, 'serving /healthz and /metrics');
    }
    if (announcing) {
      schedule = scheduleCycles(config.announce, pubbot.announcer, logger);
      await schedule.runNow();
    } else {
      logger.warn(
        'announcements are off: the database cannot be used (repair or replace it, then restart)',
      );
    }
    for (const platform of serving) {
      await platform.start();
      logger.info({ platform: platform.name }, 'platform started');
    }
  } catch (error) {
    // Stop every platform, the failed one included, so no socket keeps the process alive.
    await schedule?.stop();
    await Promise.allSettled(serving.map((platform) => platform.stop(Date.now())));
    await server?.close();
    await pubbot.close();
    throw error;
  }
  return {
    finished,
    async stop(deadline) {
      stopping = true;
      server?.drain();
      // A cycle in flight finishes first (bounded): what it posts is recorded, not left to a takeover.
      const cycle = schedule?.stop();
      await Promise.allSettled([
        ...serving.map((platform) => platform.stop(deadline)),
        server?.settle(deadline),
        cycle && Promise.race([cycle, untilDeadline(deadline)]),
      ]);
      await server?.close();
      await pubbot.close();
    },
  };
}
