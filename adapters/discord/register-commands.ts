import {
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type REST,
  Routes,
} from 'discord.js';
import { slashCommands } from './commands.js';

export interface CommandScope {
  appId: string;
  /** Guild commands update at once (good for testing); global ones can take up to an hour. */
  guildId?: string;
}

export interface CommandSync {
  /** True when Discord had something else and the commands were replaced. */
  changed: boolean;
  count: number;
}

/**
 * Makes the application's slash commands pubbot's: reads what Discord has
 * and replaces it only when it differs, so a restart neither rewrites
 * identical commands nor lets an older version's linger. The bot does this
 * at every start; `npm run discord:deploy-commands` does it from CI.
 *
 * @example
 * ```ts
 * const rest = new REST({ api: 'https://discord.com/api' }).setToken(token);
 * const { changed, count } = await syncCommands(rest, { appId });
 * ```
 */
export async function syncCommands(
  rest: REST,
  { appId, guildId }: CommandScope,
): Promise<CommandSync> {
  const route = guildId
    ? Routes.applicationGuildCommands(appId, guildId)
    : Routes.applicationCommands(appId);
  const wanted = slashCommands();
  const registered = (await rest.get(route)) as APIApplicationCommand[];
  if (comparable(registered) === comparable(wanted))
    return { changed: false, count: registered.length };
  const replaced = (await rest.put(route, { body: wanted })) as unknown[];
  return { changed: true, count: replaced.length };
}

/** A command as sent (builders' JSON) or as Discord returns it. */
interface CommandLike {
  name: string;
  description: string;
  type?: number;
  default_member_permissions?: string | null;
  contexts?: readonly number[] | null;
  nsfw?: boolean;
  options?: readonly APIApplicationCommandOption[];
}

/**
 * What pubbot sets, with Discord's defaults filled in and everything else
 * (ids, versions, localizations) left out, so what Discord returns and what
 * pubbot sends compare equal exactly when they mean the same commands.
 */
function comparable(commands: readonly CommandLike[]): string {
  const option = (o: APIApplicationCommandOption): unknown => {
    const any = o as Partial<Record<string, unknown>> & APIApplicationCommandOption;
    return {
      type: o.type,
      name: o.name,
      description: o.description,
      required: any.required ?? false,
      autocomplete: any.autocomplete ?? false,
      min_value: any.min_value ?? null,
      max_value: any.max_value ?? null,
      min_length: any.min_length ?? null,
      max_length: any.max_length ?? null,
      choices: any.choices ?? null,
      options: ((any.options as APIApplicationCommandOption[] | undefined) ?? []).map(option),
    };
  };
  const command = (c: CommandLike) => ({
    name: c.name,
    description: c.description,
    type: c.type ?? 1,
    default_member_permissions: c.default_member_permissions ?? null,
    contexts: c.contexts ?? null,
    nsfw: c.nsfw ?? false,
    options: (c.options ?? []).map(option),
  });
  return JSON.stringify(
    commands.map(command).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  );
}
