import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_TTL_MS } from '../../src/conversation/conversation.js';
import { SavedPages } from '../../src/conversation/page-state.js';
import { PAGE_TOKEN_TTL_MS, PageTokens } from '../../src/conversation/page-tokens.js';
import type { Origin } from '../../src/conversation/request.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { realConversation } from '../support/conversation.js';
import { TODAY } from '../support/corpus.js';

const now = new Date(`${TODAY}T12:00:00Z`);
const tempStore = () => join(mkdtempSync(join(tmpdir(), 'pubbot-conversation-')), 'pubbot.db');
const origin = (key: string, tokenLength = 100): Origin => ({
  platform: 'slack',
  channel: 'C1',
  user: 'U1',
  conversation: { key, follows: key },
  surface: { pageSize: 5, tokenLength },
  mayManage: async () => true,
  managers: 'anyone',
});

describe('page tokens', () => {
  const state = { question: { text: 'papers by Xitong Gao' }, today: TODAY, offset: 5, limit: 5 };

  it('GIVEN a short question THEN the token carries it with its day and offset, and reads back without the store', async () => {
    const store = new SqliteStore(':memory:');
    const token = await new PageTokens(new SavedPages(store, () => now)).issue(state, 100);
    expect(token).toBe('p1.2026-11-25.5.5.papers by Xitong Gao');
    const elsewhere = new PageTokens(new SavedPages(new SqliteStore(':memory:'), () => now));
    expect(await elsewhere.read(token)).toEqual(state);
  });

  it('GIVEN a token too long for the control THEN it is kept in the store, the same state under the same key, until it expires', async () => {
    let clock = now;
    const store = new SqliteStore(':memory:');
    const tokens = new PageTokens(new SavedPages(store, () => clock));
    const long = { ...state, question: { text: `papers about ${'very '.repeat(30)}long topics` } };
    const token = await tokens.issue(long, 100);
    expect(token).toMatch(/^p1@[\w-]{16}$/u);
    expect(await tokens.issue(long, 100)).toBe(token);
    expect(await tokens.read(token)).toEqual(long);
    clock = new Date(now.getTime() + PAGE_TOKEN_TTL_MS);
    expect(await tokens.read(token)).toBe('expired');
  });

  it('GIVEN a forged or foreign token THEN not a page', async () => {
    const tokens = new PageTokens(new SavedPages(new SqliteStore(':memory:'), () => now));
    expect(await tokens.read('p1.yesterday.5.5.x')).toBeUndefined();
    expect(await tokens.read('p1.2026-11-25.5.0.x')).toBeUndefined();
    expect(await tokens.read(`p1.2026-11-25.0.5.${'x'.repeat(600)}`)).toBeUndefined();
    expect(await tokens.read('refine:discord:1')).toBeUndefined();
  });
});

describe('follow-ups kept in the store', () => {
  it('GIVEN a question answered by one process THEN another on the same store, after a restart, refines it', async () => {
    const path = tempStore();
    const start = () => realConversation(new SqliteStore(path), { clock: () => now }).conversation;
    await start().handle(
      { kind: 'question', text: 'papers by Tianrui Qin' },
      origin('slack:C1:1.0'),
    );
    const reply = await start().handle(
      { kind: 'refine', text: 'and in 2025?' },
      origin('slack:C1:1.0'),
    );
    expect(reply.title).toBe('2 papers by Tianrui Qin in 2025, newest first');
  });

  it('GIVEN a follow-up a day later THEN the context has expired and it stands alone', async () => {
    let clock = now;
    const { conversation } = realConversation(new SqliteStore(':memory:'), { clock: () => clock });
    await conversation.handle({ kind: 'question', text: 'papers by Tianrui Qin' }, origin('k'));
    clock = new Date(now.getTime() + FOLLOW_UP_TTL_MS);
    const reply = await conversation.handle({ kind: 'refine', text: 'and in 2025?' }, origin('k'));
    expect(reply.title).toMatch(/^\d+ papers in 2025, newest first$/u);
  });

  it('GIVEN a platform option beside the text THEN it is applied to what was read, not written into the words', async () => {
    const { conversation } = realConversation(new SqliteStore(':memory:'), { clock: () => now });
    const latest = await conversation.handle(
      { kind: 'question', text: 'backdoors', order: 'newest', limit: 2 },
      origin('latest'),
    );
    expect(latest.papers?.map((line) => line.title.slice(0, 12))).toEqual([
      'Poison Once,',
      'Lie Detector',
    ]);
    const all = await conversation.handle(
      { kind: 'question', text: '', order: 'newest' },
      origin('all'),
    );
    expect(all.title).toBe('25 papers, newest first');
  });
});
