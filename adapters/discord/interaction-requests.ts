import {
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteractionData,
  type APIModalSubmitInteraction,
  ApplicationCommandOptionType,
} from 'discord.js';
import type { Request } from '../../src/conversation/request.js';
import { MAX_LATEST } from './commands.js';

/**
 * A slash command, as Discord sends it (over the gateway or HTTP), as a
 * Request: options stay structured (a picked paper's id, a picked person's
 * id, a count), free text stays text.
 */
export function commandRequest(data: APIChatInputApplicationCommandInteractionData): Request {
  const option = (name: string) => data.options?.find((o) => o.name === name);
  const text = (name: string) => {
    const found = option(name);
    return found?.type === ApplicationCommandOptionType.String ? found.value : undefined;
  };
  switch (data.name) {
    case 'ask':
      return { kind: 'question', text: text('question') ?? '' };
    case 'paper':
      return { kind: 'paper', id: text('title') ?? '', view: 'detail' };
    case 'cite':
      return { kind: 'paper', id: text('title') ?? '', view: 'cite' };
    case 'author':
      return { kind: 'person', id: text('name') ?? '' };
    case 'latest': {
      const count = option('count');
      const limit = count?.type === ApplicationCommandOptionType.Integer ? count.value : undefined;
      return {
        kind: 'question',
        text: text('topic') ?? '',
        order: 'newest',
        ...(limit === undefined ? {} : { limit: Math.min(Math.max(1, limit), MAX_LATEST) }),
      };
    }
    case 'subscribe': {
      const query = text('query');
      return { kind: 'subscribe', ...(query ? { query } : {}) };
    }
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
    default:
      // Help for /help, and for a command registered by an older version that this one no longer knows.
      return { kind: 'help' };
  }
}

/** The option being typed in an autocomplete interaction, with what has been typed so far. */
export function focusedOption(
  options: readonly APIApplicationCommandInteractionDataOption[] = [],
): { name: string; text: string } {
  const focused = options.find((o) => 'focused' in o && o.focused);
  return focused && 'value' in focused
    ? { name: focused.name, text: String(focused.value) }
    : { name: '', text: '' };
}

/** A text field of a submitted modal, wherever it sits (inside a label, or an action row). */
export function modalField(interaction: APIModalSubmitInteraction, customId: string): string {
  const queue: unknown[] = [...interaction.data.components];
  while (queue.length > 0) {
    const component = queue.shift() as {
      custom_id?: string;
      value?: string;
      component?: unknown;
      components?: unknown[];
    };
    if (component.custom_id === customId && typeof component.value === 'string')
      return component.value;
    if (component.component) queue.push(component.component);
    queue.push(...(component.components ?? []));
  }
  return '';
}
