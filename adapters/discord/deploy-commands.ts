import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { runCli } from '../../src/run-cli.js';
import { registerCommands } from './register-commands.js';

/** `npm run discord:deploy-commands`: registers the slash commands, guild-scoped when DISCORD_GUILD_ID is set. */
runCli(async () => {
  const { discord } = loadConfig();
  if (!discord)
    throw new ConfigError('DISCORD_TOKEN and DISCORD_APP_ID must be set to deploy commands');
  const count = await registerCommands(discord);
  const scope = discord.guildId
    ? `guild ${discord.guildId}`
    : 'all guilds (global commands may take up to an hour to appear)';
  process.stdout.write(`Registered ${count} commands for ${scope}.\n`);
  return 0;
});
