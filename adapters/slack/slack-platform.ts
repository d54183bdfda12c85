import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type Receiver, type RespondFn, SocketModeReceiver, webApi } from '@slack/bolt';
import type {
  ChatPlatform,
  Outage,
  PostOptions,
  PostReceipt,
} from '../../src/conversation/chat-platform.js';
import type { Conversation } from '../../src/conversation/conversation.js';
import type { Reply } from '../../src/conversation/reply.js';
import type { Origin, Request } from '../../src/conversation/request.js';
import { textRequest } from '../../src/conversation/text-request.js';
import { PubbotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { HttpRoute } from '../../src/ops/http-server.js';
import { defaultDeadline, InFlight, untilDeadline } from '../../src/ops/in-flight.js';
import { longestOutage, Reachability } from '../reachability.js';
import { RequestSlots } from '../request-slots.js';
import { boltLogger } from './bolt-logger.js';
import { SlackEventsReceiver } from './events-receiver.js';
import { SLACK_LIMITS } from './limits.js';
import { renderBlocks, SHOW_MORE_ACTION, type SlackMessage } from './render-blocks.js';
import { SeenEvents } from './seen-events.js';
import { REJECTED_TOKEN_ERRORS, slackFetch } from './web-api-fetch.js';

export type SlackTransport =
  | { kind: 'http'; signingSecret: string }
  | { kind: 'socket'; appToken: string };

export interface SlackPlatformOptions {
  botToken: string;
  transport: SlackTransport;
  /** Web API base (https://slack.com/api/); point it elsewhere to run against a fake Slack. */
  apiUrl: string;
  conversation: Pick<Conversation, 'handle'>;
  logger: Logger;
  /** The slash command's name, as configured in the app manifest. */
  command?: string;
  pageSize?: number;
  /** Pause between two posts to one channel; Slack allows about one message per second. */
  channelIntervalMs?: number;
}

/** A Slack problem no retry will fix; its message names the variable to change. */
export class SlackFatalError extends PubbotError {
  override readonly name = 'SlackFatalError';

  constructor(message: string) {
    super('PLATFORM_FATAL', message);
  }
}

/** Where an event came from, in Slack's terms. */
interface Asked {
  channel: string;
  user: string;
  requestId: string;
  /** The thread the answer goes to (the message's own ts for a new thread). */
  threadTs?: string;
  /** True when the message was itself in a thread, so it may follow up on what the bot said there. */
  inThread?: boolean;
}

const CHANNEL_INTERVAL_MS = 1100;
/**
 * Slack's Web API has no idempotency key, so a timed-out chat.postMessage
 * that Slack did take is posted again on retry: the timeout stays well above
 * Slack's usual answer times. It also bounds how long answers wait once a
 * hung Slack recovers (until the requests holding the slots give up).
 */
const REQUEST_TIMEOUT_MS = 10_000;
const REQUEST_SLOTS = 16;
const MANAGERS = 'workspace admins or the channel’s creator';
const EVENTS_PATH = '/slack/events';

/**
 * pubbot on Slack: mentions and DMs answered in a thread (a mention in that
 * thread refines the question), a slash command, Block Kit with a "Show
 * more" button; announcements through the Web API. Retries of one event are
 * answered once. Only translation happens here: events become Requests,
 * Replies become Block Kit. In HTTP mode the events arrive through
 * {@link SlackPlatform.routes} on pubbot's own server.
 */
export class SlackPlatform implements ChatPlatform {
  readonly name = 'slack';
  readonly #o: SlackPlatformOptions;
  readonly #seen = new SeenEvents();
  readonly #inFlight = new InFlight();
  /** Posts announcements and checks the token; Bolt's own client answers events. */
  readonly #client: webApi.WebClient;
  readonly #clientOptions: webApi.WebClientOptions;
  readonly #lastPost = new Map<string, number>();
  /** The Web API (and response URLs). */
  readonly #api = new Reachability();
  /** The Socket Mode connection, in Socket Mode. */
  readonly #socket = new Reachability();
  #app: App | undefined;
  #receiver: SlackEventsReceiver | undefined;
  #ready = false;

  constructor(options: SlackPlatformOptions) {
    this.#o = options;
    const { transport } = options;
    const appAuthorization = transport.kind === 'socket' ? `Bearer ${transport.appToken}` : '';
    this.#clientOptions = {
      slackApiUrl: options.apiUrl,
      fetch: slackFetch(
        {
          api: 'Slack',
          timeoutMs: REQUEST_TIMEOUT_MS,
          slots: new RequestSlots(REQUEST_SLOTS),
          link: this.#api,
        },
        (authorization) =>
          authorization === appAuthorization ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN',
      ),
      // A 429 waits for Retry-After and then retries; two more tries cover a brief outage.
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    };
    this.#client = new webApi.WebClient(options.botToken, this.#clientOptions);
  }

  /** HTTP mode's endpoint, for pubbot's HTTP server; none in Socket Mode. */
  routes(): HttpRoute[] {
    if (this.#o.transport.kind !== 'http') return [];
    return [
      {
        method: 'POST',
        path: EVENTS_PATH,
        events: true,
        handle: (req: IncomingMessage, body: Buffer, res: ServerResponse) =>
          this.#receiver ? this.#receiver.handle(req, body, res) : notStarted(res),
      },
    ];
  }

  /**
   * Checks the bot token first (auth.test), so a refused token ends the start
   * with one line naming SLACK_BOT_TOKEN instead of Bolt taking every event
   * and dropping it; in Socket Mode a refused app token names SLACK_APP_TOKEN.
   */
  async start(): Promise<void> {
    const { transport, botToken, logger } = this.#o;
    const bot = await this.#identify();
    const bolt = boltLogger(logger);
    let receiver: Receiver;
    if (transport.kind === 'http') {
      this.#receiver = new SlackEventsReceiver({
        signingSecret: transport.signingSecret,
        logger: bolt,
      });
      receiver = this.#receiver;
    } else receiver = this.#socketReceiver(transport.appToken, bolt);
    const app = new App({
      token: botToken,
      botId: bot.botId,
      botUserId: bot.botUserId,
      receiver,
      logger: bolt,
      clientOptions: this.#clientOptions,
    });
    this.#app = app;
    this.#listen(app);
    await app.start().catch((error: unknown) => {
      throw startFailure(error, 'SLACK_APP_TOKEN');
    });
    this.#ready = true;
    logger.info({ transport: transport.kind }, 'slack ready');
  }

  async stop(deadline = defaultDeadline()): Promise<void> {
    this.#ready = false;
    // Socket Mode stops taking events before the answers in flight are awaited.
    await Promise.race([this.#app?.stop(), untilDeadline(deadline)]);
    await this.#inFlight.settle(deadline);
  }

  isReady(): boolean {
    return this.#ready && this.outage() === undefined;
  }

  outage(): Outage | undefined {
    return longestOutage(this.#api, this.#socket);
  }

  /** Posts to a channel, at most one message per second per channel; unfurling off. */
  async post(channel: string, reply: Reply, _options?: PostOptions): Promise<PostReceipt> {
    const interval = this.#o.channelIntervalMs ?? CHANNEL_INTERVAL_MS;
    const wait = (this.#lastPost.get(channel) ?? 0) + interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      const posted = await send(this.#client, { channel }, renderBlocks(reply));
      return posted.ts ? { messageId: posted.ts } : {};
    } finally {
      this.#lastPost.set(channel, Date.now());
    }
  }

  async #identify(): Promise<{ botId: string; botUserId: string }> {
    try {
      const auth = await this.#client.auth.test();
      return { botId: auth.bot_id ?? '', botUserId: auth.user_id ?? '' };
    } catch (error) {
      throw startFailure(error, 'SLACK_BOT_TOKEN');
    }
  }

  /** Socket Mode through Bolt's receiver, its connection watched for health. */
  #socketReceiver(appToken: string, logger: ReturnType<typeof boltLogger>): SocketModeReceiver {
    const receiver = new SocketModeReceiver({
      appToken,
      logger,
      installerOptions: { clientOptions: this.#clientOptions },
    });
    const lost = () => this.#socket.down('Socket Mode connection lost; reconnecting');
    receiver.client.on('connected', () => this.#socket.up());
    receiver.client.on('reconnecting', lost);
    receiver.client.on('disconnected', lost);
    return receiver;
  }

  #listen(app: App): void {
    app.use(async ({ body, next, logger }) => {
      const eventId = (body as { event_id?: string }).event_id;
      if (eventId && !this.#seen.take(eventId)) {
        logger.info(`ignoring repeat of event ${eventId}`);
        return;
      }
      await next();
    });

    app.event('app_mention', async ({ event, body, client }) => {
      if (event.bot_id) return;
      const text = event.text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/gu, ' ').trim();
      await this.#inFlight.track(
        this.#answerInThread(client, text, {
          channel: event.channel,
          user: event.user ?? '',
          requestId: body.event_id,
          threadTs: event.thread_ts ?? event.ts,
          inThread: event.thread_ts !== undefined,
        }),
      );
    });

    app.message(async ({ message, body, client }) => {
      if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message)
        return;
      await this.#inFlight.track(
        this.#answerInThread(client, message.text ?? '', {
          channel: message.channel,
          user: message.user,
          requestId: (body as { event_id: string }).event_id,
          threadTs: message.thread_ts ?? message.ts,
          inThread: message.thread_ts !== undefined,
        }),
      );
    });

    app.command(this.#o.command ?? '/papers', async ({ command, ack, respond, client }) => {
      await ack();
      const asked = {
        channel: command.channel_id,
        user: command.user_id,
        requestId: command.trigger_id,
      };
      await this.#inFlight.track(
        this.#respond(respond, textRequest(command.text), this.#origin(client, asked), false),
      );
    });

    app.action(SHOW_MORE_ACTION, async ({ ack, action, respond, body, client }) => {
      await ack();
      const container = (body as { container?: { channel_id?: string; thread_ts?: string } })
        .container;
      const asked: Asked = {
        channel: container?.channel_id ?? '',
        user: body.user.id,
        requestId: (action as { action_ts?: string }).action_ts ?? '',
        ...(container?.thread_ts ? { threadTs: container.thread_ts, inThread: true } : {}),
      };
      const token = 'value' in action ? String(action.value) : '';
      await this.#inFlight.track(
        this.#respond(respond, { kind: 'page', token }, this.#origin(client, asked), true),
      );
    });

    app.error(async (error) => {
      this.#o.logger.error({ err: error }, 'slack handler error');
    });
  }

  /**
   * A thread is the conversation: the answer goes to the thread, is kept
   * under it, and a later mention in it follows up; a top-level message
   * starts a thread of its own and stands alone.
   */
  #origin(client: webApi.WebClient, asked: Asked): Origin {
    const key = asked.threadTs ? `slack:${asked.channel}:${asked.threadTs}` : undefined;
    return {
      platform: 'slack',
      channel: asked.channel,
      user: asked.user,
      requestId: asked.requestId,
      ...(key ? { conversation: { key, ...(asked.inThread ? { follows: key } : {}) } } : {}),
      surface: {
        pageSize: this.#o.pageSize ?? 5,
        tokenLength: SLACK_LIMITS.buttonValue,
        images: true,
      },
      mayManage: () => mayManage(client, asked.channel, asked.user),
      managers: MANAGERS,
    };
  }

  async #answerInThread(client: webApi.WebClient, text: string, asked: Asked): Promise<void> {
    const origin = this.#origin(client, asked);
    const reply = await this.#o.conversation.handle(
      textRequest(text, { followUp: asked.inThread === true }),
      origin,
    );
    // Threads have no private replies: refusals and help go to the thread like any answer.
    await send(
      client,
      { channel: asked.channel, thread_ts: asked.threadTs as string },
      renderBlocks(reply),
    ).catch((error: unknown) => this.#undelivered(error, origin));
  }

  async #respond(
    respond: RespondFn,
    request: Request,
    origin: Origin,
    replace: boolean,
  ): Promise<void> {
    const message = renderBlocks(await this.#o.conversation.handle(request, origin));
    const where = replace
      ? { replace_original: true }
      : { response_type: message.ephemeral ? ('ephemeral' as const) : ('in_channel' as const) };
    await respond({ ...where, text: message.text, blocks: message.blocks }).catch(
      (error: unknown) => this.#undelivered(error, origin),
    );
  }

  /** The answer was made but Slack did not take it: logged with the request, nothing else to do. */
  #undelivered(error: unknown, origin: Origin): void {
    this.#o.logger.error(
      { err: error, requestId: origin.requestId, channel: origin.channel },
      'slack reply not delivered',
    );
  }
}

/**
 * Why Slack could not be started, as one line: a refused token names the
 * variable to fix; a Web API failure (unreachable, an HTTP error, another
 * API error) says what Slack answered. Anything else is a bug and stays as it is.
 */
function startFailure(error: unknown, variable: string): unknown {
  const { code, data } = error as { code?: string; data?: { error?: string } };
  if (data?.error && REJECTED_TOKEN_ERRORS.has(data.error)) {
    const where =
      variable === 'SLACK_APP_TOKEN'
        ? 'Basic Information → App-Level Tokens, with connections:write'
        : 'OAuth & Permissions → Bot User OAuth Token (xoxb-…)';
    return new SlackFatalError(
      `Slack rejected ${variable} (${data.error}): check it under ${where}`,
    );
  }
  if (!code?.startsWith('slack_webapi_')) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SlackFatalError(`Slack could not be started with ${variable}: ${message}`);
}

/** An event that arrives before Slack is set up gets Slack to retry instead of an ack. */
function notStarted(res: ServerResponse): void {
  res.writeHead(503, { 'retry-after': '1' });
  res.end();
}

/** Posts a message with its files; unfurling off so a digest is not a wall of previews. */
async function send(
  client: webApi.WebClient,
  where: { channel: string; thread_ts?: string },
  message: SlackMessage,
): Promise<webApi.ChatPostMessageResponse> {
  const posted = await client.chat.postMessage({
    ...where,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  for (const file of message.files) {
    const upload = { file: Buffer.from(file.data), filename: file.name, alt_text: file.alt };
    await client.files.uploadV2(
      where.thread_ts
        ? { ...upload, channel_id: where.channel, thread_ts: where.thread_ts }
        : { ...upload, channel_id: where.channel },
    );
  }
  return posted;
}

/** Subscriptions change what a channel receives: workspace admins and owners, or the channel's creator, may. */
async function mayManage(
  client: webApi.WebClient,
  channel: string,
  user: string,
): Promise<boolean> {
  const { user: info } = await client.users.info({ user });
  if (info?.is_admin || info?.is_owner || info?.is_primary_owner) return true;
  const { channel: conversation } = await client.conversations.info({ channel });
  return conversation?.creator === user || conversation?.is_im === true;
}
