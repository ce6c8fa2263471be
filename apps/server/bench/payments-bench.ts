/**
 * Payments per second on one server process, ledger only (no face work): each payment is one idempotent transaction
 * that posts balanced entries, moves two cached balances, writes the payment and the member's receipt.
 *
 *   npx tsx apps/server/bench/payments-bench.ts                       embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/payments-bench.ts
 *
 * Options: --payments N (default 2000), --members N (default 200), --concurrency N (default 16).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createSchemaTestDatabase } from '../test/database.ts';
import type { ChargeInput } from '../src/modules/payments/payment.service.ts';
import { servicesWithoutFaces } from '../test/services.ts';
import { createMember, createMerchant, createProvider, TEST_PASSWORD, updateSettings } from '../test/fixtures.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '2000' },
    members: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
  },
});
const total = Number(values.payments);
const memberCount = Number(values.members);
const concurrency = Number(values.concurrency);

const database = await createSchemaTestDatabase();
const db = database.db;
const shop = await createMerchant(db, await createProvider(db), 'bench');
const services = servicesWithoutFaces(db);
await updateSettings(services, shop, { maxPaymentsPerMemberPerHour: 1_000_000, merchantAdminMaxTopUpFen: 10_000_000 });
const { payments, wallets, ledger } = services;
const admin = (await services.auth.login('bench-admin', TEST_PASSWORD)).staff;

const memberIds: string[] = [];
for (let i = 0; i < memberCount; i++) {
  const phone = `139${String(i).padStart(8, '0')}`;
  const member = await createMember(db, shop.merchantId, phone);
  await wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId: member.id,
    amountFen: 10_000_000,
    idempotencyKey: `bench-top-${i}`,
    channel: 'till',
    reason: 'bench float',
  });
  memberIds.push(member.id);
}

const charge = (i: number): ChargeInput & { idempotencyKey: string } => ({
  merchantId: shop.merchantId,
  storeId: shop.storeIds[0],
  deviceId: null,
  memberId: memberIds[i % memberIds.length]!,
  faceSessionId: null,
  amountFen: 100 + (i % 50),
  items: [
    {
      productId: randomUUID(),
      name: 'Duck neck',
      quantity: 1,
      unitPriceFen: 150,
      memberPriceFen: null,
      lineTotalFen: 100 + (i % 50),
    },
  ],
  verification: 'face+pin',
  idempotencyKey: `bench-pay-${i}`,
});

const latencies: number[] = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await payments.pay(charge(i));
      latencies.push(performance.now() - t0);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
const consistency = await ledger.inconsistencies(shop.merchantId);
console.log(
  JSON.stringify({
    database: database.kind,
    payments: total,
    members: memberCount,
    concurrency,
    seconds: Number(seconds.toFixed(2)),
    paymentsPerSecond: Math.round(total / seconds),
    latencyMs: { p50: Number(pct(50)), p95: Number(pct(95)), p99: Number(pct(99)) },
    ledgerConsistent: consistency.accounts.length === 0 && consistency.transactions.length === 0,
  }),
);
await database.close();
