import { REST } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { runCli } from '../../src/run-cli.js';
import { withTokenNamed } from './discord-errors.js';
import { syncCommands } from './register-commands.js';

/**
 * `npm run discord:deploy-commands` (in the image: `node dist/adapters/discord/deploy-commands.js`):
 * makes the slash commands pubbot's, guild-scoped when DISCORD_GUILD_ID is
 * set, for CI; the bot does the same at every start.
 */
runCli(async () => {
  const { discord } = loadConfig();
  if (!discord)
    throw new ConfigError('DISCORD_TOKEN and DISCORD_APP_ID must be set to deploy commands');
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  const { changed, count } = await syncCommands(rest, discord).catch((error: unknown) => {
    throw withTokenNamed(error);
  });
  const scope = discord.guildId
    ? `guild ${discord.guildId}`
    : 'all guilds (global commands may take up to an hour to appear)';
  process.stdout.write(
    changed
      ? `Registered ${count} commands for ${scope}.\n`
      : `The ${count} commands for ${scope} were already up to date.\n`,
  );
  return 0;
});
