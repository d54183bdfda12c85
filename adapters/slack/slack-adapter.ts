import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, type RespondFn, type webApi } from '@slack/bolt';
import {
  ANNOUNCEMENTS_NOT_SET_UP,
  type SubscriptionCommands,
} from '../../src/announce/subscription-commands.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter } from '../../src/platform/adapter.js';
import { InFlight } from '../../src/platform/in-flight.js';
import { MAX_QUESTION_LENGTH } from '../../src/query/question-text.js';
import { boltLogger } from './bolt-logger.js';
import {
  type MoreRequest,
  notice,
  renderBlocks,
  SHOW_MORE_ACTION,
  type SlackMessage,
} from './render-blocks.js';
import { SeenEvents } from './seen-events.js';

export type SlackTransport =
  | { kind: 'http'; signingSecret: string; port: number; customRoutes?: CustomRoute[] }
  | { kind: 'socket'; appToken: string };

export interface SlackAdapterOptions {
  botToken: string;
  transport: SlackTransport;
  /** Web API base (https://slack.com/api/); point it elsewhere to run against a fake Slack. */
  apiUrl: string;
  core: () => Core;
  logger: Logger;
  subscriptions?: SubscriptionCommands;
  /** The slash command's name, as configured in the app manifest. */
  command?: string;
  pageSize?: number;
}

const SUBSCRIPTION = /^\s*(subscribe|unsubscribe)\b\s*(.*)$/isu;

/**
 * pubbot on Slack: mentions and DMs answered in a thread, a slash command,
 * Block Kit with a "Show more" button. Retries of one event are answered once.
 */
export class SlackAdapter implements Adapter {
  readonly platform = 'slack';
  readonly app: App;
  readonly #options: SlackAdapterOptions;
  readonly #seen = new SeenEvents();
  readonly #inFlight = new InFlight();
  readonly #pageSize: number;
  #server: Server | undefined;
  #ready = false;

  constructor(options: SlackAdapterOptions) {
    this.#options = options;
    this.#pageSize = options.pageSize ?? 5;
    const { transport } = options;
    const clientOptions = {
      slackApiUrl: options.apiUrl,
      // A 429 waits for Retry-After and then retries; a few tries cover that and brief outages.
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    };
    this.app = new App({
      token: options.botToken,
      logger: boltLogger(options.logger),
      clientOptions,
      ...(transport.kind === 'http'
        ? { signingSecret: transport.signingSecret, customRoutes: transport.customRoutes ?? [] }
        : { socketMode: true, appToken: transport.appToken, installerOptions: { clientOptions } }),
    });
    this.#listen();
  }

  /** The HTTP port in HTTP mode (useful when started on port 0). */
  get port(): number | undefined {
    return (this.#server?.address() as AddressInfo | null)?.port;
  }

  async start(): Promise<void> {
    const { transport } = this.#options;
    const started =
      transport.kind === 'http' ? await this.app.start(transport.port) : await this.app.start();
    if (transport.kind === 'http') this.#server = started as Server;
    this.#ready = true;
    this.#options.logger.info({ transport: transport.kind, port: this.port }, 'slack ready');
  }

  async stop(): Promise<void> {
    this.#ready = false;
    await this.#inFlight.settle();
    await this.app.stop();
  }

  isReady(): boolean {
    return this.#ready;
  }

  #listen(): void {
    const { app } = this;
    app.use(async ({ body, next, logger }) => {
      const eventId = (body as { event_id?: string }).event_id;
      if (eventId && !this.#seen.take(eventId)) {
        logger.info(`ignoring repeat of event ${eventId}`);
        return;
      }
      await next();
    });

    app.event('app_mention', async ({ event, client }) => {
      if (event.bot_id) return;
      const question = event.text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/gu, ' ').trim();
      await this.#inFlight.track(
        this.#answerInThread(client, {
          channel: event.channel,
          ts: event.ts,
          threadTs: event.thread_ts,
          user: event.user ?? '',
          question,
        }),
      );
    });

    app.message(async ({ message, client }) => {
      if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message)
        return;
      const question = 'text' in message ? (message.text ?? '') : '';
      await this.#inFlight.track(
        this.#answerInThread(client, {
          channel: message.channel,
          ts: message.ts,
          threadTs: message.thread_ts,
          user: message.user,
          question,
        }),
      );
    });

    app.command(this.#options.command ?? '/papers', async ({ command, ack, respond, client }) => {
      await ack();
      await this.#inFlight.track(
        this.#answerCommand(client, respond, {
          channel: command.channel_id,
          user: command.user_id,
          text: command.text,
        }),
      );
    });

    app.action(SHOW_MORE_ACTION, async ({ ack, action, respond, body }) => {
      await ack();
      await this.#inFlight.track(
        this.#showMore(respond, 'value' in action ? String(action.value) : '', body.user.id),
      );
    });

    app.error(async (error) => {
      this.#options.logger.error({ err: error }, 'slack handler error');
    });
  }

  #answer(question: string, limit = this.#pageSize, offset = 0): SlackMessage {
    const answer = this.#options.core().ask(question, { limit, offset });
    return renderBlocks(answer, { question, limit });
  }

  async #answerInThread(
    client: webApi.WebClient,
    where: {
      channel: string;
      ts: string;
      threadTs?: string | undefined;
      user: string;
      question: string;
    },
  ): Promise<void> {
    const log = this.#options.logger.child({
      channel: where.channel,
      ts: where.ts,
      user: where.user,
    });
    const threadTs = where.threadTs ?? where.ts;
    const post = (message: SlackMessage) =>
      client.chat.postMessage({
        channel: where.channel,
        thread_ts: threadTs,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    try {
      const subscription = SUBSCRIPTION.exec(where.question);
      const message = subscription
        ? await this.#subscription(client, where.channel, where.user, subscription)
        : this.#answer(where.question);
      await post(message);
    } catch (error) {
      log.error({ err: error, question: where.question.slice(0, 200) }, 'slack answer failed');
      await post(notice('Sorry, something went wrong answering that. It has been logged.')).catch(
        (postError) => log.warn({ err: postError }, 'could not post the apology'),
      );
    }
  }

  async #answerCommand(
    client: webApi.WebClient,
    respond: RespondFn,
    { channel, user, text }: { channel: string; user: string; text: string },
  ): Promise<void> {
    const log = this.#options.logger.child({
      channel,
      user,
      command: this.#options.command ?? '/papers',
    });
    try {
      const subscription = SUBSCRIPTION.exec(text);
      const message = subscription
        ? await this.#subscription(client, channel, user, subscription)
        : this.#answer(text.trim() === '' ? 'help' : text);
      await respond({
        response_type: message.ephemeral ? 'ephemeral' : 'in_channel',
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      log.error({ err: error, question: text.slice(0, 200) }, 'slack command failed');
      const sorry = notice('Sorry, something went wrong answering that. It has been logged.');
      await respond({ response_type: 'ephemeral', text: sorry.text, blocks: sorry.blocks }).catch(
        () => {},
      );
    }
  }

  async #showMore(respond: RespondFn, value: string, user: string): Promise<void> {
    try {
      const request = JSON.parse(value) as MoreRequest;
      if (typeof request.q !== 'string' || request.q.length > MAX_QUESTION_LENGTH)
        throw new Error('bad button value');
      const message = this.#answer(request.q, request.l, request.o);
      await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    } catch (error) {
      this.#options.logger.error({ err: error, user }, 'slack show-more failed');
    }
  }

  /**
   * Subscriptions change what a channel receives, so only workspace admins
   * and owners, or the channel's creator, may change them.
   */
  async #subscription(
    client: webApi.WebClient,
    channel: string,
    user: string,
    match: RegExpExecArray,
  ): Promise<SlackMessage> {
    const subscriptions = this.#options.subscriptions;
    if (!subscriptions) return notice(ANNOUNCEMENTS_NOT_SET_UP);
    if (!(await this.#mayManage(client, channel, user))) {
      return notice(
        'Only workspace admins or the channel’s creator can change this channel’s announcements.',
      );
    }
    const target = `slack:${channel}`;
    if ((match[1] as string).toLowerCase() === 'unsubscribe') {
      return { ...notice(subscriptions.unsubscribe(target).message), ephemeral: false };
    }
    const query = (match[2] as string).trim();
    const result = subscriptions.subscribe(target, query === '' ? undefined : query, user);
    return { ...notice(result.message), ephemeral: !result.ok };
  }

  async #mayManage(client: webApi.WebClient, channel: string, user: string): Promise<boolean> {
    const { user: info } = await client.users.info({ user });
    if (info?.is_admin || info?.is_owner || info?.is_primary_owner) return true;
    const { channel: conversation } = await client.conversations.info({ channel });
    return conversation?.creator === user || conversation?.is_im === true;
  }
}
