import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import {
  ANNOUNCEMENTS_NOT_SET_UP,
  type SubscriptionCommands,
} from '../../src/announce/subscription-commands.js';
import type { Answer } from '../../src/answer/answer.js';
import type { Core } from '../../src/core.js';
import { PubbotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter } from '../../src/platform/adapter.js';
import { InFlight } from '../../src/platform/in-flight.js';
import { MAX_LATEST } from './commands.js';
import { escapeDiscord, truncate } from './discord-text.js';
import { fitEmbed } from './fit-embed.js';
import { DISCORD_LIMITS } from './limits.js';
import { PageIds } from './page-ids.js';
import { type DiscordMessage, ephemeral, renderAnswer } from './render-message.js';

export interface DiscordAdapterOptions {
  token: string;
  /** REST base (https://discord.com/api); the gateway URL is discovered through it (GET /gateway/bot). */
  apiUrl: string;
  core: () => Core;
  logger: Logger;
  subscriptions?: SubscriptionCommands;
  /** Papers per page in list answers. */
  pageSize?: number;
  /** Called when Discord ends the session for good (bad token, disallowed intents). */
  onFatal?: (error: Error) => void;
}

/** A Discord problem no retry will fix; its message says what to change. */
export class DiscordFatalError extends PubbotError {
  override readonly name = 'DiscordFatalError';

  constructor(message: string) {
    super('PLATFORM_FATAL', message);
  }
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

/** Replies start with a defer when the interaction is already this old on arrival. */
const DEFER_AFTER_MS = 1500;
const READY_TIMEOUT_MS = 30_000;

/**
 * pubbot on Discord: slash commands answered with embeds, autocomplete from
 * the corpus, page buttons. Every message goes out with mentions disabled.
 */
export class DiscordAdapter implements Adapter {
  readonly platform = 'discord';
  readonly client: Client;
  readonly #options: DiscordAdapterOptions;
  readonly #pageIds = new PageIds();
  readonly #inFlight = new InFlight();
  readonly #pageSize: number;
  #stopping = false;

  constructor(options: DiscordAdapterOptions) {
    this.#options = options;
    this.#pageSize = options.pageSize ?? 5;
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest: { api: options.apiUrl },
    });
    this.client.on(Events.InteractionCreate, (interaction) => this.#track(interaction));
    this.client.on(Events.Error, (error) =>
      options.logger.error({ err: error }, 'discord client error'),
    );
    this.client.on(Events.Warn, (message) =>
      options.logger.warn({ message }, 'discord client warning'),
    );
    this.client.on(Events.ShardReconnecting, (shard) =>
      options.logger.info({ shard }, 'discord reconnecting'),
    );
  }

  async start(): Promise<void> {
    const { logger } = this.#options;
    await new Promise<void>((resolve, reject) => {
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
        if (this.client.isReady()) this.#options.onFatal?.(error);
        else settle(error);
      });
      this.client.login(this.#options.token).catch((error: Error & { code?: string }) => {
        settle(
          error.code === 'TokenInvalid'
            ? new DiscordFatalError(
                'Discord rejected DISCORD_TOKEN (401): check the bot token in the Developer Portal',
              )
            : error,
        );
      });
    });
    logger.info(
      { user: this.client.user?.tag, application: this.client.application?.id },
      'discord ready',
    );
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#inFlight.settle();
    await this.client.destroy();
  }

  isReady(): boolean {
    return this.client.isReady() && !this.#stopping;
  }

  #track(interaction: Interaction): void {
    if (this.#stopping) return;
    void this.#inFlight.track(this.#handle(interaction));
  }

  async #handle(interaction: Interaction): Promise<void> {
    const log = this.#options.logger.child({
      interactionId: interaction.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      userId: interaction.user.id,
      ...(interaction.isCommand() || interaction.isAutocomplete()
        ? { command: interaction.commandName }
        : {}),
      ...(interaction.isButton() ? { customId: interaction.customId } : {}),
    });
    try {
      if (interaction.isAutocomplete()) await this.#autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await this.#command(interaction, log);
      else if (interaction.isButton()) await this.#button(interaction);
    } catch (error) {
      log.error({ err: error }, 'discord interaction failed');
      await this.#apologize(interaction, log);
    }
  }

  async #command(interaction: ChatInputCommandInteraction, log: Logger): Promise<void> {
    const options = interaction.options;
    switch (interaction.commandName) {
      case 'ask':
        return this.#answer(interaction, options.getString('question', true));
      case 'paper':
        return this.#answer(
          interaction,
          this.#aboutPaper('what is', options.getString('title', true)),
        );
      case 'cite':
        return this.#answer(
          interaction,
          this.#aboutPaper('cite', options.getString('title', true)),
        );
      case 'latest': {
        const topic = options.getString('topic') ?? '';
        const count = Math.min(options.getInteger('count') ?? this.#pageSize, MAX_LATEST);
        return this.#answer(interaction, `latest ${topic}`.trim(), count);
      }
      case 'author':
        return this.#reply(interaction, () => this.#authorMessage(options.getString('name', true)));
      case 'help':
        return this.#reply(interaction, () => ({
          ...this.#render(this.#ask('help')),
          flags: MessageFlags.Ephemeral,
        }));
      case 'subscribe':
      case 'unsubscribe':
        return this.#reply(interaction, () => this.#subscription(interaction, log));
      default:
        log.warn('unknown command');
        return this.#reply(interaction, () => ephemeral('I do not know that command. Try /help.'));
    }
  }

  /** A paper picked from autocomplete arrives as its id; free text is searched. */
  #aboutPaper(verb: string, value: string): string {
    const known = this.#options.core().library.byId.has(value);
    return known ? `${verb} id:${value}` : `${verb} ${value}`;
  }

  #ask(question: string, limit = this.#pageSize, offset = 0): Answer {
    return this.#options.core().ask(question, { limit, offset });
  }

  #render(answer: Answer, question?: string, limit = this.#pageSize): DiscordMessage {
    const pageable = question !== undefined && ['list', 'count', 'cite'].includes(answer.shape);
    const encode = (offset: number) =>
      this.#pageIds.encode({ question: question ?? '', offset, limit });
    const pages = pageable
      ? {
          previous: answer.offset > 0 ? encode(Math.max(0, answer.offset - limit)) : undefined,
          next:
            answer.offset + answer.papers.length < answer.total
              ? encode(answer.offset + limit)
              : undefined,
        }
      : undefined;
    return renderAnswer(answer, { pageSize: limit, pages });
  }

  #answer(
    interaction: ChatInputCommandInteraction,
    question: string,
    limit = this.#pageSize,
  ): Promise<void> {
    return this.#reply(interaction, () =>
      this.#render(this.#ask(question, limit), question, limit),
    );
  }

  /** A person's papers, newest first, with their top co-authors in a second embed. */
  #authorMessage(name: string): DiscordMessage {
    const question = `author:"${name.replaceAll('"', '')}" newest`;
    const papers = this.#render(this.#ask(question), question);
    const top = (
      this.#ask(`co-authors of author:"${name.replaceAll('"', '')}"`).people ?? []
    ).slice(0, 5);
    const [list] = papers.embeds;
    if (top.length === 0 || !list) return papers;
    const coauthors = {
      title: 'Top co-authors',
      description: top
        .map(
          (p) => `${escapeDiscord(p.name)} — ${p.papers} shared paper${p.papers === 1 ? '' : 's'}`,
        )
        .join('\n'),
      color: list.color,
    };
    // Both embeds share the message's 6000-character budget.
    return { ...papers, embeds: [fitEmbed(list, 4800), fitEmbed(coauthors, 1200)] };
  }

  #subscription(interaction: ChatInputCommandInteraction, log: Logger): DiscordMessage {
    if (!interaction.inGuild())
      return ephemeral('Subscriptions are per server channel; use this in a channel.');
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels)) {
      return ephemeral(
        'You need the Manage Channels permission to change this channel’s announcements.',
      );
    }
    const subscriptions = this.#options.subscriptions;
    if (!subscriptions) return ephemeral(ANNOUNCEMENTS_NOT_SET_UP);
    const channel = `discord:${interaction.channelId}`;
    if (interaction.commandName === 'unsubscribe') {
      const result = subscriptions.unsubscribe(channel);
      log.info({ channel, removed: result.ok }, 'unsubscribe');
      return ephemeral(result.message);
    }
    const result = subscriptions.subscribe(
      channel,
      interaction.options.getString('query') ?? undefined,
      interaction.user.id,
    );
    log.info({ channel, ok: result.ok }, 'subscribe');
    return result.ok
      ? {
          content: truncate(result.message, DISCORD_LIMITS.content),
          embeds: [],
          components: [],
          allowedMentions: { parse: [] },
        }
      : ephemeral(result.message);
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const core = this.#options.core();
    const limit = DISCORD_LIMITS.autocompleteChoices;
    const max = DISCORD_LIMITS.choiceName;
    const text = String(focused.value).slice(0, 200);
    const choices =
      focused.name === 'name'
        ? core.completeAuthors(text, limit).map((author) => ({
            name: truncate(
              `${author.name} (${author.paperIds.length} paper${author.paperIds.length === 1 ? '' : 's'})`,
              max,
            ),
            value: author.name.slice(0, DISCORD_LIMITS.choiceValue),
          }))
        : core.completeTitles(text, limit).map((paper) => ({
            name: truncate(`${paper.title} (${paper.published.slice(0, 4)})`, max),
            value: paper.id,
          }));
    await interaction.respond(choices);
  }

  async #button(interaction: ButtonInteraction): Promise<void> {
    const request = this.#pageIds.decode(interaction.customId);
    if (request === undefined) return;
    if (request === 'expired') {
      await interaction.reply(
        ephemeral('This list has expired; please ask again.') as InteractionReplyOptions,
      );
      return;
    }
    const answer = this.#ask(request.question, request.limit, request.offset);
    const { flags: _ephemeral, ...message } = this.#render(answer, request.question, request.limit);
    await interaction.update(message);
  }

  /** Replies in time: deferred first when the interaction arrived late, so the 3-second window is never missed. */
  async #reply(
    interaction: ChatInputCommandInteraction,
    build: () => DiscordMessage,
  ): Promise<void> {
    if (Date.now() - interaction.createdTimestamp > DEFER_AFTER_MS) {
      await interaction.deferReply();
      const { flags: _ephemeral, ...message } = build();
      await interaction.editReply(message as InteractionEditReplyOptions);
      return;
    }
    await interaction.reply(build() as InteractionReplyOptions);
  }

  async #apologize(interaction: Interaction, log: Logger): Promise<void> {
    if (!interaction.isRepliable()) return;
    const sorry = ephemeral(
      'Something went wrong answering that. It has been logged; please try again.',
    );
    try {
      if (interaction.deferred || interaction.replied)
        await interaction.followUp(sorry as InteractionReplyOptions);
      else await interaction.reply(sorry as InteractionReplyOptions);
    } catch (error) {
      log.warn({ err: error }, 'could not send the apology');
    }
  }
}
