import {
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../src/query/question-text.js';

export const MAX_LATEST = 10;

/** The slash commands pubbot registers; names are what handlers switch on. */
export function slashCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const manageChannels = PermissionFlagsBits.ManageChannels;
  return [
    new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask about the group’s publications in plain words')
      .addStringOption((o) =>
        o
          .setName('question')
          .setDescription(
            'e.g. "papers by Yiren Zhao in 2019", "latest on backdoors", "cite Flareon"',
          )
          .setRequired(true)
          .setMaxLength(MAX_QUESTION_LENGTH),
      ),
    new SlashCommandBuilder()
      .setName('paper')
      .setDescription('One paper in full')
      .addStringOption((o) =>
        o
          .setName('title')
          .setDescription('Start typing a title or method name')
          .setRequired(true)
          .setAutocomplete(true),
      ),
    new SlashCommandBuilder()
      .setName('author')
      .setDescription('A person’s papers, newest first, and their co-authors')
      .addStringOption((o) =>
        o
          .setName('name')
          .setDescription('Start typing a name')
          .setRequired(true)
          .setAutocomplete(true),
      ),
    new SlashCommandBuilder()
      .setName('latest')
      .setDescription('The newest papers, optionally on a topic')
      .addStringOption((o) => o.setName('topic').setDescription('e.g. backdoors').setMaxLength(200))
      .addIntegerOption((o) =>
        o
          .setName('count')
          .setDescription(`How many (1–${MAX_LATEST})`)
          .setMinValue(1)
          .setMaxValue(MAX_LATEST),
      ),
    new SlashCommandBuilder()
      .setName('cite')
      .setDescription('BibTeX for a paper')
      .addStringOption((o) =>
        o
          .setName('title')
          .setDescription('Start typing a title or method name')
          .setRequired(true)
          .setAutocomplete(true),
      ),
    new SlashCommandBuilder().setName('help').setDescription('What pubbot understands'),
    new SlashCommandBuilder()
      .setName('subscribe')
      .setDescription('Announce new papers in this channel')
      .setDefaultMemberPermissions(manageChannels)
      .setContexts(InteractionContextType.Guild)
      .addStringOption((o) =>
        o
          .setName('query')
          .setDescription('Only papers matching this, e.g. "backdoors" or "papers by Tianrui Qin"')
          .setMaxLength(MAX_QUESTION_LENGTH),
      ),
    new SlashCommandBuilder()
      .setName('unsubscribe')
      .setDescription('Stop announcing new papers in this channel')
      .setDefaultMemberPermissions(manageChannels)
      .setContexts(InteractionContextType.Guild),
  ].map((command) => command.toJSON());
}
