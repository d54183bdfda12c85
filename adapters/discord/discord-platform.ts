import {
  type APIInteraction,
  Client,
  DefaultRestOptions,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  REST,
  type RESTOptions,
  Routes,
} from 'discord.js';
import type {
  ChatPlatform,
  Outage,
  PostOptions,
  PostOutcome,
} from '../../src/conversation/chat-platform.js';
import type { Conversation } from '../../src/conversation/conversation.js';
import type { Reply } from '../../src/conversation/reply.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/logger.js';
import type { HttpRoute } from '../../src/ops/http-server.js';
import { defaultDeadline, InFlight, untilDeadline } from '../../src/ops/in-flight.js';
import { longestOutage, Reachability } from '../reachability.js';
import { RequestSlots } from '../request-slots.js';
import { type RequestWatch, watchedRequest } from '../watched-requests.js';
import { DiscordFatalError, REJECTED_TOKEN, withTokenNamed } from './discord-errors.js';
import { httpInteractionsRoute } from './http-interactions.js';
import { InteractionRouter } from './interaction-router.js';
import { messagePayload } from './message-payload.js';
import { discordPostFailure } from './post-failure.js';
import { syncCommands } from './register-commands.js';
import { renderReply } from './render-message.js';

export { DiscordFatalError } from './discord-errors.js';

export interface DiscordPlatformOptions {
  token: string;
  appId: string;
  /** Register the commands in this server (instantly) instead of globally. */
  guildId?: string;
  /** REST base (https://discord.com/api); the gateway URL is discovered through it (GET /gateway/bot). */
  apiUrl: string;
  /** Hex Ed25519 public key: interactions are then also taken at POST /discord/interactions. */
  publicKey?: string;
  /** Connect to the gateway (the default); without it, interactions arrive over HTTP only. */
  gateway?: boolean;
  conversation: Pick<Conversation, 'handle'>;
  /** The current core, for autocomplete (choices are not replies). */
  core: () => Core;
  logger: Logger;
  /** Papers per page in list answers. */
  pageSize?: number;
  /** Called when Discord ends the session for good (bad token, disallowed intents). */
  onFatal?: (error: Error) => void;
}

/** Close codes after which discord.js stops reconnecting, with what they mean for an operator. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: 'authentication failed: DISCORD_TOKEN is wrong or was reset',
  4010: 'invalid shard',
  4011: 'sharding required: the bot is in too many guilds for one shard',
  4012: 'invalid gateway API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: enable them for the bot in the Developer Portal',
};

const READY_TIMEOUT_MS = 30_000;
/** Per REST request; a channel post retried after a timeout carries its nonce, so it is not doubled. */
const REQUEST_TIMEOUT_MS = 10_000;
const REQUEST_SLOTS = 16;

/**
 * pubbot on Discord: slash commands answered with embeds, autocomplete from
 * the corpus, page buttons, and a Refine button that opens a modal for a
 * follow-up (no privileged intents needed). Interactions arrive over the
 * gateway, or over HTTP at {@link DiscordPlatform.routes} when a public key
 * is set (then the gateway is optional); both go through one
 * InteractionRouter. Commands are registered at start when Discord's differ;
 * channel posts go over REST, so `post` works without a gateway session.
 */
export class DiscordPlatform implements ChatPlatform {
  readonly name = 'discord';
  /** The gateway session; REST calls go through a REST client of their own that outlives it. */
  readonly client: Client;
  readonly #o: DiscordPlatformOptions;
  readonly #rest: REST;
  readonly #router: InteractionRouter;
  readonly #inFlight = new InFlight();
  readonly #gateway = new Reachability();
  readonly #api = new Reachability();
  #taking = false;

  constructor(options: DiscordPlatformOptions) {
    this.#o = options;
    const watch: RequestWatch = {
      api: 'Discord REST',
      slots: new RequestSlots(REQUEST_SLOTS),
      link: this.#api,
      timeoutMs: REQUEST_TIMEOUT_MS,
    };
    const rest: Partial<RESTOptions> = {
      api: options.apiUrl,
      timeout: REQUEST_TIMEOUT_MS,
      retries: 2,
      makeRequest: (url, init) =>
        watchedRequest(
          watch,
          init.signal,
          () => DefaultRestOptions.makeRequest(url, init),
          // A 401 on an interaction's own webhook is about that token, not the bot's.
          async (response) =>
            response.status === 401 && new Headers(init.headers).has('authorization')
              ? REJECTED_TOKEN
              : undefined,
        ),
    };
    // Posting goes over REST alone, so a one-off post needs no login.
    this.#rest = new REST(rest).setToken(options.token);
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest,
    });
    this.#router = new InteractionRouter({
      conversation: options.conversation,
      core: options.core,
      rest: this.#rest,
      logger: options.logger,
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    });
    this.#watchGateway();
  }

  /** POST /discord/interactions when a public key is set; nothing otherwise. */
  routes(): HttpRoute[] {
    const { publicKey } = this.#o;
    if (!publicKey) return [];
    return [
      httpInteractionsRoute({
        publicKey,
        router: this.#router,
        inFlight: this.#inFlight,
        taking: () => this.#taking,
      }),
    ];
  }

  /**
   * Registers the commands when Discord's differ (which also proves the
   * token: a 401 is one line naming DISCORD_TOKEN), then connects to the
   * gateway unless it is off.
   */
  async start(): Promise<void> {
    const { logger, appId, guildId } = this.#o;
    const commands = await syncCommands(this.#rest, {
      appId,
      ...(guildId ? { guildId } : {}),
    }).catch((error: unknown) => {
      throw withTokenNamed(error);
    });
    logger.info(
      { commands: commands.count, scope: guildId ? `guild ${guildId}` : 'global' },
      commands.changed
        ? 'discord commands differed from what Discord had; registered them'
        : 'discord commands already registered',
    );
    if (this.#o.gateway !== false) await this.#connect();
    this.#taking = true;
    logger.info(
      {
        user: this.client.user?.tag,
        application: appId,
        gateway: this.#o.gateway !== false,
        http: this.#o.publicKey !== undefined,
      },
      'discord ready',
    );
  }

  /**
   * Stops taking interactions and closes the gateway first, then waits for
   * the answers in flight, which go over REST. Closing waits for Discord's
   * close handshake at most until the deadline; a reconnect attempt that
   * @discordjs/ws starts anyway (it does while Discord is unreachable) ends
   * with the process.
   */
  async stop(deadline = defaultDeadline()): Promise<void> {
    this.#taking = false;
    await Promise.race([this.client.destroy(), untilDeadline(deadline)]);
    await this.#inFlight.settle(deadline);
  }

  isReady(): boolean {
    return this.#taking && this.outage() === undefined;
  }

  outage(): Outage | undefined {
    return longestOutage(this.#gateway, this.#api);
  }

  /**
   * Posts to a channel over REST with mentions off. The key goes out as
   * `nonce` with `enforce_nonce`, so a retry within Discord's nonce window
   * returns the earlier message instead of posting twice. A refusal is a
   * value saying whether it is for good (see post-failure.ts).
   */
  async post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostOutcome> {
    const { data, files } = messagePayload(renderReply(reply));
    try {
      const sent = (await this.#rest.post(Routes.channelMessages(channel), {
        body: {
          ...data,
          ...(options.idempotencyKey ? { nonce: options.idempotencyKey, enforce_nonce: true } : {}),
        },
        files,
      })) as { id?: string };
      return { ok: true, ...(sent.id ? { messageId: sent.id } : {}) };
    } catch (error) {
      return { ok: false, ...discordPostFailure(error) };
    }
  }

  #connect(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new DiscordFatalError('Discord did not become ready within 30 s')),
        READY_TIMEOUT_MS,
      );
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      this.client.once(Events.ClientReady, () => settle());
      this.client.on(Events.ShardDisconnect, ({ code }) => {
        const reason = FATAL_CLOSE_CODES[code];
        if (!reason) return;
        const error = new DiscordFatalError(`Discord closed the connection (${code}): ${reason}`);
        if (this.client.isReady()) this.#o.onFatal?.(error);
        else settle(error);
      });
      this.client.login(this.#o.token).catch((error: unknown) => {
        settle(withTokenNamed(error) as Error);
      });
    });
  }

  /** Gateway interactions go to the router as the API sent them; the state of the link feeds health. */
  #watchGateway(): void {
    const { logger } = this.#o;
    this.client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
      // Once stopping, an interaction is left unanswered rather than acknowledged and dropped.
      if (!this.#taking) return;
      void this.#inFlight.track(
        this.#router.route(interaction, {
          carriesFiles: true,
          respond: async (body, files) => {
            await this.#rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
              body,
              ...(files ? { files } : {}),
              auth: false,
            });
          },
        }),
      );
    });
    this.client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    this.client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
    this.client.on(Events.ShardReady, () => this.#gateway.up());
    this.client.on(Events.ShardResume, () => this.#gateway.up());
    this.client.on(Events.ShardReconnecting, (shard) => {
      this.#gateway.down('gateway connection lost; reconnecting');
      logger.info({ shard }, 'discord reconnecting');
    });
    this.client.on(Events.ShardError, (error) =>
      this.#gateway.down(`gateway error: ${error.message}`),
    );
  }
}
