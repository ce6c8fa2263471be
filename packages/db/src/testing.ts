import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './connect.ts';
import type { Migration } from 'kysely';
import { migrateToLatest } from './migrator.ts';

/**
 * A fresh, migrated database for one test file: a uniquely named database on the PostgreSQL server named by
 * TEST_DATABASE_URL (dropped again on close), or an in-memory PGlite when it is unset. Migrated with the baseline
 * migrations unless the caller hands in its own set (the server hands in the baseline and its modules' migrations).
 */
export async function createTestDatabase(
  options: { migrate?: boolean; migrations?: Record<string, Migration> } = {},
): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const handle = serverUrl ? await createServerDatabase(serverUrl) : await openDatabase({ dataDir: 'memory://' });
  if (options.migrate !== false) await migrateToLatest(handle.db, options.migrations);
  return handle;
}

async function createServerDatabase(serverUrl: string): Promise<DatabaseHandle & { url: string }> {
  const name = `shualian_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 20 });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
export { lintSchema } from './schema-lint.ts';
