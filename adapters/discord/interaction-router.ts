import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageComponentInteraction,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  type RawFile,
  type REST,
  Routes,
  SnowflakeUtil,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Conversation } from '../../src/conversation/conversation.js';
import type { Origin, Request } from '../../src/conversation/request.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/logger.js';
import { MAX_QUESTION_LENGTH } from '../../src/query/question-text.js';
import { refinedConversation, refineId } from './custom-ids.js';
import { truncate } from './discord-text.js';
import { commandRequest, focusedOption, modalField } from './interaction-requests.js';
import { DISCORD_LIMITS } from './limits.js';
import { messagePayload } from './message-payload.js';
import { type DiscordMessage, renderReply } from './render-message.js';

/**
 * How an interaction's first response leaves: a REST callback for gateway
 * interactions, the HTTP answer itself for HTTP interactions.
 */
export interface InteractionResponder {
  /** An HTTP answer cannot carry files: an answer with a chart is deferred and edited in. */
  readonly carriesFiles: boolean;
  respond(response: APIInteractionResponse, files?: RawFile[]): Promise<void>;
}

export interface InteractionRouterOptions {
  conversation: Pick<Conversation, 'handle'>;
  /** The current core, for autocomplete (choices are not replies). */
  core: () => Core;
  /** Edits a deferred response through the interaction's webhook (no bot token needed). */
  rest: REST;
  logger: Logger;
  /** Papers per page in list answers. */
  pageSize?: number;
}

/**
 * Discord requires the first response within 3 s of the interaction; an
 * answer not ready by this long after it is deferred, then edited in.
 */
const ANSWER_WITHIN_MS = 2000;
const REFINE_FIELD = 'follow-up';
const MANAGERS = 'members with the Manage Channels permission';
const MAY_MANAGE = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.Administrator;

/**
 * Every Discord interaction, however it arrived (gateway or HTTP), answered
 * the same way: slash commands through the conversation, autocomplete from
 * the core, page buttons updating their message, and a Refine button whose
 * modal continues the answer it sits under. Works on the API's own payloads,
 * so both transports share it; only how the first response leaves differs.
 *
 * @example
 * ```ts
 * const router = new InteractionRouter({ conversation, core, rest, logger });
 * await router.route(interaction, {
 *   carriesFiles: true,
 *   respond: (body, files) => rest.post(Routes.interactionCallback(id, token), { body, files, auth: false }),
 * });
 * ```
 */
export class InteractionRouter {
  readonly #o: InteractionRouterOptions;

  constructor(options: InteractionRouterOptions) {
    this.#o = options;
  }

  /** Answers one interaction; never throws (a reply Discord refuses is logged). */
  async route(interaction: APIInteraction, responder: InteractionResponder): Promise<void> {
    try {
      await this.#route(interaction, responder);
    } catch (error) {
      // The conversation never throws; this is Discord refusing what was sent.
      this.#o.logger.error(
        { err: error, requestId: interaction.id, channel: interaction.channel?.id },
        'discord reply not delivered',
      );
    }
  }

  async #route(interaction: APIInteraction, responder: InteractionResponder): Promise<void> {
    switch (interaction.type) {
      case InteractionType.ApplicationCommandAutocomplete:
        return responder.respond(this.#choices(interaction));
      case InteractionType.ApplicationCommand:
        if (interaction.data.type !== ApplicationCommandType.ChatInput) return;
        return this.#answer(interaction, commandRequest(interaction.data), responder);
      case InteractionType.MessageComponent:
        return this.#button(interaction, responder);
      case InteractionType.ModalSubmit: {
        const text = modalField(interaction, REFINE_FIELD);
        const follows = refinedConversation(interaction.data.custom_id);
        return this.#answer(interaction, { kind: 'refine', text }, responder, follows);
      }
    }
  }

  /**
   * Each answer is a conversation of its own, kept under the interaction
   * that produced it; its Refine button names it, so refining an older
   * answer refines that one.
   */
  #origin(interaction: APIInteraction, follows?: string): Origin {
    const member = interaction.member;
    return {
      platform: 'discord',
      channel: interaction.channel?.id ?? '',
      user: (member?.user ?? interaction.user)?.id ?? '',
      requestId: interaction.id,
      conversation: { key: `discord:${interaction.id}`, ...(follows ? { follows } : {}) },
      surface: {
        pageSize: this.#o.pageSize ?? 5,
        tokenLength: DISCORD_LIMITS.customId,
        images: true,
      },
      mayManage: async () =>
        interaction.guild_id !== undefined &&
        member !== undefined &&
        (BigInt(member.permissions) & MAY_MANAGE) !== 0n,
      managers: MANAGERS,
    };
  }

  async #reply(request: Request, origin: Origin): Promise<DiscordMessage> {
    return renderReply(await this.#o.conversation.handle(request, origin));
  }

  async #answer(
    interaction: APIInteraction,
    request: Request,
    responder: InteractionResponder,
    follows?: string,
  ): Promise<void> {
    const reply = this.#reply(request, this.#origin(interaction, follows));
    const message = await inTime(reply, deadlineOf(interaction));
    if (message && (responder.carriesFiles || !message.files)) {
      const { data, files } = messagePayload(message);
      return responder.respond(
        { type: InteractionResponseType.ChannelMessageWithSource, data },
        files,
      );
    }
    await responder.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    await this.#editOriginal(interaction, await reply);
  }

  async #button(
    interaction: APIMessageComponentInteraction,
    responder: InteractionResponder,
  ): Promise<void> {
    if (interaction.data.component_type !== ComponentType.Button) return;
    const customId = interaction.data.custom_id;
    const conversation = refinedConversation(customId);
    if (conversation) {
      return responder.respond({
        type: InteractionResponseType.Modal,
        data: refineModal(conversation),
      });
    }
    // A disabled button cannot be pressed; if one is, acknowledge it and change nothing.
    if (customId.startsWith('disabled:'))
      return responder.respond({ type: InteractionResponseType.DeferredMessageUpdate });
    const reply = this.#reply({ kind: 'page', token: customId }, this.#origin(interaction));
    const message = await inTime(reply, deadlineOf(interaction));
    if (message && (responder.carriesFiles || !message.files)) {
      const { data, files } = messagePayload(message);
      // An expired page is said to the presser alone; a page replaces the message everyone sees.
      const type = message.flags
        ? InteractionResponseType.ChannelMessageWithSource
        : InteractionResponseType.UpdateMessage;
      return responder.respond({ type, data }, files);
    }
    await responder.respond({ type: InteractionResponseType.DeferredMessageUpdate });
    const late = await reply;
    if (late.flags) await this.#followUp(interaction, late);
    else await this.#editOriginal(interaction, late);
  }

  #choices(interaction: APIApplicationCommandAutocompleteInteraction): APIInteractionResponse {
    const focused = focusedOption(interaction.data.options);
    const core = this.#o.core();
    const limit = DISCORD_LIMITS.autocompleteChoices;
    const max = DISCORD_LIMITS.choiceName;
    const text = focused.text.slice(0, 200);
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
    return {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    };
  }

  /** Replaces the deferred response; "only you" cannot be added after the fact, so flags go. */
  async #editOriginal(interaction: APIInteraction, message: DiscordMessage): Promise<void> {
    const { data, files } = messagePayload(message);
    const { flags: _onlyOnFirstResponse, ...body } = data;
    await this.#o.rest.patch(
      Routes.webhookMessage(interaction.application_id, interaction.token, '@original'),
      { body, files, auth: false },
    );
  }

  /** A message of its own after a deferred update, for what only the presser should see. */
  async #followUp(interaction: APIInteraction, message: DiscordMessage): Promise<void> {
    const { data, files } = messagePayload(message);
    await this.#o.rest.post(Routes.webhook(interaction.application_id, interaction.token), {
      body: { ...data, flags: MessageFlags.Ephemeral },
      files,
      auth: false,
    });
  }
}

/** The Refine box: one short text field for the follow-up. */
function refineModal(conversation: string) {
  return new ModalBuilder()
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
    )
    .toJSON();
}

/**
 * When the first response must be on its way: counted from when Discord
 * created the interaction or when it arrived, whichever is earlier, so a
 * clock running behind Discord's does not make the bot late.
 */
function deadlineOf(interaction: APIInteraction): number {
  return Math.min(Date.now(), SnowflakeUtil.timestampFrom(interaction.id)) + ANSWER_WITHIN_MS;
}

/** The value if it settles by `deadline`, undefined if not (at once when the deadline has passed). */
async function inTime<T>(work: Promise<T>, deadline: number): Promise<T | undefined> {
  if (Date.now() >= deadline) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
