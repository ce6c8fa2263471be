import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baselineMigrations, type DatabaseHandle } from '@shualian/db';
import { lintSchema } from '@shualian/db/testing';
import { createSchemaTestDatabase } from '../test/database.ts';
import { schemaMigrations } from './schema-migrations.ts';

let database: DatabaseHandle;
before(async () => {
  database = await createSchemaTestDatabase();
});
after(() => database.close());

test('the whole schema, baseline and every module, is distributable by merchant', async () => {
  assert.deepEqual(await lintSchema(database.db), []);
});

test('the baseline comes first and keeps its order', () => {
  const names = Object.keys(schemaMigrations);
  assert.deepEqual(names.slice(0, Object.keys(baselineMigrations).length), Object.keys(baselineMigrations));
});
