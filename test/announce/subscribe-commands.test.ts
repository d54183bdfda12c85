import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../adapters/discord/discord-platform.js';
import { parseAnnounceChannels } from '../../src/announce/channels.js';
import { parseChannel } from '../../src/conversation/channel-id.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { realConversation } from '../support/conversation.js';
import { APP_ID, CHANNEL_ID, FakeDiscord } from '../support/fake-discord.js';
import { memoryLogger } from '../support/memory-logger.js';

describe('/subscribe and /unsubscribe through the real Discord client into the real store', () => {
  let fake: FakeDiscord;
  let platform: DiscordPlatform;
  let store: SqliteStore;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'pubbot-sub-')), 'pubbot.db'));
    const { logger } = memoryLogger();
    const { conversation, reloader } = realConversation(store, { logger });
    platform = new DiscordPlatform({
      token: 'sub-token-abcdefghijklmnopqrstuvw',
      appId: APP_ID,
      apiUrl: fake.apiUrl,
      conversation,
      core: () => reloader.core,
      logger,
    });
    await platform.start();
  });
  afterAll(async () => {
    await platform.stop();
    await fake.close();
    await store.close();
  });

  const content = async (id: string) =>
    ((await fake.callback(id)).body as { data: { content: string; flags?: number } }).data;

  it('GIVEN a manager subscribing with a query THEN it is stored and the reply says what will be announced', async () => {
    const reply = await content(
      fake.command('subscribe', [{ name: 'query', type: 3, value: 'papers by Tianrui Qin' }]),
    );
    expect(reply.content).toBe(
      'Subscribed: new papers by Tianrui Qin will be announced here. Papers already known are not re-posted.',
    );
    expect(await store.subscriptions()).toMatchObject([
      { channel: `discord:${CHANNEL_ID}`, query: 'papers by Tianrui Qin', origin: 'command' },
    ]);
  });

  it('GIVEN a query naming nobody in the corpus THEN it is refused and nothing is stored', async () => {
    const reply = await content(
      fake.command('subscribe', [{ name: 'query', type: 3, value: 'papers by Yuren Zhang' }]),
    );
    expect(reply.flags).toBe(64);
    expect(reply.content).toMatch(/^No author named Yuren Zhang in the corpus; did you mean/u);
    expect(await store.subscriptions()).toHaveLength(1);
  });

  it('GIVEN /unsubscribe THEN the subscription is gone', async () => {
    expect((await content(fake.command('unsubscribe'))).content).toBe(
      'This channel will no longer get announcements.',
    );
    expect(await store.subscriptions()).toEqual([]);
    expect((await content(fake.command('unsubscribe'))).content).toBe(
      'This channel had no subscription.',
    );
  });
});

describe('channel ids and ANNOUNCE_CHANNELS', () => {
  it('GIVEN channel ids THEN platform and id are split, and anything else is rejected', () => {
    expect(parseChannel('discord:123')).toEqual({ platform: 'discord', id: '123' });
    expect(parseChannel('slack:C0ABC')).toEqual({ platform: 'slack', id: 'C0ABC' });
    expect(parseChannel('teams:1')).toBeUndefined();
    expect(parseChannel('discord:')).toBeUndefined();
  });

  it('GIVEN a comma list with optional queries THEN each entry is parsed; a bad one names itself', () => {
    expect(
      parseAnnounceChannels(
        ' shell:local , discord:123=backdoors, slack:C1=papers by Tianrui Qin=x ',
      ),
    ).toEqual([
      { channel: 'shell:local' },
      { channel: 'discord:123', query: 'backdoors' },
      { channel: 'slack:C1', query: 'papers by Tianrui Qin=x' },
    ]);
    expect(parseAnnounceChannels('')).toEqual([]);
    expect(() => parseAnnounceChannels('shell:ok,email:me')).toThrow(
      /ANNOUNCE_CHANNELS: "email:me" is not/u,
    );
  });
});
