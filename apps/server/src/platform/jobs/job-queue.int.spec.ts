import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { schemaMigrations } from '../../schema-migrations.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '@shualian/db';
import { createSchemaTestDatabase } from '../../../test/database.ts';
import { sql } from 'kysely';
import { createMerchant, createProvider, createTestApp } from '../../../test/test-app.ts';
import { recordEvent } from '../outbox/outbox.recorder.ts';
import { PgBossJobQueue, cronEvery } from './job-queue.ts';
import { registerSweeps } from '../../sweep.jobs.ts';

const child = fileURLToPath(new URL('./job-queue.child.ts', import.meta.url));
const workerChild = fileURLToPath(new URL('./job-queue-worker.child.ts', import.meta.url));
const onServer = !!process.env.TEST_DATABASE_URL;

/** Waits for something the queue does in its own time; fails only if it never happens. */
async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A database two handles can open one after another: a folder for PGlite, the test database's URL on a server. */
async function reopenableDatabase() {
  if (onServer) {
    const server = await createSchemaTestDatabase();
    const open = () => openDatabase({ url: server.url!, poolSize: 5 });
    return { first: await open(), open, url: server.url, cleanup: () => server.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'shualian-jobs-'));
  const first = await openDatabase({ dataDir });
  await migrateToLatest(first.db, schemaMigrations);
  return {
    first,
    open: () => openDatabase({ dataDir }),
    dataDir,
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const jobState = async (handle: DatabaseHandle, id: string) =>
  (await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(handle.db)).rows[0]?.state;

test('a delayed job runs once, not before its time; the same key while it waits schedules nothing', async () => {
  const database = await createSchemaTestDatabase();
  const jobs = new PgBossJobQueue(database, { pollingIntervalSeconds: 0.5 });
  const runs: { at: number; payload: { visit: string } }[] = [];
  jobs.register('test.later', async (payload: { visit: string }) => void runs.push({ at: Date.now(), payload }));
  await jobs.start();
  try {
    const runAt = new Date(Date.now() + 1_500);
    const id = await jobs.schedule('test.later', { visit: 'v1' }, { runAt, key: 'visit:v1' });
    assert.ok(id);
    assert.equal(await jobs.schedule('test.later', { visit: 'v1' }, { runAt, key: 'visit:v1' }), null);
    await eventually('the job completed', async () => (await jobState(database, id)) === 'completed');
    assert.equal(runs.length, 1);
    assert.ok(runs[0]!.at >= runAt.getTime(), 'not before its time');
    assert.deepEqual(runs[0]!.payload, { visit: 'v1' });
  } finally {
    await jobs.stop();
    await database.close();
  }
});

test('a job that fails is tried again; the other jobs fetched with it complete on their own', async () => {
  const database = await createSchemaTestDatabase();
  const jobs = new PgBossJobQueue(database, { pollingIntervalSeconds: 0.5 });
  const runs: string[] = [];
  jobs.register(
    'test.flaky',
    async (payload: { n: number }) => {
      runs.push(`${payload.n}`);
      if (payload.n === 1 && runs.filter((r) => r === '1').length === 1) throw new Error('first try fails');
    },
    { retryLimit: 1, retryDelaySeconds: 1 },
  );
  await jobs.start();
  try {
    const ids = await Promise.all([0, 1, 2].map((n) => jobs.schedule('test.flaky', { n })));
    await eventually('every job completed', async () => {
      const states = await Promise.all(ids.map((id) => jobState(database, id!)));
      return states.every((s) => s === 'completed') || undefined;
    });
    assert.deepEqual([...runs].sort(), ['0', '1', '1', '2']);
  } finally {
    await jobs.stop();
    await database.close();
  }
});

test('a scheduled job survives a restart of the server', async () => {
  const db = await reopenableDatabase();
  try {
    const before = new PgBossJobQueue(db.first);
    await before.start();
    const runAt = new Date(Date.now() + 1_000);
    const id = (await before.schedule('test.restart', { n: 1 }, { runAt }))!;
    await before.stop();
    await db.first.close();

    const reopened = await db.open();
    const after = new PgBossJobQueue(reopened, { pollingIntervalSeconds: 0.5 });
    const runs: number[] = [];
    after.register('test.restart', async () => void runs.push(Date.now()));
    await after.start();
    await eventually('the job ran after the restart', async () => (await jobState(reopened, id)) === 'completed');
    await after.stop();
    assert.equal(runs.length, 1);
    assert.ok(runs[0]! >= runAt.getTime(), 'not before its time');
    await reopened.close();
  } finally {
    await db.cleanup();
  }
});

test('a job whose process died while running it is run again once its lease expires', async () => {
  const db = await reopenableDatabase();
  try {
    if (!onServer) await db.first.close(); // PGlite is single-process: hand the folder to the child
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', child, JSON.stringify({ url: db.url, dataDir: db.dataDir })],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(run.signal, 'SIGKILL', `child should die in the handler: ${run.stdout} ${run.stderr}`);
    assert.match(run.stdout, /claimed job 7/);

    const handle = onServer ? db.first : await db.open();
    const jobs = new PgBossJobQueue(handle, { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    const runs: number[] = [];
    jobs.register('test.crash', async (payload: { n: number }) => void runs.push(payload.n), {
      expireInSeconds: 1,
      retryDelaySeconds: 1,
    });
    await jobs.start();
    await eventually('the job ran again', () => runs.length > 0 || undefined);
    await jobs.stop();
    assert.deepEqual(runs, [7]);
    await handle.close();
  } finally {
    await db.cleanup();
  }
});

test(
  'two server processes: each job runs once',
  { skip: !onServer && 'needs the PostgreSQL server (--suite pg): PGlite is one process' },
  async () => {
    const database = await createSchemaTestDatabase();
    // The second worker is another process on the same database, as a second server would be.
    const other = spawn(process.execPath, ['--import', 'tsx', workerChild, JSON.stringify({ url: database.url })], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let otherOutput = '';
    other.stdout.on('data', (chunk: Buffer) => (otherOutput += chunk.toString('utf8')));
    other.stderr.on('data', (chunk: Buffer) => (otherOutput += chunk.toString('utf8')));
    const otherExited = new Promise((resolve) => other.once('exit', resolve));
    const here: number[] = [];
    const queue = new PgBossJobQueue(database, { pollingIntervalSeconds: 0.5 });
    queue.register('test.compete', async (payload: { n: number }) => void here.push(payload.n));
    try {
      await eventually('the other process is working', () => otherOutput.includes('ready\n') || undefined);
      await queue.start();
      const ids: string[] = [];
      for (let n = 0; n < 30; n++) ids.push((await queue.schedule('test.compete', { n }, { delayMs: 200 }))!);
      await eventually('every job completed', async () => {
        const states = await Promise.all(ids.map((id) => jobState(database, id)));
        return states.every((s) => s === 'completed') || undefined;
      });
      other.kill('SIGTERM');
      await otherExited;
      const there = [...otherOutput.matchAll(/^ran (\d+)$/gm)].map((m) => Number(m[1]));
      const runs = [...here, ...there].sort((a, b) => a - b);
      assert.deepEqual(runs, [...Array(30).keys()], `each job once (here ${here.length}, there ${there.length})`);
    } finally {
      other.kill('SIGKILL');
      await queue.stop();
      await database.close();
    }
  },
);

test('the recurring sweeps sweep', async () => {
  const ctx = await createTestApp();
  const db = ctx.database.db;
  const shop = await createMerchant(db, await createProvider(db), 'sweeps');
  const longAgo = new Date(Date.now() - 30 * 86_400_000);
  await db
    .insertInto('rate_counters')
    .values([
      { merchant_id: shop.merchantId, key: 'otp:phone:old', window_started_at: longAgo, count: 3 },
      { merchant_id: shop.merchantId, key: 'otp:phone:now', window_started_at: new Date(), count: 1 },
    ])
    .execute();
  const old = await db.transaction().execute((trx) =>
    recordEvent(trx, {
      type: 'sweep.checked',
      merchantId: shop.merchantId,
      aggregate: { type: 'thing', id: randomUUID() },
      payload: {},
      occurredAt: longAgo,
    }),
  );
  const jobs = new PgBossJobQueue(ctx.database, { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1 });
  await registerSweeps(jobs, { db, services: ctx.services, now: () => new Date() });
  await jobs.start();
  try {
    await eventually('the old rate counter was swept', async () => {
      const keys = (
        await db.selectFrom('rate_counters').select('key').where('merchant_id', '=', shop.merchantId).execute()
      ).map((r) => r.key);
      return keys.length === 1 ? keys : undefined;
    }).then((keys) => assert.deepEqual(keys, ['otp:phone:now']));
    // Hourly: not due in this test's minute, so it is queued by name as the cron would.
    await jobs.schedule('sweep.delivered-events', {});
    await eventually('the delivered old event was forgotten', async () =>
      (await db.selectFrom('outbox_events').select('id').where('id', '=', old.id).executeTakeFirst())
        ? undefined
        : true,
    );
  } finally {
    await jobs.stop();
    await ctx.close();
  }
});

test('every n minutes becomes a cron slot', () => {
  assert.equal(cronEvery(1), '* * * * *');
  assert.equal(cronEvery(15), '*/15 * * * *');
  assert.equal(cronEvery(60), '0 * * * *');
  assert.equal(cronEvery(360), '0 */6 * * *');
  assert.throws(() => cronEvery(7), /not a cron slot/);
  assert.throws(() => cronEvery(0.5), /not a cron slot/);
});
