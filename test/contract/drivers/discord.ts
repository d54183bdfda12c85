import type { APIEmbed } from 'discord.js';
import { DiscordPlatform } from '../../../adapters/discord/discord-platform.js';
import { discordViolations } from '../../support/discord-limits.js';
import { APP_ID, CHANNEL_ID, FakeDiscord, MANAGE_CHANNELS } from '../../support/fake-discord.js';
import type { Driver, Seen } from '../driver.js';
import type { World } from '../world.js';

interface Button {
  label?: string;
  custom_id?: string;
  disabled?: boolean;
}
interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components: Button[] }>;
  flags?: number;
  allowed_mentions?: { parse: string[] };
}

/** Markdown links `[text](url)` and escapes undone, links collected. */
function readMarkdown(markdown: string, links: Seen['links']): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/gu, (_all, text: string, url: string) => {
      links.push({ text: plainText(text), url });
      return text;
    })
    .replace(/\*\*/gu, '')
    .replace(/^```\w*\n?|```$/gmu, '')
    .replace(/\\(.)/gu, '$1')
    .replace(/\u200b/gu, '');
}
const plainText = (text: string) => text.replace(/\*\*/gu, '').replace(/\\(.)/gu, '$1');

function seen(data: MessageData): Seen {
  const links: Seen['links'] = [];
  const parts = [readMarkdown(data.content ?? '', links)];
  for (const embed of data.embeds ?? []) {
    if (embed.author?.name) parts.push(embed.author.name);
    if (embed.title) {
      parts.push(plainText(embed.title));
      if (embed.url) links.push({ text: plainText(embed.title), url: embed.url });
    }
    if (embed.description) parts.push(readMarkdown(embed.description, links));
    for (const field of embed.fields ?? [])
      parts.push(`${field.name}: ${readMarkdown(field.value, links)}`);
    if (embed.footer) parts.push(embed.footer.text);
  }
  const buttons = (data.components ?? []).flatMap((row) => row.components);
  return {
    text: parts.filter(Boolean).join('\n'),
    links,
    private: ((data.flags ?? 0) & 64) !== 0,
    hasNext: buttons.some((b) => b.label === 'Next ▶' && !b.disabled),
    raw: data,
    handle: buttons,
  };
}

/** Discord through the real discord.js client, logged in to the local fake gateway. */
export function discordDriver(): Driver {
  let fake: FakeDiscord;
  let platform: DiscordPlatform;
  const reply = async (interactionId: string) =>
    (await fake.callback(interactionId)).body as { type: number; data: MessageData };
  const command = async (
    name: string,
    options: Array<{ name: string; type: number; value: unknown }>,
    permissions?: bigint,
  ) =>
    seen(
      (await reply(fake.command(name, options, permissions === undefined ? {} : { permissions })))
        .data,
    );
  const press = (after: Seen, label: string) => {
    const button = (after.handle as Button[]).find((b) => b.label === label && !b.disabled);
    if (!button?.custom_id) throw new Error(`no ${label} button on this reply`);
    return fake.button(button.custom_id, fake.message(after.raw as Record<string, unknown>));
  };
  return {
    name: 'discord',
    canBePrivate: true,
    channel: `discord:${CHANNEL_ID}`,
    async start(world: World) {
      fake = await FakeDiscord.start();
      platform = new DiscordPlatform({
        token: 'contract-token-abcdefghijklmnopqrstuvwxyz',
        appId: APP_ID,
        apiUrl: fake.apiUrl,
        conversation: world.conversation,
        core: () => world.core,
        logger: world.log.logger,
      });
      await platform.start();
    },
    async stop() {
      await platform.stop();
      await fake.close();
    },
    ask: (text) => command('ask', [{ name: 'question', type: 3, value: text }]),
    paper: (paper, view) =>
      command(view === 'detail' ? 'paper' : 'cite', [{ name: 'title', type: 3, value: paper.id }]),
    async next(after) {
      const pressed = await reply(press(after, 'Next ▶'));
      if (pressed.type !== 7) throw new Error(`Next answered with type ${pressed.type}`);
      return seen(pressed.data);
    },
    async followUp(after, text) {
      const modal = await reply(press(after, 'Refine'));
      const form = modal.data as unknown as {
        custom_id: string;
        components: Array<{ component: { custom_id: string } }>;
      };
      if (modal.type !== 9) throw new Error(`Refine answered with type ${modal.type}`);
      const field = form.components[0]?.component.custom_id as string;
      return seen((await reply(fake.modalSubmit(form.custom_id, { [field]: text }))).data);
    },
    subscribe: (query, asManager) =>
      command(
        'subscribe',
        query === undefined ? [] : [{ name: 'query', type: 3, value: query }],
        asManager ? MANAGE_CHANNELS : 0n,
      ),
    unsubscribe: (asManager) => command('unsubscribe', [], asManager ? MANAGE_CHANNELS : 0n),
    violations: (s) => discordViolations(s.raw as MessageData),
    hazards(s) {
      const data = s.raw as MessageData;
      const found: string[] = [];
      if (JSON.stringify(data.allowed_mentions) !== '{"parse":[]}') found.push('mentions allowed');
      const payload = JSON.stringify({ content: data.content, embeds: data.embeds });
      for (const match of payload.match(
        /@everyone|@here|<@[&!]?\d|<#\d|(?<!\\)\]\(https:\/\/evil/gu,
      ) ?? [])
        found.push(match);
      return found;
    },
  };
}
