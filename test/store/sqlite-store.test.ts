import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'pubbot-store-')), 'nested', 'pubbot.db');
const AT = '2026-11-25T09:00:00.000Z';

describe('SqliteStore on a real file', () => {
  it('GIVEN a new path THEN the folder is created, WAL is on and migrations are applied once', () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    expect(store.version).toBe(MIGRATIONS.length);
    store.close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = new SqliteStore(path);
    expect(again.version).toBe(MIGRATIONS.length);
    again.close();
  });

  it('GIVEN subscriptions THEN they can be saved, replaced, removed, and config ones synced without resetting their start', () => {
    const store = new SqliteStore(tempDb());
    store.saveSubscription({
      channel: 'discord:1',
      query: 'backdoors',
      createdBy: 'u1',
      createdAt: AT,
      origin: 'command',
    });
    store.replaceConfigSubscriptions(
      [{ channel: 'shell:local' }, { channel: 'slack:C1', query: 'cs.CV' }],
      AT,
    );
    store.replaceConfigSubscriptions([{ channel: 'shell:local' }], '2027-01-01T00:00:00.000Z');
    expect(
      store.subscriptions().map((s) => [s.channel, s.query ?? null, s.origin, s.createdAt]),
    ).toEqual([
      ['discord:1', 'backdoors', 'command', AT],
      ['shell:local', null, 'config', AT],
    ]);
    expect(store.removeSubscription('discord:1')).toBe(true);
    expect(store.removeSubscription('discord:1')).toBe(false);
    store.close();
  });

  it('GIVEN a cycle recorded twice THEN no paper is ever queued twice for a channel', () => {
    const store = new SqliteStore(tempDb());
    const delivery = { batch: 'b1', channel: 'shell:a', paperIds: ['p1', 'p2'], createdAt: AT };
    const cycle = {
      at: AT,
      known: [
        { id: 'p1', title: 'P1', arxivId: '2611.00001' },
        { id: 'p2', title: 'P2' },
      ],
      baselined: ['corpus'],
      deliveries: [delivery],
    };
    store.recordCycle(cycle);
    store.recordCycle({ ...cycle, deliveries: [{ ...delivery, batch: 'b2' }] });
    expect(store.pendingDeliveries()).toEqual([
      { batch: 'b1', channel: 'shell:a', paperIds: ['p1', 'p2'], createdAt: AT },
    ]);
    expect(store.knownPapers()).toEqual({
      ids: new Set(['p1', 'p2']),
      arxivIds: new Set(['2611.00001']),
    });
    expect(store.isBaselined('corpus')).toBe(true);
    expect(store.isBaselined('arxiv')).toBe(false);
    store.confirmDelivery('b1', 'm1', AT);
    expect(store.pendingDeliveries()).toEqual([]);
    store.close();
  });

  it('GIVEN repeated failures THEN the channel is disabled at the limit, and a success resets the count', () => {
    const store = new SqliteStore(tempDb());
    store.saveSubscription({
      channel: 'discord:9',
      createdBy: 'u',
      createdAt: AT,
      origin: 'command',
    });
    expect(store.recordFailure('discord:9', 'Missing Access', 3, AT)).toEqual({
      failures: 1,
      disabled: false,
    });
    store.recordSuccess('discord:9');
    for (let i = 0; i < 2; i++) store.recordFailure('discord:9', 'Missing Access', 3, AT);
    expect(store.recordFailure('discord:9', 'Missing Access', 3, AT)).toEqual({
      failures: 3,
      disabled: true,
    });
    expect(store.subscriptions()[0]).toMatchObject({ disabledAt: AT, lastError: 'Missing Access' });
    store.saveSubscription({
      channel: 'discord:9',
      createdBy: 'u',
      createdAt: AT,
      origin: 'command',
    });
    expect(store.subscriptions()[0]).toMatchObject({ failures: 0 });
    expect(store.subscriptions()[0]?.disabledAt).toBeUndefined();
    store.close();
  });

  it('GIVEN learned papers THEN they survive closing and reopening the file', () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    const facts = {
      title: 'A Paper',
      authors: ['Ana Ruiz'],
      authorsTruncated: false,
      published: '2026-01-01',
      categoryCode: 'cs.LG',
      abstract: 'x',
      source: 'arxiv:1',
    };
    store.saveLearnedFacts([facts], AT);
    store.saveLearnedFacts([{ ...facts, abstract: 'updated' }], AT);
    store.close();
    const reopened = new SqliteStore(path);
    expect(reopened.learnedFacts()).toEqual([{ ...facts, abstract: 'updated' }]);
    reopened.close();
  });

  it('GIVEN conversation state THEN it survives a reopen, is replaced by a newer save, and is gone once expired', async () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    await store.saveContext('slack:C1:1.0', { question: 'first' }, '2026-11-26T09:00:00.000Z');
    await store.saveContext('slack:C1:1.0', { question: 'second' }, '2026-11-26T09:00:00.000Z');
    await store.saveContext('shell:s1', { question: 'short-lived' }, '2026-11-25T10:00:00.000Z');
    store.close();
    const reopened = new SqliteStore(path);
    expect(await reopened.loadContext('slack:C1:1.0', AT)).toEqual({ question: 'second' });
    expect(await reopened.loadContext('shell:s1', AT)).toEqual({ question: 'short-lived' });
    expect(await reopened.loadContext('shell:s1', '2026-11-25T10:00:00.000Z')).toBeUndefined();
    expect(await reopened.loadContext('nobody', AT)).toBeUndefined();
    reopened.close();
  });

  it('GIVEN a subscription with its typed query THEN the query comes back typed; a stale one is dropped', () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    const parsedQuery = { intent: 'help' as const, ignored: [] };
    store.saveSubscription({
      channel: 'shell:a',
      query: 'help',
      parsedQuery,
      createdBy: 'u1',
      createdAt: AT,
      origin: 'command',
    });
    expect(store.subscriptions()[0]).toMatchObject({ query: 'help', parsedQuery });
    store.close();
    const raw = new Database(path);
    raw.prepare(`UPDATE subscriptions SET parsed_query = '{"intent":"dance"}'`).run();
    raw.close();
    const reopened = new SqliteStore(path);
    expect(reopened.subscriptions()[0]?.parsedQuery).toBeUndefined();
    reopened.close();
  });

  it('GIVEN synced facts THEN a re-sync of a source replaces what it said, other sources keep theirs, and all of it survives a restart', () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    const feedPaper = {
      title: 'A Feed Paper',
      authors: ['Ana Ruiz'],
      authorsTruncated: false,
      published: '2026-01-01',
      categoryCode: 'cs.LG',
      abstract: 'x',
      source: 'arxiv:2601.00001',
    };
    store.saveLearnedFacts([feedPaper], AT);
    const mora = { title: 'MORA', venue: 'NeurIPS 2022', source: 'sync:dblp' };
    const flareon = { title: 'Flareon', venue: 'ICLR 2023', source: 'sync:dblp' };
    const ids = { title: 'Flareon', arxivId: '2212.09979', source: 'sync:arxiv' };
    store.replaceSyncedFacts(
      [
        { source: 'dblp', facts: [mora, flareon] },
        { source: 'arxiv', facts: [ids] },
      ],
      AT,
    );
    const later = { ...mora, venue: 'NeurIPS 2023' };
    store.replaceSyncedFacts([{ source: 'dblp', facts: [later, later] }], AT);
    store.close();
    const reopened = new SqliteStore(path);
    expect(reopened.learnedFacts()).toEqual([feedPaper, ids, later]);
    reopened.close();
  });
});
