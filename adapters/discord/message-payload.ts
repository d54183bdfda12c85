import type { APIInteractionResponseCallbackData, RawFile } from 'discord.js';
import type { DiscordMessage } from './render-message.js';

/** A rendered message as the API takes it: the JSON body and the files sent beside it. */
export interface MessagePayload {
  data: APIInteractionResponseCallbackData;
  files: RawFile[];
}

/**
 * The API's shape of a rendered message, for channel posts, interaction
 * responses and edits alike: snake_case mentions, and each file declared as
 * an attachment (with its description, the alt text) matching `files[n]`.
 */
export function messagePayload(message: DiscordMessage): MessagePayload {
  const files = message.files ?? [];
  return {
    data: {
      ...(message.content ? { content: message.content } : {}),
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: message.allowedMentions,
      ...(message.flags ? { flags: message.flags } : {}),
      ...(files.length > 0
        ? {
            attachments: files.map((file, id) => ({
              id: String(id),
              filename: file.name,
              description: file.description,
            })),
          }
        : {}),
    },
    files: files.map((file) => ({ name: file.name, data: file.attachment })),
  };
}
