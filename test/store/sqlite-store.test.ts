import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { storeContract } from './store-contract.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'pubbot-store-')), 'nested', 'pubbot.db');
const AT = '2026-11-25T09:00:00.000Z';

storeContract('SqliteStore', async () => {
  const path = tempDb();
  return { store: new SqliteStore(path), another: async () => new SqliteStore(path) };
});

describe('SqliteStore on a real file', () => {
  it('GIVEN a new path THEN the folder is created, WAL is on and migrations are applied once', async () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    expect(store.version).toBe(MIGRATIONS.length);
    await store.close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = new SqliteStore(path);
    expect(again.version).toBe(MIGRATIONS.length);
    await again.close();
  });

  it('GIVEN a database from before the ledger kept messages THEN its deliveries become messages, sent stays sent, pending stays owed', async () => {
    const path = tempDb();
    const old = new SqliteStore(path);
    await old.close();
    const raw = new Database(path);
    raw.pragma('user_version = 3');
    for (const table of ['deliveries', 'messages', 'leases', 'seen_events'])
      raw.exec(`DROP TABLE ${table}`);
    raw.exec(`CREATE TABLE deliveries (
      channel TEXT NOT NULL, paper_id TEXT NOT NULL, batch TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled')),
      created_at TEXT NOT NULL, sent_at TEXT, message_id TEXT, PRIMARY KEY (channel, paper_id));
    CREATE INDEX deliveries_pending ON deliveries (status, created_at) WHERE status = 'pending';`);
    for (const column of ['venue', 'seen_in', 'missing_since'])
      raw.exec(`ALTER TABLE known_papers DROP COLUMN ${column}`);
    raw.exec(`INSERT INTO subscriptions (channel, created_by, created_at, origin, failures, disabled_at, last_error)
      VALUES ('discord:1', 'u', '${AT}', 'command', 5, '${AT}', 'HTTP 503')`);
    const insert = raw.prepare('INSERT INTO deliveries VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('discord:1', 'p1', 'sent-batch', 'sent', AT, AT, 'm1');
    insert.run('discord:1', 'p2', 'open-batch', 'pending', AT, null, null);
    insert.run('discord:1', 'p3', 'open-batch', 'pending', AT, null, null);
    raw.close();
    const upgraded = new SqliteStore(path);
    expect(upgraded.version).toBe(MIGRATIONS.length);
    expect(await upgraded.openMessages()).toEqual([
      {
        batch: 'open-batch',
        channel: 'discord:1',
        kind: 'paper',
        status: 'pending',
        createdAt: AT,
        attempts: 0,
        items: [{ paperId: 'p2' }, { paperId: 'p3' }],
      },
    ]);
    // Five transient failures used to disable a channel; the upgrade gives it another chance.
    expect(await upgraded.disabledChannels()).toEqual([]);
    await upgraded.close();
  });

  it('GIVEN a stored typed query that no longer fits the schema THEN it is dropped and the words are read again', async () => {
    const path = tempDb();
    const store = new SqliteStore(path);
    await store.saveSubscription({
      channel: 'shell:a',
      query: 'help',
      parsedQuery: { intent: 'help', ignored: [] },
      createdBy: 'u1',
      createdAt: AT,
      origin: 'command',
    });
    await store.close();
    const raw = new Database(path);
    raw.prepare(`UPDATE subscriptions SET parsed_query = '{"intent":"dance"}'`).run();
    raw.close();
    const reopened = new SqliteStore(path);
    expect((await reopened.subscriptions())[0]?.parsedQuery).toBeUndefined();
    await reopened.close();
  });

  it('GIVEN DATABASE_URL with max_page_count THEN the file cannot grow past it: writes fail with SQLITE_FULL', async () => {
    const path = tempDb();
    await new SqliteStore(path).close();
    const pages = (new Database(path).pragma('page_count', { simple: true }) as number) + 2;
    const store = await openStore(`sqlite:${path}?max_page_count=${pages}`);
    const big = { title: 'Big', source: 'sync:dblp', abstract: 'x'.repeat(100_000) };
    await expect(
      store.replaceSyncedFacts([{ source: 'dblp', facts: [big] }], AT),
    ).rejects.toMatchObject({
      code: 'SQLITE_FULL',
    });
    await store.close();
  });
});
