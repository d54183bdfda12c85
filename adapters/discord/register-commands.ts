import { REST, Routes } from 'discord.js';
import { slashCommands } from './commands.js';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** Guild commands update at once (good for testing); global ones can take up to an hour. */
  guildId?: string;
  apiUrl: string;
}

/** Replaces the application's slash commands with pubbot's; returns how many were registered. */
export async function registerCommands({
  token,
  appId,
  guildId,
  apiUrl,
}: RegisterOptions): Promise<number> {
  const rest = new REST({ api: apiUrl }).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(appId, guildId)
    : Routes.applicationCommands(appId);
  const registered = (await rest.put(route, { body: slashCommands() })) as unknown[];
  return registered.length;
}
