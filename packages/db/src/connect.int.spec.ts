import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from './connect.ts';
import { createTestDatabase } from './testing.ts';

// Connection lifecycle is a property of the server pool; PGlite has no connections to lose.
const serverUrl = process.env.TEST_DATABASE_URL;
const skip = serverUrl ? false : 'needs a PostgreSQL server (TEST_DATABASE_URL; the pg suite sets it)';

let scratch: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let admin: pg.Client | undefined;

before(async () => {
  if (!serverUrl) return;
  scratch = await createTestDatabase({ migrate: false });
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
});
after(async () => {
  await admin?.end();
  await scratch?.close();
});

async function sessionsOn(url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  const result = await admin!.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
  return result.rows[0]?.n ?? 0;
}

test('closing a server database returns only when every pooled connection is gone', { skip }, async () => {
  const url = scratch!.url!;
  const handle = await openDatabase({ url, poolSize: 8 });
  await Promise.all(Array.from({ length: 8 }, () => sql`select pg_sleep(0.05)`.execute(handle.db)));
  assert.ok((await sessionsOn(url)) >= 8, 'the pool held its connections open while in use');

  await handle.close();
  assert.equal(await sessionsOn(url), 0);
});

test('an idle connection the server ends is reported and replaced, not thrown at the process', { skip }, async () => {
  const url = scratch!.url!;
  const lost: Error[] = [];
  const handle = await openDatabase({ url, poolSize: 2, onConnectionLost: (error) => lost.push(error) });
  try {
    await Promise.all([sql`select pg_sleep(0.02)`.execute(handle.db), sql`select pg_sleep(0.02)`.execute(handle.db)]);
    const name = new URL(url).pathname.slice(1);
    await admin!.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    for (let waited = 0; lost.length < 2 && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));

    assert.equal(lost.length, 2);
    assert.match(lost[0]?.message ?? '', /terminat/);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    assert.deepEqual(rows, [{ one: 1 }]);
  } finally {
    await handle.close();
  }
});
