import { scheduleCycles } from '../announce/schedule.js';
import { coreBuilder, loadCore } from '../cli/load-core.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { checkHealth } from '../ops/health.js';
import { opsRoutes, startOpsServer } from '../ops/http-routes.js';
import { Metrics } from '../ops/metrics.js';
import type { Adapter } from '../platform/adapter.js';
import { openStore } from '../store/sqlite-store.js';
import { createAnnouncements } from './announcements.js';
import { CoreRef } from './core-ref.js';

export const DEFAULT_HTTP_PORT = 3000;

export interface RunningBot {
  /** Resolves with an exit code when the bot ends by itself (shell input closed, fatal platform error). */
  finished: Promise<number>;
  stop(): Promise<void>;
}

/**
 * Opens the store, loads the corpus, starts every adapter the configuration
 * enables (the shell when none is), serves /healthz and /metrics, runs one
 * announcement cycle (the first ever records the corpus silently; later ones
 * finish deliveries a crash left unconfirmed) and schedules the rest.
 * Adapter modules are imported only when used, so the shell starts without
 * loading discord.js or Bolt.
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const store = openStore(config.announce.databaseUrl);
  const indexCacheDir = config.stateDir;
  const { core } = await loadCore(config.corpusDir, logger, {
    learned: store.learnedFacts(),
    ...(indexCacheDir ? { indexCacheDir } : {}),
  });
  const coreRef = new CoreRef(core);
  const adapters: Adapter[] = [];
  const metrics = new Metrics({
    corpusSize: () => coreRef.current.library.papers.length,
    adapters: () => adapters,
  });
  const coreFor = (platform: string) => () => metrics.instrument(coreRef.current, platform);
  const routes = opsRoutes(
    () => checkHealth({ papers: coreRef.current.library.papers.length, adapters }),
    metrics,
  );
  const announcer = await createAnnouncements(config, coreRef, logger, {
    shellOutput: process.stdout,
    store,
    buildCore: coreBuilder(logger, indexCacheDir),
    onDelivered: (platform, status, papers) => metrics.announced(platform, status, papers),
  });
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });

  if (config.discord) {
    const { DiscordAdapter } = await import('../../adapters/discord/discord-adapter.js');
    adapters.push(
      new DiscordAdapter({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        core: coreFor('discord'),
        subscriptions: announcer,
        logger: logger.child({ platform: 'discord' }),
        onFatal: (error) => {
          logger.fatal({ err: error }, error.message);
          finish(1);
        },
      }),
    );
  }
  const slackHttp = config.slack?.mode === 'http';
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
            : {
                kind: 'http',
                signingSecret: slack.signingSecret,
                port: config.httpPort ?? DEFAULT_HTTP_PORT,
                // Health and metrics share Bolt's HTTP server and port.
                customRoutes: routes,
              },
        core: coreFor('slack'),
        subscriptions: announcer,
        logger: logger.child({ platform: 'slack' }),
      }),
    );
  }
  const chatPlatforms = adapters.length > 0;
  if (!chatPlatforms) {
    const { ShellAdapter } = await import('../../adapters/shell/shell-adapter.js');
    adapters.push(
      new ShellAdapter({
        core: coreFor('shell'),
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
        logger,
        onEnd: () => finish(0),
      }),
    );
  }

  let ops: Awaited<ReturnType<typeof startOpsServer>> | undefined;
  try {
    await announcer.runCycle();
    for (const adapter of adapters) {
      await adapter.start();
      logger.info({ platform: adapter.platform }, 'adapter started');
    }
    // The shell alone serves nothing unless HTTP_PORT asks for it; it must not fight over a port.
    if (!slackHttp && (chatPlatforms || config.httpPort !== undefined)) {
      ops = await startOpsServer(routes, config.httpPort ?? DEFAULT_HTTP_PORT);
      logger.info({ port: ops.port }, 'serving /healthz and /metrics');
    }
  } catch (error) {
    // Stop every adapter, the failed one included, so no socket keeps the process alive.
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    await ops?.close();
    store.close();
    throw error;
  }
  const schedule = scheduleCycles(config.announce, () => announcer.runCycle(), logger);
  return {
    finished,
    async stop() {
      schedule.stop();
      await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
      await ops?.close();
      store.close();
    },
  };
}
