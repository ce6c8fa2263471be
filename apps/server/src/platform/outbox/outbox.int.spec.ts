import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import { createMerchant, createProvider, createTestApp, login, type TestContext } from '../../../test/test-app.ts';
import type { DeliveredEvent } from './domain-event.ts';
import { OutboxDispatcher, type Subscriber } from './outbox.dispatcher.ts';
import { recordEvent } from './outbox.recorder.ts';
import { OutboxRepository } from './outbox.repository.ts';

let ctx: TestContext;
let db: Kysely<Database>;
let merchantId: string;
let code: string;

before(async () => {
  ctx = await createTestApp();
  db = ctx.database.db;
  const shop = await createMerchant(db, await createProvider(db), 'outbox');
  merchantId = shop.merchantId;
  code = shop.code;
});
after(() => ctx.close());

/** A clock the test moves: retries come due when it says, not when the machine does. */
function testClock() {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

function recording(name: string, eventTypes: string[], behaviour: (e: DeliveredEvent) => void = () => {}) {
  const seen: DeliveredEvent[] = [];
  const subscriber: Subscriber = {
    name,
    eventTypes,
    handle: async (event) => {
      seen.push(event);
      behaviour(event);
    },
  };
  return { subscriber, seen };
}

const record = (type: string, aggregateId: string, payload: Record<string, unknown> = {}) =>
  db
    .transaction()
    .execute((trx) => recordEvent(trx, { type, merchantId, aggregate: { type: 'thing', id: aggregateId }, payload }));

test('an event of a rolled-back transaction is never delivered; a committed one is, once', async () => {
  const { subscriber, seen } = recording('test.rollback', ['rollback.checked']);
  const dispatcher = new OutboxDispatcher(ctx.database);
  dispatcher.subscribe(subscriber);
  await dispatcher.register();
  const aggregate = randomUUID();
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await recordEvent(trx, {
        type: 'rollback.checked',
        merchantId,
        aggregate: { type: 'thing', id: aggregate },
        payload: { n: 1 },
      });
      throw new Error('the business change failed');
    }),
    /business change failed/,
  );
  const committed = await record('rollback.checked', aggregate, { n: 2 });
  assert.equal(committed.sequence, 1, 'the rolled-back event took no sequence number');
  assert.equal(await dispatcher.drain(), 1);
  assert.equal(await dispatcher.drain(), 0);
  assert.deepEqual(
    seen.map((e) => [e.payload.n, e.sequence, e.attempt]),
    [[2, 1, 1]],
  );
  await assert.rejects(
    recordEvent(db, { type: 'x', merchantId, aggregate: { type: 'thing', id: aggregate }, payload: {} }),
    /inside the business transaction/,
  );
});

test("each aggregate's events reach a subscriber in order; a failure holds back only its own aggregate", async () => {
  const clock = testClock();
  const [a, b] = [randomUUID(), randomUUID()];
  let failFirst = true;
  const { subscriber, seen } = recording('test.order', ['order.checked'], (e) => {
    if (e.aggregate.id === a && e.sequence === 1 && failFirst) {
      failFirst = false;
      throw new Error('first try fails');
    }
  });
  const dispatcher = new OutboxDispatcher(ctx.database, { now: clock.now, backoffMs: () => 5_000 });
  dispatcher.subscribe(subscriber);
  await dispatcher.register();
  for (const [aggregate, n] of [
    [a, 1],
    [b, 1],
    [a, 2],
    [b, 2],
    [a, 3],
  ] as const)
    await record('order.checked', aggregate, { n });

  await dispatcher.drain();
  const order = (id: string) => seen.filter((e) => e.aggregate.id === id).map((e) => `${e.sequence}/${e.attempt}`);
  assert.deepEqual(order(a), ['1/1'], 'a2 and a3 wait behind the failed a1');
  assert.deepEqual(order(b), ['1/1', '2/1']);
  clock.advance(4_999);
  assert.equal(await dispatcher.drain(), 0, 'not before the backoff');
  clock.advance(1);
  await dispatcher.drain();
  assert.deepEqual(order(a), ['1/1', '1/2', '2/1', '3/1']);
});

test('a failing handler is retried with backoff, then parked as a dead letter; other subscribers are not re-run', async () => {
  const clock = testClock();
  let broken = true;
  const flaky = recording('test.flaky', ['dead.checked'], () => {
    if (broken) throw new Error('the loyalty service is down');
  });
  const steady = recording('test.steady', ['dead.checked']);
  const dispatcher = new OutboxDispatcher(ctx.database, { now: clock.now, maxAttempts: 3 });
  dispatcher.subscribe(flaky.subscriber);
  dispatcher.subscribe(steady.subscriber);
  await dispatcher.register();
  const aggregate = randomUUID();
  const first = await record('dead.checked', aggregate, { n: 1 });
  await record('dead.checked', aggregate, { n: 2 });

  await dispatcher.drain(); // flaky fails (1), steady takes both
  for (const wait of [1_000, 2_000]) {
    clock.advance(wait - 1);
    assert.equal(await dispatcher.drain(), 0, 'not before the backoff');
    clock.advance(1);
    assert.equal(await dispatcher.drain(), 1);
  }
  clock.advance(3_600_000);
  assert.equal(await dispatcher.drain(), 0, 'dead after 3 attempts; the next event waits behind it');
  assert.deepEqual(
    flaky.seen.map((e) => `${e.payload.n}/${e.attempt}`),
    ['1/1', '1/2', '1/3'],
  );
  assert.deepEqual(
    steady.seen.map((e) => e.payload.n),
    [1, 2],
    "flaky's retries never re-ran steady",
  );

  const admin = await login(ctx.app, `${code}-admin`);
  const headers = { authorization: admin };
  const listed = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${merchantId}/events/dead-letters`,
    headers,
  });
  assert.equal(listed.statusCode, 200);
  const [dead] = listed.json().deadLetters.filter((d: { subscriber: string }) => d.subscriber === 'test.flaky');
  assert.deepEqual(
    {
      eventId: dead.eventId,
      type: dead.type,
      sequence: dead.sequence,
      attempts: dead.attempts,
      lastError: dead.lastError,
      heldBehind: dead.heldBehind,
    },
    {
      eventId: first.id,
      type: 'dead.checked',
      sequence: 1,
      attempts: 3,
      lastError: 'the loyalty service is down',
      heldBehind: 1,
    },
  );
  const cashier = await login(ctx.app, `${code}-cashier`);
  const refused = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${merchantId}/events/dead-letters`,
    headers: { authorization: cashier },
  });
  assert.equal(refused.statusCode, 403);

  broken = false;
  const retry = (eventId: number) =>
    ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${merchantId}/events/dead-letters/retry`,
      headers,
      payload: { eventId, subscriber: 'test.flaky' },
    });
  assert.equal((await retry(first.id)).statusCode, 200);
  const again = await retry(first.id);
  assert.equal(again.statusCode, 404);
  assert.equal(again.json().error.code, 'dead_letter_not_found');
  await dispatcher.drain();
  assert.deepEqual(
    flaky.seen.map((e) => `${e.payload.n}/${e.attempt}`),
    ['1/1', '1/2', '1/3', '1/1', '2/1'],
  );
  assert.equal(steady.seen.length, 2);
});

test('a delivery whose dispatcher died mid-handler is delivered again after its lease; an idempotent handler acts once', async () => {
  const clock = testClock();
  const applied = new Map<number, number>();
  const { subscriber, seen } = recording('test.lease', ['lease.checked'], (e) => {
    if (!applied.has(e.id)) applied.set(e.id, e.payload.points as number); // keyed by event id: a repeat changes nothing
  });
  const dispatcher = new OutboxDispatcher(ctx.database, { now: clock.now, leaseMs: 30_000 });
  dispatcher.subscribe(subscriber);
  await dispatcher.register();
  const event = await record('lease.checked', randomUUID(), { points: 12 });

  // Another dispatcher claims it, runs the handler, and dies before saying it was delivered.
  const [claimed] = await new OutboxRepository(db).claim(
    merchantId,
    ['test.lease'],
    clock.now(),
    30_000,
    10,
    randomUUID(),
  );
  assert.equal(claimed?.event_id, event.id);
  await subscriber.handle({
    id: event.id,
    type: 'lease.checked',
    merchantId,
    aggregate: { type: 'thing', id: claimed!.aggregate_id },
    sequence: 1,
    payload: claimed!.payload,
    occurredAt: claimed!.occurred_at,
    attempt: 1,
  });

  assert.equal(await dispatcher.drain(), 0, 'leased to the dead dispatcher');
  clock.advance(30_000);
  assert.equal(await dispatcher.drain(), 1);
  assert.equal(await dispatcher.drain(), 0);
  assert.deepEqual(
    seen.map((e) => e.attempt),
    [1, 2],
  );
  assert.deepEqual([...applied], [[event.id, 12]]);
});

test('a commit wakes a started dispatcher without waiting for its poll', async () => {
  let delivered: () => void;
  const arrived = new Promise<void>((resolve) => (delivered = resolve));
  const dispatcher = new OutboxDispatcher(ctx.database, { pollIntervalMs: 3_600_000 });
  dispatcher.subscribe({ name: 'test.wake', eventTypes: ['wake.checked'], handle: async () => delivered() });
  await dispatcher.start();
  try {
    await record('wake.checked', randomUUID());
    await arrived; // the poll is an hour away: only the NOTIFY sent at commit can have woken it
  } finally {
    await dispatcher.stop();
  }
});

test(
  'two dispatchers on one database deliver each event once per subscriber',
  { skip: !process.env.TEST_DATABASE_URL && 'needs the PostgreSQL server (--suite pg): PGlite is one session' },
  async () => {
    const { openDatabase } = await import('@shualian/db');
    const url = (ctx.database as { url?: string }).url!;
    const second = await openDatabase({ url, poolSize: 5 });
    const counts = new Map<number, number>();
    const handler = async (e: DeliveredEvent) => {
      counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const dispatchers = [
      new OutboxDispatcher(ctx.database, { batchSize: 3 }),
      new OutboxDispatcher(second, { batchSize: 3 }),
    ];
    for (const d of dispatchers)
      d.subscribe({ name: 'test.compete', eventTypes: ['compete.checked'], handle: handler });
    await dispatchers[0]!.register();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push((await record('compete.checked', `agg-${i % 7}`, { i })).id);
    await Promise.all(dispatchers.map((d) => d.drain()));
    await Promise.all(dispatchers.map((d) => d.drain()));
    assert.deepEqual(
      ids.map((id) => counts.get(id)),
      ids.map(() => 1),
    );
    await second.close();
  },
);
