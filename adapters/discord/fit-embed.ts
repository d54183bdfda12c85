import type { APIEmbed } from 'discord.js';
import { truncate } from './discord-text.js';
import { DISCORD_LIMITS as L } from './limits.js';

/** Characters Discord counts toward the 6000 total of a message's embeds. */
function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Makes an embed legal: each part within its own limit, at most 25 fields,
 * and the whole within `budget` (the message's 6000 by default), shortening
 * the description first because it is the longest and least essential part.
 */
export function fitEmbed(embed: APIEmbed, budget: number = L.embedsTotal): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    ...(embed.title ? { title: truncate(embed.title, L.embedTitle) } : {}),
    ...(embed.description ? { description: truncate(embed.description, L.embedDescription) } : {}),
    ...(embed.footer
      ? { footer: { ...embed.footer, text: truncate(embed.footer.text, L.footerText) } }
      : {}),
    ...(embed.fields
      ? {
          fields: embed.fields.slice(0, L.fieldsPerEmbed).map((field) => ({
            ...field,
            name: truncate(field.name, L.fieldName),
            value: truncate(field.value, L.fieldValue),
          })),
        }
      : {}),
  };
  const excess = embedLength(fitted) - budget;
  if (excess > 0 && fitted.description) {
    fitted.description = truncate(
      fitted.description,
      Math.max(1, fitted.description.length - excess),
    );
  }
  while (embedLength(fitted) > budget && fitted.fields && fitted.fields.length > 0)
    fitted.fields.pop();
  return fitted;
}
