import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RepliableInteraction,
  Routes,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type {
  ChatPlatform,
  PostOptions,
  PostOutcome,
} from '../../src/conversation/chat-platform.js';
import type { Conversation } from '../../src/conversation/conversation.js';
import type { Reply } from '../../src/conversation/reply.js';
import type { Origin, Request } from '../../src/conversation/request.js';
import type { Core } from '../../src/core.js';
import { PubbotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { MAX_QUESTION_LENGTH } from '../../src/query/question-text.js';
import { InFlight } from '../in-flight.js';
import { refinedConversation, refineId } from './custom-ids.js';
import { truncate } from './discord-text.js';
import { commandRequest } from './interaction-requests.js';
import { DISCORD_LIMITS } from './limits.js';
import { discordPostFailure } from './post-failure.js';
import { renderReply } from './render-message.js';

export interface DiscordPlatformOptions {
  token: string;
  /** REST base (https://discord.com/api); the gateway URL is discovered through it (GET /gateway/bot). */
  apiUrl: string;
  conversation: Pick<Conversation, 'handle'>;
  /** The current core, for autocomplete (choices are not replies). */
  core: () => Core;
  logger: Logger;
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
const REFINE_FIELD = 'follow-up';
const MANAGERS = 'members with the Manage Channels permission';

/**
 * pubbot on Discord: slash commands answered with embeds, autocomplete from
 * the corpus, page buttons, and a Refine button that opens a modal for a
 * follow-up (no privileged intents needed). Interactions become Requests,
 * Replies become messages; channel posts go over REST, so `post` works
 * without a gateway session.
 */
export class DiscordPlatform implements ChatPlatform {
  readonly name = 'discord';
  readonly client: Client;
  readonly #o: DiscordPlatformOptions;
  readonly #inFlight = new InFlight();
  #stopping = false;

  constructor(options: DiscordPlatformOptions) {
    this.#o = options;
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest: { api: options.apiUrl },
    });
    // Posting goes over REST alone; login would set the token too, but a one-off post never logs in.
    this.client.rest.setToken(options.token);
    const { logger } = options;
    this.client.on(Events.InteractionCreate, (interaction) => this.#track(interaction));
    this.client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    this.client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
    this.client.on(Events.ShardReconnecting, (shard) =>
      logger.info({ shard }, 'discord reconnecting'),
    );
  }

  async start(): Promise<void> {
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
        if (this.client.isReady()) this.#o.onFatal?.(error);
        else settle(error);
      });
      this.client.login(this.#o.token).catch((error: Error & { code?: string }) => {
        settle(
          error.code === 'TokenInvalid'
            ? new DiscordFatalError(
                'Discord rejected DISCORD_TOKEN (401): check the bot token in the Developer Portal',
              )
            : error,
        );
      });
    });
    this.#o.logger.info(
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

  /**
   * Posts to a channel over REST with mentions off. The key goes out as
   * `nonce` with `enforce_nonce`, so a retry within Discord's nonce window
   * returns the earlier message instead of posting twice.
   */
  async post(channel: string, reply: Reply, options: PostOptions = {}): Promise<PostOutcome> {
    const message = renderReply(reply);
    try {
      const sent = (await this.client.rest.post(Routes.channelMessages(channel), {
        body: {
          ...(message.content ? { content: message.content } : {}),
          embeds: message.embeds,
          components: message.components,
          allowed_mentions: message.allowedMentions,
          ...(options.idempotencyKey ? { nonce: options.idempotencyKey, enforce_nonce: true } : {}),
        },
        ...(message.files
          ? { files: message.files.map((file) => ({ name: file.name, data: file.attachment })) }
          : {}),
      })) as { id?: string };
      return { ok: true, ...(sent.id ? { messageId: sent.id } : {}) };
    } catch (error) {
      return { ok: false, ...discordPostFailure(error) };
    }
  }

  #track(interaction: Interaction): void {
    if (this.#stopping) return;
    void this.#inFlight.track(this.#handle(interaction));
  }

  async #handle(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) await this.#autocomplete(interaction);
      else if (interaction.isChatInputCommand())
        await this.#answer(interaction, commandRequest(interaction));
      else if (interaction.isButton()) await this.#button(interaction);
      else if (interaction.isModalSubmit()) await this.#refine(interaction);
    } catch (error) {
      // The conversation never throws; this is Discord refusing what was sent.
      this.#o.logger.error(
        { err: error, requestId: interaction.id, channel: interaction.channelId },
        'discord reply not delivered',
      );
    }
  }

  /**
   * Each answer is a conversation of its own, kept under the interaction
   * that produced it; its Refine button names it, so refining an older
   * answer refines that one.
   */
  #origin(interaction: RepliableInteraction, follows?: string): Origin {
    return {
      platform: 'discord',
      channel: interaction.channelId ?? '',
      user: interaction.user.id,
      requestId: interaction.id,
      conversation: { key: `discord:${interaction.id}`, ...(follows ? { follows } : {}) },
      surface: {
        pageSize: this.#o.pageSize ?? 5,
        tokenLength: DISCORD_LIMITS.customId,
        images: true,
      },
      mayManage: async () =>
        interaction.inGuild() &&
        interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels),
      managers: MANAGERS,
    };
  }

  async #answer(
    interaction: RepliableInteraction,
    request: Request,
    follows?: string,
  ): Promise<void> {
    const late = Date.now() - interaction.createdTimestamp > DEFER_AFTER_MS;
    // Answer within the 3-second window: defer first when the interaction arrived late.
    if (late) await interaction.deferReply();
    const reply = await this.#o.conversation.handle(request, this.#origin(interaction, follows));
    const message = renderReply(reply);
    if (late) {
      const { flags: _ephemeralOnlyOnFirstResponse, ...edit } = message;
      await interaction.editReply(edit as InteractionEditReplyOptions);
    } else {
      await interaction.reply(message as InteractionReplyOptions);
    }
  }

  async #button(interaction: ButtonInteraction): Promise<void> {
    const conversation = refinedConversation(interaction.customId);
    if (conversation) {
      const modal = new ModalBuilder()
        .setCustomId(refineId(conversation))
        .setTitle('Refine this answer')
        .setLabelComponents(
          new LabelBuilder()
            .setLabel('Follow-up')
            .setDescription('e.g. “and in 2025?”, “only with code”, “older ones”, “more”')
            .setTextInputComponent(
              new TextInputBuilder()
                .setCustomId(REFINE_FIELD)
                .setStyle(TextInputStyle.Short)
                .setMaxLength(MAX_QUESTION_LENGTH)
                .setRequired(true),
            ),
        );
      await interaction.showModal(modal);
      return;
    }
    if (interaction.customId.startsWith('disabled:')) return;
    const reply = await this.#o.conversation.handle(
      { kind: 'page', token: interaction.customId },
      this.#origin(interaction),
    );
    const { flags, ...message } = renderReply(reply);
    // An expired page is said to the presser alone; a page replaces the message everyone sees.
    if (flags) await interaction.reply({ ...message, flags } as InteractionReplyOptions);
    else await interaction.update(message);
  }

  async #refine(interaction: ModalSubmitInteraction): Promise<void> {
    const follows = refinedConversation(interaction.customId);
    const text = interaction.fields.getTextInputValue(REFINE_FIELD);
    await this.#answer(interaction, { kind: 'refine', text }, follows);
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const core = this.#o.core();
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
            value: author.id.slice(0, DISCORD_LIMITS.choiceValue),
          }))
        : core.completeTitles(text, limit).map((paper) => ({
            name: truncate(`${paper.title} (${paper.published.slice(0, 4)})`, max),
            value: paper.id.slice(0, DISCORD_LIMITS.choiceValue),
          }));
    await interaction.respond(choices);
  }
}
