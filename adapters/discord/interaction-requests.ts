import type { ChatInputCommandInteraction } from 'discord.js';
import type { Request } from '../../src/conversation/request.js';
import { MAX_LATEST } from './commands.js';

/**
 * A slash command as a Request: options stay structured (a picked paper's
 * id, a picked person's id, a count), free text stays text.
 */
export function commandRequest(interaction: ChatInputCommandInteraction): Request {
  const options = interaction.options;
  switch (interaction.commandName) {
    case 'ask':
      return { kind: 'question', text: options.getString('question', true) };
    case 'paper':
      return { kind: 'paper', id: options.getString('title', true), view: 'detail' };
    case 'cite':
      return { kind: 'paper', id: options.getString('title', true), view: 'cite' };
    case 'author':
      return { kind: 'person', id: options.getString('name', true) };
    case 'latest': {
      const count = options.getInteger('count');
      return {
        kind: 'question',
        text: options.getString('topic') ?? '',
        order: 'newest',
        ...(count === null ? {} : { limit: Math.min(Math.max(1, count), MAX_LATEST) }),
      };
    }
    case 'subscribe': {
      const query = options.getString('query');
      return { kind: 'subscribe', ...(query ? { query } : {}) };
    }
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
    default:
      // Help for /help, and for a command registered by an older version that this one no longer knows.
      return { kind: 'help' };
  }
}
