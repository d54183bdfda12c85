import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/** A PostgreSQL server the tests may create databases on (`.ci/run` starts one). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/**
 * `describe` when TEST_DATABASE_URL names a server, else a visible skip with
 * the reason printed: a run without PostgreSQL says so, it never passes
 * quietly.
 */
export function describePostgres(name: string, suite: () => void): void {
  if (TEST_DATABASE_URL) {
    describe(name, suite);
    return;
  }
  console.log(
    `skipping "${name}": TEST_DATABASE_URL is not set (bash .ci/run starts a throwaway PostgreSQL 15 and sets it)`,
  );
  describe.skip(`${name} (skipped: TEST_DATABASE_URL is not set)`, suite);
}

const created: string[] = [];

/** The URL of the test server with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database on the test server; dropped by `dropDatabases`. */
export async function freshDatabase(): Promise<string> {
  const name = `pubbot_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  return databaseUrl(name);
}

/** Drops every database `freshDatabase` made, even with connections still open. */
export async function dropDatabases(): Promise<void> {
  if (!TEST_DATABASE_URL || created.length === 0) return;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (const name of created.splice(0))
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
