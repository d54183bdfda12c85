import { describe } from 'vitest';
import { shellDriver } from './drivers/shell.js';
import { conversationContract } from './scenarios.js';

describe('the conversation contract on Shell', () => conversationContract(shellDriver));
