/**
 * The job queue (pg-boss over the server's database handle): start-up on a fresh database, the queries it makes
 * while idle with the sweeps registered, and how late a delayed job starts after its time (polling every 2 s).
 *
 *   npx tsx apps/server/bench/jobs-bench.ts                           embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/jobs-bench.ts
 *
 * Options: --jobs N (default 20 delayed jobs), --idle S (default 20 seconds watched idle).
 */
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '@shualian/db';
import { createSchemaTestDatabase } from '../test/database.ts';
import { PgBossJobQueue } from '../src/platform/jobs/job-queue.ts';
import { SWEEPS } from '../src/sweep.jobs.ts';

const { values } = parseArgs({
  options: { jobs: { type: 'string', default: '20' }, idle: { type: 'string', default: '20' } },
});
const database = await createSchemaTestDatabase();
let queries = 0;
// Every pg-boss statement passes through Kysely's connection (server) or through PGlite's query/exec (embedded).
const pglite = database.native.pglite;
const handle: Pick<DatabaseHandle, 'db' | 'native'> = pglite
  ? {
      db: database.db,
      native: {
        pglite: new Proxy(pglite, {
          get: (target, key) =>
            key === 'query' || key === 'exec'
              ? (...args: unknown[]) => (queries++, (target[key] as (...a: unknown[]) => unknown).apply(target, args))
              : Reflect.get(target, key),
        }),
      },
    }
  : {
      db: new Proxy(database.db, {
        get: (target, key) => {
          const value = Reflect.get(target, key) as unknown;
          if (key === 'executeQuery') queries++;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
      native: database.native,
    };

const jobs = new PgBossJobQueue(handle);
const lateness: number[] = [];
for (const name of Object.keys(SWEEPS)) jobs.register(name, async () => {});
jobs.register('bench.delayed', async (payload: { runAt: number }) => void lateness.push(Date.now() - payload.runAt));
let started = performance.now();
await jobs.start();
const startMs = performance.now() - started;

queries = 0;
started = performance.now();
await new Promise((resolve) => setTimeout(resolve, Number(values.idle) * 1000));
const idlePerSecond = queries / ((performance.now() - started) / 1000);

for (let i = 0; i < Number(values.jobs); i++) {
  const runAt = Date.now() + 1_000 + i * 250;
  await jobs.schedule('bench.delayed', { runAt }, { runAt: new Date(runAt) });
}
while (lateness.length < Number(values.jobs)) await new Promise((resolve) => setTimeout(resolve, 100));
await jobs.stop();
lateness.sort((a, b) => a - b);
const at = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))]!;
console.log(`database: ${database.kind}`);
console.log(
  `start on a fresh database (pg-boss creates its schema, ${Object.keys(SWEEPS).length + 1} queues): ${startMs.toFixed(0)} ms`,
);
console.log(`idle with ${Object.keys(SWEEPS).length + 1} job names polled: ${idlePerSecond.toFixed(1)} queries/s`);
console.log(
  `delayed job started after its time: min ${at(0)} ms, p50 ${at(0.5)} ms, max ${at(1)} ms (none before: ${lateness[0]! >= 0})`,
);
await database.close();
