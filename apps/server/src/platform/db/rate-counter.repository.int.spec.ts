import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSchemaTestDatabase } from '../../../test/database.ts';
import type { DatabaseHandle } from '@shualian/db';
import { createMerchant, createProvider, type TestMerchant } from '../../../test/fixtures.ts';
import { RateCounterRepository } from './rate-counter.repository.ts';

let handle: DatabaseHandle;
let shop: TestMerchant;

before(async () => {
  handle = await createSchemaTestDatabase();
  shop = await createMerchant(handle.db, await createProvider(handle.db), 'counters');
});
after(() => handle.close());

const at = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + minutes * 60_000);

test('a window counts up to its limit, says when it reopens, and reopens a full window later', async () => {
  const counters = new RateCounterRepository(handle.db);
  const rule = { limit: 3, windowSeconds: 600 };
  for (let i = 1; i <= 3; i++)
    assert.deepEqual(await counters.take(shop.merchantId, 'k', rule, at(i)), { allowed: true, count: i });
  assert.deepEqual(await counters.take(shop.merchantId, 'k', rule, at(4)), { allowed: false, retryAfterSeconds: 420 });
  assert.deepEqual(await counters.take(shop.merchantId, 'other', rule, at(4)), { allowed: true, count: 1 });
  assert.deepEqual(await counters.take(shop.merchantId, 'k', rule, at(11)), { allowed: true, count: 1 });
});

test('uses taken together never pass the limit', async () => {
  const counters = new RateCounterRepository(handle.db);
  const results = await Promise.all(
    Array.from({ length: 25 }, () =>
      counters.take(shop.merchantId, 'together', { limit: 4, windowSeconds: 60 }, at(0)),
    ),
  );
  assert.equal(results.filter((r) => r.allowed).length, 4);
});

test('the sweep drops only windows that opened before the cut-off', async () => {
  const counters = new RateCounterRepository(handle.db);
  await counters.take(shop.merchantId, 'old', { limit: 5, windowSeconds: 60 }, at(-300));
  await counters.take(shop.merchantId, 'new', { limit: 5, windowSeconds: 60 }, at(100));
  await counters.forgetWindowsBefore(at(0));
  const keys = (
    await handle.db.selectFrom('rate_counters').select('key').where('merchant_id', '=', shop.merchantId).execute()
  ).map((r) => r.key);
  assert.ok(!keys.includes('old'));
  assert.ok(keys.includes('new'));
});
