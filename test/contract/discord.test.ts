import { describe } from 'vitest';
import { discordDriver } from './drivers/discord.js';
import { conversationContract } from './scenarios.js';

describe('the conversation contract on Discord', () => conversationContract(discordDriver));
