import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { StaffActor } from '../../platform/actors.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';
import type { ChargeInput } from './payment.service.ts';
import { createMember, updateSettings } from '../../../test/fixtures.ts';
import { LedgerRepository } from '../../../test/repositories.ts';

let ctx: TestContext;
let shop: TestMerchant;
let admin: StaffActor;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'ledger');
  await updateSettings(ctx.services, shop, { maxPaymentsPerMemberPerHour: 1000 });
  admin = (await ctx.services.auth.login('ledger-admin', 'correct horse battery staple')).staff;
});
after(() => ctx.close());

async function newMember(phone: string): Promise<string> {
  const member = await createMember(ctx.database.db, shop.merchantId, phone);
  return member.id;
}

const charge = (memberId: string, amountFen: number): ChargeInput => ({
  merchantId: shop.merchantId,
  storeId: shop.storeIds[0],
  deviceId: null,
  memberId,
  faceSessionId: null,
  amountFen,
  items: [
    {
      productId: randomUUID(),
      name: 'Duck neck',
      quantity: 1,
      unitPriceFen: amountFen,
      memberPriceFen: null,
      lineTotalFen: amountFen,
    },
  ],
  verification: 'face+pin',
});

async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

test('top-up, payment and refund keep the wallet, revenue and clearing balanced', async () => {
  const memberId = await newMember('13900000001');
  const top = await ctx.services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId,
    amountFen: 5000,
    idempotencyKey: 'top-up-0001',
    channel: 'till',
    reason: 'cash at the till',
  });
  assert.equal(top.balanceFen, 5000);
  const paid = await ctx.services.payments.pay({ ...charge(memberId, 1800), idempotencyKey: 'pay-0000001' });
  assert.equal(paid.balanceFen, 3200);
  const refunded = await ctx.services.payments.refund(admin, {
    merchantId: shop.merchantId,
    paymentId: paid.paymentId,
    amountFen: 800,
    idempotencyKey: 'refund-00001',
  });
  assert.equal(refunded.balanceFen, 4000);
  assert.equal(
    await rejectionCode(
      ctx.services.payments.refund(admin, {
        merchantId: shop.merchantId,
        paymentId: paid.paymentId,
        amountFen: 1001,
        idempotencyKey: 'refund-00002',
      }),
    ),
    'refund_exceeds_payment',
  );
  const wallet = await ctx.services.wallets.view(admin, shop.merchantId, memberId);
  assert.equal(wallet.balanceFen, 4000);
  assert.equal(wallet.verified, true);
  assert.deepEqual(
    wallet.history.map((h) => [h.kind, h.amountFen]),
    [
      ['refund', 800],
      ['payment', -1800],
      ['top_up', 5000],
    ],
  );
});

test('bad amounts, an overdraft and a reused key are refused without touching the ledger', async () => {
  const memberId = await newMember('13900000002');
  await ctx.services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId,
    amountFen: 1000,
    idempotencyKey: 'top-up-0002',
    channel: 'till',
    reason: 'cash at the till',
  });
  for (const amount of [0, -5, 1.5]) {
    assert.equal(
      await rejectionCode(
        ctx.services.payments.pay({ ...charge(memberId, amount), idempotencyKey: `pay-bad-${amount}-x` }),
      ),
      'amount_invalid',
    );
  }
  assert.equal(
    await rejectionCode(ctx.services.payments.pay({ ...charge(memberId, 1001), idempotencyKey: 'pay-overdraft' })),
    'insufficient_funds',
  );
  assert.equal(
    await rejectionCode(ctx.services.payments.pay({ ...charge(memberId, 600_000), idempotencyKey: 'pay-too-much' })),
    'amount_over_limit',
  );
  assert.equal(
    await rejectionCode(ctx.services.payments.pay({ ...charge(memberId, 100), idempotencyKey: 'short' })),
    'idempotency_key_invalid',
  );
  await ctx.services.payments.pay({ ...charge(memberId, 100), idempotencyKey: 'pay-reused-1' });
  assert.equal(
    await rejectionCode(ctx.services.payments.pay({ ...charge(memberId, 200), idempotencyKey: 'pay-reused-1' })),
    'idempotency_key_reused',
  );
  const wallet = await ctx.services.wallets.view(admin, shop.merchantId, memberId);
  assert.equal(wallet.balanceFen, 900);
  assert.equal(wallet.verified, true);
});

test('50 parallel payments and refunds on one wallet, each sent twice: no overdraft, nothing lost or doubled', async () => {
  const memberId = await newMember('13900000003');
  await ctx.services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId,
    amountFen: 10_000,
    idempotencyKey: 'top-up-0003',
    channel: 'till',
    reason: 'cash at the till',
  });
  const seeds = [];
  for (let i = 0; i < 10; i++)
    seeds.push(await ctx.services.payments.pay({ ...charge(memberId, 300), idempotencyKey: `seed-pay-${i}` }));
  // 10,000 − 3,000 leaves 7,000: forty payments of 250 want 10,000, so some must be declined; ten refunds give 1,000 back.
  const operations: Array<() => Promise<unknown>> = [];
  for (let i = 0; i < 40; i++) {
    const request = { ...charge(memberId, 250), idempotencyKey: `burst-pay-${i}` };
    operations.push(
      () => ctx.services.payments.pay(request),
      () => ctx.services.payments.pay(request),
    );
  }
  for (const [i, seed] of seeds.entries()) {
    const request = {
      merchantId: shop.merchantId,
      paymentId: seed.paymentId,
      amountFen: 100,
      idempotencyKey: `burst-refund-${i}`,
    };
    operations.push(
      () => ctx.services.payments.refund(admin, request),
      () => ctx.services.payments.refund(admin, request),
    );
  }
  const outcomes = await Promise.allSettled(operations.map((run) => run()));

  const paymentIds = new Map<string, Set<string>>();
  let declined = 0;
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === 'rejected') {
      assert.ok(outcome.reason instanceof DomainError, String(outcome.reason));
      assert.equal(outcome.reason.code, 'insufficient_funds');
      declined++;
      continue;
    }
    const value = outcome.value as { paymentId: string; refundId?: string };
    const key = i < 80 ? `pay-${Math.floor(i / 2)}` : `refund-${Math.floor((i - 80) / 2)}`;
    paymentIds.set(key, (paymentIds.get(key) ?? new Set()).add(value.refundId ?? value.paymentId));
  }
  for (const [key, ids] of paymentIds) assert.equal(ids.size, 1, `${key}: a retry made a second movement`);
  const refundsDone = [...paymentIds.keys()].filter((k) => k.startsWith('refund-')).length;
  assert.equal(refundsDone, 10);
  const burstPaid = [...paymentIds.keys()].filter((k) => k.startsWith('pay-')).length;
  assert.ok(declined > 0, 'the burst asked for more than the wallet held');

  const db = ctx.database.db;
  const rows = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(rows.n), 10 + burstPaid);
  const wallet = await ctx.services.wallets.view(admin, shop.merchantId, memberId, 500);
  assert.equal(wallet.balanceFen, 10_000 - 3_000 - burstPaid * 250 + 1_000);
  assert.ok(wallet.balanceFen >= 0);
  assert.equal(wallet.verified, true);
  const { accounts, transactions } = await new LedgerRepository(db).inconsistencies(shop.merchantId);
  assert.deepEqual({ accounts, transactions }, { accounts: [], transactions: [] });
  const unbalanced = await sql<{
    n: string;
  }>`select count(*) as n from (select transaction_id from ledger_entries group by transaction_id having sum(amount_fen) <> 0) t`.execute(
    db,
  );
  assert.equal(Number(unbalanced.rows[0]!.n), 0);
});

test('the database refuses an unbalanced transaction whatever code writes it', async () => {
  const db = ctx.database.db;
  const ledger = new LedgerRepository(db);
  const revenue = await ledger.account(shop.merchantId, 'merchant_revenue');
  const before = await ledger.entrySum(shop.merchantId, revenue.id);
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      const txId = randomUUID();
      await trx
        .insertInto('ledger_transactions')
        .values({ merchant_id: shop.merchantId, id: txId, kind: 'payment', reference: 'forged' })
        .execute();
      await trx
        .insertInto('ledger_entries')
        .values({ merchant_id: shop.merchantId, transaction_id: txId, account_id: revenue.id, amount_fen: -999 })
        .execute();
    }),
    /unbalanced/,
  );
  assert.equal(await ledger.entrySum(shop.merchantId, revenue.id), before);
});

test('the settlement report adds up per store', async () => {
  const memberId = await newMember('13900000004');
  await ctx.services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId,
    amountFen: 2000,
    idempotencyKey: 'top-up-0004',
    channel: 'till',
    reason: 'cash at the till',
  });
  const paid = await ctx.services.payments.pay({ ...charge(memberId, 1234), idempotencyKey: 'pay-settle-1' });
  await ctx.services.payments.refund(admin, {
    merchantId: shop.merchantId,
    paymentId: paid.paymentId,
    amountFen: 234,
    idempotencyKey: 'refund-settle-1',
  });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const report = await ctx.services.payments.settlement(admin, shop.merchantId, today);
  assert.equal(report.ledgerConsistent, true);
  assert.equal(report.netFen, report.grossFen - report.refundedFen);
  const store = report.stores.find((s) => s.storeId === shop.storeIds[0])!;
  assert.ok(store.grossFen >= 1234 && store.refundedFen >= 234);
  assert.ok(report.topUpFen >= 2000);
});
