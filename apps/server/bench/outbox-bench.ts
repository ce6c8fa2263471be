/**
 * Events after commit: how long from a business transaction's commit to the subscriber's handler (a started
 * dispatcher, woken by NOTIFY), and how many deliveries per second a dispatcher makes through a backlog.
 *
 *   npx tsx apps/server/bench/outbox-bench.ts                         embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/outbox-bench.ts
 *
 * Options: --events N (default 300, committed one after another, each measured), --backlog N (default 3000),
 * --aggregates N (default 100, the backlog's events spread over them).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createSchemaTestDatabase } from '../test/database.ts';
import { OutboxDispatcher } from '../src/platform/outbox/outbox.dispatcher.ts';
import { recordEvent } from '../src/platform/outbox/outbox.recorder.ts';
import { createMerchant, createProvider } from '../test/fixtures.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '300' },
    backlog: { type: 'string', default: '3000' },
    aggregates: { type: 'string', default: '100' },
  },
});
const database = await createSchemaTestDatabase();
const db = database.db;
const { merchantId } = await createMerchant(db, await createProvider(db), 'bench');
const record = (type: string, aggregateId: string) =>
  db.transaction().execute((trx) =>
    recordEvent(trx, {
      type,
      merchantId,
      aggregate: { type: 'bench', id: aggregateId },
      payload: { at: Date.now() },
    }),
  );
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

// Latency: commit → handler, one event at a time, the poll an hour away (only NOTIFY wakes the dispatcher).
let arrived: (() => void) | undefined;
const live = new OutboxDispatcher(database, { pollIntervalMs: 3_600_000 });
live.subscribe({ name: 'bench.latency', eventTypes: ['bench.latency'], handle: async () => arrived?.() });
await live.start();
const latencies: number[] = [];
for (let i = 0; i < Number(values.events); i++) {
  const delivered = new Promise<void>((resolve) => (arrived = resolve));
  let committedAt = 0;
  await record('bench.latency', randomUUID()).then(() => (committedAt = performance.now()));
  await delivered;
  latencies.push(Math.max(0, performance.now() - committedAt));
}
await live.stop();
latencies.sort((a, b) => a - b);

// Throughput: a backlog recorded with no dispatcher running, then drained by one.
const backlog = new OutboxDispatcher(database);
backlog.subscribe({ name: 'bench.backlog', eventTypes: ['bench.backlog'], handle: async () => {} });
await backlog.register();
const aggregates = Array.from({ length: Number(values.aggregates) }, () => randomUUID());
const recordStart = performance.now();
for (let i = 0; i < Number(values.backlog); i++) await record('bench.backlog', aggregates[i % aggregates.length]!);
const recordSeconds = (performance.now() - recordStart) / 1000;
const drainStart = performance.now();
const delivered = await backlog.drain();
const drainSeconds = (performance.now() - drainStart) / 1000;

console.log(`database: ${database.kind}`);
console.log(
  `commit → handler (${latencies.length} events): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
);
console.log(
  `recording: ${(Number(values.backlog) / recordSeconds).toFixed(0)} transactions/s (one event each, one at a time)`,
);
console.log(
  `draining a backlog of ${delivered} over ${aggregates.length} aggregates: ${(delivered / drainSeconds).toFixed(0)} deliveries/s`,
);
await database.close();
