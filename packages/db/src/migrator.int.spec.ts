import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely, type Migration } from 'kysely';
import { migrations } from './migrations/index.ts';
import { migrateToLatest, MigrationError } from './migrator.ts';
import { createTestDatabase } from './testing.ts';
import type { DatabaseHandle } from './connect.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ migrate: false });
});
after(() => handle.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function tableNames(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

test('migrations apply on an empty database and are a no-op the second time', async () => {
  const first = await migrateToLatest(handle.db);
  assert.deepEqual(first.applied, Object.keys(migrations));
  const second = await migrateToLatest(handle.db);
  assert.deepEqual(second.applied, []);
  const tables = await tableNames(handle.db);
  for (const table of ['merchants', 'stores', 'devices', 'staff_users', 'audit_events'])
    assert.ok(tables.includes(table));
});

test('a failing migration leaves the database as it was', async () => {
  const before = await tableNames(handle.db);
  const broken: Migration = {
    async up(db) {
      await db.schema.createTable('half_made').addColumn('id', 'integer').execute();
      await sql`insert into merchants (id) values ('not-a-uuid')`.execute(db);
    },
  };
  const addingTwo: Record<string, Migration> = {
    ...migrations,
    '9000-fine': { up: (db) => db.schema.createTable('fine_table').addColumn('id', 'integer').execute() },
    '9001-broken': broken,
  };
  await assert.rejects(migrateToLatest(handle.db, addingTwo), (error: unknown) => {
    assert.ok(error instanceof MigrationError);
    assert.match(error.message, /9001-broken/);
    return true;
  });
  assert.deepEqual(await tableNames(handle.db), before);
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
  assert.deepEqual(
    rows.map((r) => r.name),
    Object.keys(migrations),
  );
});
