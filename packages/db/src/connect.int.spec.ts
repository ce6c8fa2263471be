import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { isConnectionLost, openDatabase } from './connect.ts';
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
  const result = await admin!.query<{ n: number }>(
    'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [name],
  );
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
    await admin!.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    for (let waited = 0; lost.length < 2 && waited < 2_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));

    assert.equal(lost.length, 2);
    assert.match(lost[0]?.message ?? '', /terminat/);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    assert.deepEqual(rows, [{ one: 1 }]);
  } finally {
    await handle.close();
  }
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(
  'a connection the server ends between two queries of a transaction fails that transaction and is reported, not thrown at the process',
  { skip },
  async () => {
    const lost: Error[] = [];
    const handle = await openDatabase({
      url: scratch!.url!,
      poolSize: 2,
      onConnectionLost: (error) => lost.push(error),
    });
    try {
      const failure = await handle.db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await admin!.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
          // Nothing is running on the connection when it goes: the loss arrives as an event, not as a failed query.
          for (let waited = 0; lost.length === 0 && waited < 2_000; waited += 20) await pause(20);
          await sql`select 1`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );

      assert.ok(failure instanceof Error, 'the transaction failed');
      assert.ok(isConnectionLost(failure), `${failure}`);
      assert.equal(lost.length, 1, 'reported once');
      assert.match(lost[0]?.message ?? '', /terminat/);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      assert.deepEqual(rows, [{ one: 1 }]);
    } finally {
      await handle.close();
    }
  },
);

test(
  'a connection the server ends while its query runs fails that query as a lost connection, not a wrong one',
  { skip },
  async () => {
    const lost: Error[] = [];
    const handle = await openDatabase({
      url: scratch!.url!,
      poolSize: 2,
      onConnectionLost: (error) => lost.push(error),
    });
    try {
      // Settled into a value at once: the ended connection may fail the query before the administrator's answer is
      // read, and a rejection nobody holds yet would reach the process.
      const outcome = handle.db
        .transaction()
        .execute(async (trx) => {
          await sql`select pg_backend_pid()`.execute(trx);
          await sql`select pg_sleep(5)`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      const name = new URL(scratch!.url!).pathname.slice(1);
      for (let waited = 0; waited < 2_000; waited += 20) {
        const { rowCount } = await admin!.query(
          `select 1 from pg_stat_activity where datname = $1 and query like '%pg_sleep(5)%' and pid <> pg_backend_pid()`,
          [name],
        );
        if (rowCount) break;
        await pause(20);
      }
      await admin!.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );
      const failure = await outcome;

      assert.ok(isConnectionLost(failure), `${failure}`);
      for (let waited = 0; lost.length === 0 && waited < 2_000; waited += 20) await pause(20);
      assert.equal(lost.length, 1, 'reported once');
      const wrong = await sql`select * from no_such_table`.execute(handle.db).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(wrong instanceof Error);
      assert.equal(isConnectionLost(wrong), false, 'a wrong query is not a lost connection');
    } finally {
      await handle.close();
    }
  },
);
