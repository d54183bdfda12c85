import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import {
  databaseUrl,
  describePostgres,
  dropDatabases,
  freshDatabase,
} from '../support/postgres.js';
import { runScript } from '../support/run-script.js';
import { storeContract } from './store-contract.js';

describePostgres('PostgresStore on a real server', () => {
  afterAll(dropDatabases);

  storeContract('PostgresStore', async () => {
    const url = await freshDatabase();
    return { store: await PostgresStore.open(url), another: () => PostgresStore.open(url) };
  });

  it('GIVEN replicas starting at once on an empty database THEN the migrations run once, recorded in schema_migrations', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    await Promise.all(stores.map((store) => store.close()));
  });

  it('GIVEN a user the server does not know, or a database it does not have THEN the line says which', async () => {
    const unknownUser = new URL(databaseUrl('postgres'));
    unknownUser.username = 'nobody_here';
    unknownUser.password = 'wrong';
    await expect(openStore(unknownUser.toString())).rejects.toThrow(
      /^DATABASE_URL: PostgreSQL at postgres:\/\/nobody_here@.+ refused the credentials \(.*nobody_here.*\); check the user and password$/u,
    );
    await expect(openStore(databaseUrl('no_such_database'))).rejects.toThrow(
      /^DATABASE_URL: database "no_such_database" does not exist at .+; create it/u,
    );
  });
});

describe('DATABASE_URL naming a PostgreSQL server that is not there', () => {
  it('GIVEN no server at the address THEN one line naming DATABASE_URL, without the password, exit code 2', async () => {
    const error = await openStore('postgres://pubbot:s3cret@127.0.0.1:1/pubbot').catch((e) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', exitCode: 2 });
    expect(error.message).toMatch(
      /^DATABASE_URL: cannot reach PostgreSQL at postgres:\/\/pubbot@127\.0\.0\.1:1\/pubbot \(ECONNREFUSED\)/u,
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('GIVEN the bot started with it THEN it stops at once with that line and exit code 2', async () => {
    const result = await runScript('src/main.ts', [], {
      env: { DATABASE_URL: 'postgres://pubbot:s3cret@127.0.0.1:1/pubbot' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^pubbot: DATABASE_URL: cannot reach PostgreSQL at postgres:\/\/pubbot@127\.0\.0\.1:1\/pubbot/u,
      ),
    ]);
  });
});
