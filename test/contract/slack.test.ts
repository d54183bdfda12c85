import { describe } from 'vitest';
import { slackDriver } from './drivers/slack.js';
import { conversationContract } from './scenarios.js';

describe('the conversation contract on Slack', () => conversationContract(slackDriver));
