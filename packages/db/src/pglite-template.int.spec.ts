import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createPGlite } from './connect.ts';
import { ClusterTemplate } from './pglite-template.ts';

const scratch = mkdtempSync(join(tmpdir(), 'shualian-template-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function roundTrip(dataDir: string | undefined, template: ClusterTemplate): Promise<number> {
  const client = await createPGlite(dataDir, template);
  try {
    await client.exec('create table kept (x int); insert into kept values (7)');
    return (await client.query<{ x: number }>('select x from kept')).rows[0]!.x;
  } finally {
    await client.close();
  }
}

test('the first new cluster is kept, later ones start from it, and none sees what another wrote', async () => {
  const template = new ClusterTemplate(join(scratch, 'first', 'initdb.tar'));
  assert.equal(template.read(), undefined);
  assert.equal(await roundTrip(undefined, template), 7);
  assert.ok(template.read()!.size > 1_000_000, 'the initialised cluster is kept');
  // Both start from the dump, taken before the first one wrote: each creates its own table without a clash.
  assert.equal(await roundTrip(undefined, template), 7);
  const folder = join(scratch, 'data');
  assert.equal(await roundTrip(folder, template), 7);
  const reopened = await createPGlite(folder, template);
  assert.equal((await reopened.query<{ n: number }>('select count(*)::int as n from kept')).rows[0]!.n, 1);
  await reopened.close();
});

test('a kept cluster PGlite cannot start from is dropped, and the database is initialised as before', async () => {
  const template = new ClusterTemplate(join(scratch, 'broken', 'initdb.tar'));
  await roundTrip(undefined, template);
  writeFileSync(template.file, 'not a tar of a cluster');
  const folder = join(scratch, 'after-broken');
  assert.equal(await roundTrip(folder, template), 7);
  assert.ok(existsSync(template.file) && template.read()!.size > 1_000_000, 'a good cluster is kept again');
});

test('a folder that already holds something is opened as it is, never replaced by the kept cluster', async () => {
  const template = new ClusterTemplate(join(scratch, 'foreign', 'initdb.tar'));
  const folder = join(scratch, 'foreign-data');
  assert.equal(await roundTrip(folder, template), 7);
  const before = readdirSync(folder).sort();
  const client = await createPGlite(folder, template);
  assert.equal((await client.query<{ x: number }>('select x from kept')).rows[0]!.x, 7);
  await client.close();
  assert.deepEqual(readdirSync(folder).sort(), before);
});
