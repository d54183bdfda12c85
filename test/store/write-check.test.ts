import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

describe('the store write check behind /healthz', () => {
  it('GIVEN a working database THEN the check commits and leaves nothing a context read would return', async () => {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'pubbot-check-')), 'pubbot.db'));
    await store.checkWritable();
    expect(await store.loadContext('pubbot:write-check', new Date().toISOString())).toBeUndefined();
    await store.close();
  });

  it('GIVEN a database that can no longer be written THEN the check fails naming the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pubbot-check-')), 'pubbot.db');
    const store = new SqliteStore(path);
    await store.close();
    const failure = store.checkWritable();
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failure).rejects.toThrow(`database ${path} cannot be written: `);
  });
});
