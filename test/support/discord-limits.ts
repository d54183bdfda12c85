import type { APIEmbed } from 'discord.js';

/**
 * Checks a message body against Discord's documented limits, independently
 * of the builders under test. Returns the violations (empty when legal).
 */
export function discordViolations(message: {
  content?: string;
  embeds?: APIEmbed[];
  components?: ReadonlyArray<{
    components: ReadonlyArray<{ label?: string; custom_id?: string } | object>;
  }>;
}): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} > ${max}`);
  };
  over('content', message.content?.length ?? 0, 2000);
  const embeds = message.embeds ?? [];
  over('embeds', embeds.length, 10);
  let total = 0;
  embeds.forEach((embed, i) => {
    const fields = embed.fields ?? [];
    over(`embed ${i} title`, embed.title?.length ?? 0, 256);
    over(`embed ${i} description`, embed.description?.length ?? 0, 4096);
    over(`embed ${i} footer`, embed.footer?.text?.length ?? 0, 2048);
    over(`embed ${i} fields`, fields.length, 25);
    for (const field of fields) {
      over(`embed ${i} field name`, field.name.length, 256);
      over(`embed ${i} field value`, field.value.length, 1024);
      if (field.value.length === 0) problems.push(`embed ${i} has an empty field value`);
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text?.length ?? 0) +
      (embed.author?.name?.length ?? 0) +
      fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  });
  over('all embeds', total, 6000);
  for (const row of message.components ?? []) {
    over('buttons in a row', row.components.length, 5);
    for (const button of row.components as Array<{ label?: string; custom_id?: string }>) {
      over('button label', button.label?.length ?? 0, 80);
      over('custom_id', button.custom_id?.length ?? 0, 100);
    }
  }
  return problems;
}
