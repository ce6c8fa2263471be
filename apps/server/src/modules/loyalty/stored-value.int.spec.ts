import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../platform/actors.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import { createMember, duckWingsCharge, updateSettings } from '../../../test/fixtures.ts';
import type { SpendingOrder } from './index.ts';

const DAY = 86_400_000;
let ctx: TestContext;
let shop: TestMerchant;
let admin: StaffActor;
let planId: string;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'chuzhi');
  await updateSettings(ctx.services, shop, { maxPaymentsPerMemberPerHour: 1000 });
  admin = (await ctx.services.auth.login('chuzhi-admin', 'correct horse battery staple')).staff;
  planId = (
    await ctx.services.storedValue.createPlan(admin, shop.merchantId, {
      name: '充100送20',
      priceFen: 10_000,
      bonusFen: 2_000,
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 30 * DAY).toISOString(),
      perMemberLimit: 2,
    })
  ).planId;
});
after(() => ctx.close());

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

let phones = 0;
async function newMember(): Promise<string> {
  phones += 1;
  return (await createMember(ctx.database.db, shop.merchantId, `1380000${String(phones).padStart(4, '0')}`)).id;
}

const buy = (memberId: string, idempotencyKey = `buy-${randomUUID()}`, plan = planId) =>
  ctx.services.storedValue.purchase(admin, { merchantId: shop.merchantId, memberId, planId: plan, idempotencyKey });

const holding = (memberId: string) => ctx.services.ledger.storedValue(shop.merchantId, memberId);

const pay = (memberId: string, amountFen: number) =>
  ctx.services.payments.pay({
    ...duckWingsCharge(shop, memberId),
    amountFen,
    items: [{ ...duckWingsCharge(shop, memberId).items[0]!, unitPriceFen: amountFen, lineTotalFen: amountFen }],
    idempotencyKey: `pay-${randomUUID()}`,
  });

async function ledgerConsistent() {
  assert.deepEqual(await ctx.services.ledger.inconsistencies(shop.merchantId), { accounts: [], transactions: [] });
}

test('bad plans are refused with their code and write nothing', async () => {
  const base = {
    name: '充200送50',
    priceFen: 20_000,
    bonusFen: 5_000,
    validFrom: new Date().toISOString(),
    validUntil: new Date(Date.now() + DAY).toISOString(),
    perMemberLimit: 1,
  };
  for (const bad of [
    { bonusFen: 20_001 },
    { priceFen: 0 },
    { priceFen: 10.5 },
    { name: '  ' },
    { perMemberLimit: 0 },
    { validUntil: new Date(Date.now() - DAY).toISOString() },
    { validFrom: 'not a date' },
  ])
    assert.equal(
      await codeOf(ctx.services.storedValue.createPlan(admin, shop.merchantId, { ...base, ...bad })),
      'plan_invalid',
      JSON.stringify(bad),
    );
  const byRoute = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${shop.merchantId}/stored-value-plans`,
    headers: { authorization: await login(ctx.app, 'chuzhi-admin') },
    payload: { ...base, bonusFen: -1 },
  });
  assertError(byRoute, 400, 'invalid_request');
  assert.deepEqual(
    (await ctx.services.storedValue.listPlans(admin, shop.merchantId)).map((p) => p.name),
    ['充100送20'],
  );
});

test('buying a plan puts principal and bonus on their own accounts, once per key; the per-member limit holds under concurrent purchases', async () => {
  const memberId = await newMember();
  const first = await buy(memberId, 'buy-once-0001');
  assert.equal(first.balanceFen, 12_000);
  assert.deepEqual(await holding(memberId), { principalFen: 10_000, bonusFen: 2_000 });
  const retried = await buy(memberId, 'buy-once-0001');
  assert.equal(retried.purchaseId, first.purchaseId);
  assert.equal(await codeOf(buy(memberId, 'buy-once-0001', randomUUID())), 'idempotency_key_reused');

  const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => buy(memberId)));
  assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1, 'the limit is 2: one more');
  for (const o of outcomes)
    if (o.status === 'rejected') assert.equal((o.reason as DomainError).code, 'plan_limit_reached');
  assert.deepEqual(await holding(memberId), { principalFen: 20_000, bonusFen: 4_000 });
  const card = await ctx.services.memberCards.cardOf(admin, shop.merchantId, memberId);
  assert.deepEqual(card.storedValue, { principalFen: 20_000, bonusFen: 4_000, totalFen: 24_000 });

  assert.equal(await codeOf(buy(memberId, undefined, randomUUID())), 'plan_not_found');
  assert.equal(await codeOf(buy(randomUUID())), 'member_not_found');
  const later = await ctx.services.storedValue.createPlan(admin, shop.merchantId, {
    name: '国庆充值',
    priceFen: 5_000,
    bonusFen: 500,
    validFrom: new Date(Date.now() + 10 * DAY).toISOString(),
    validUntil: new Date(Date.now() + 20 * DAY).toISOString(),
    perMemberLimit: 1,
  });
  assert.equal(await codeOf(buy(memberId, undefined, later.planId)), 'plan_not_on_sale');
  assert.deepEqual(await holding(memberId), { principalFen: 20_000, bonusFen: 4_000 });
  await ledgerConsistent();
});

test('payments spend principal and bonus in the merchant’s order; a refund gives each back in the payment’s proportion', async () => {
  const cases: Array<[SpendingOrder, number, { principalFen: number; bonusFen: number }]> = [
    ['proportional', 6_000, { principalFen: 5_000, bonusFen: 1_000 }],
    ['principal_first', 11_000, { principalFen: 0, bonusFen: 1_000 }],
    ['bonus_first', 3_000, { principalFen: 9_000, bonusFen: 0 }],
  ];
  for (const [order, amountFen, left] of cases) {
    await ctx.services.loyaltyProgram.setProgram(admin, shop.merchantId, { spending_order: order });
    const memberId = await newMember();
    await buy(memberId);
    const paid = await pay(memberId, amountFen);
    assert.equal(paid.balanceFen, left.principalFen, order);
    assert.deepEqual(await holding(memberId), left, order);
    const wallet = await ctx.services.wallets.view(admin, shop.merchantId, memberId);
    assert.deepEqual([wallet.balanceFen, wallet.bonusFen], [left.principalFen, left.bonusFen], order);
  }

  await ctx.services.loyaltyProgram.setProgram(admin, shop.merchantId, { spending_order: 'proportional' });
  const memberId = await newMember();
  await buy(memberId);
  assert.equal(await codeOf(pay(memberId, 12_001)), 'insufficient_funds');
  assert.deepEqual(await holding(memberId), { principalFen: 10_000, bonusFen: 2_000 }, 'nothing written');
  const paid = await pay(memberId, 12_000);
  assert.deepEqual(await holding(memberId), { principalFen: 0, bonusFen: 0 });
  await ctx.services.payments.refund(admin, {
    merchantId: shop.merchantId,
    paymentId: paid.paymentId,
    amountFen: 6_000,
    idempotencyKey: `refund-${randomUUID()}`,
  });
  assert.deepEqual(await holding(memberId), { principalFen: 5_000, bonusFen: 1_000 });
  await ledgerConsistent();
});

test('refunding a plan pays back the unspent principal and forfeits the bonus left (充100送20, 60 yuan spent: 50 back, 10 forfeited)', async () => {
  await ctx.services.loyaltyProgram.setProgram(admin, shop.merchantId, { spending_order: 'proportional' });
  const memberId = await newMember();
  const bought = await buy(memberId);
  await pay(memberId, 6_000);
  const refund = (reason = 'member moved away', idempotencyKey = `plan-refund-${randomUUID()}`) =>
    ctx.services.storedValue.refund(admin, {
      merchantId: shop.merchantId,
      memberId,
      purchaseId: bought.purchaseId,
      reason,
      idempotencyKey,
    });
  assert.equal(await codeOf(refund('  ')), 'reason_required');
  assert.equal(
    await codeOf(
      ctx.services.storedValue.refund(admin, {
        merchantId: shop.merchantId,
        memberId,
        purchaseId: randomUUID(),
        reason: 'x',
        idempotencyKey: `plan-refund-${randomUUID()}`,
      }),
    ),
    'purchase_not_found',
  );
  const report = await ctx.services.storedValue.report(admin, shop.merchantId);
  const done = await refund('member moved away', 'plan-refund-0001');
  assert.deepEqual(
    { refundFen: done.refundFen, forfeitFen: done.forfeitFen, spentFen: done.spentFen },
    { refundFen: 5_000, forfeitFen: 1_000, spentFen: 6_000 },
  );
  assert.deepEqual(await holding(memberId), { principalFen: 0, bonusFen: 0 });
  assert.equal((await refund('member moved away', 'plan-refund-0001')).transactionId, done.transactionId);
  assert.equal(await codeOf(refund()), 'purchase_already_refunded');

  const after = await ctx.services.storedValue.report(admin, shop.merchantId);
  assert.equal(after.principalOutstandingFen, report.principalOutstandingFen - 5_000);
  assert.equal(after.bonusOutstandingFen, report.bonusOutstandingFen - 1_000);
  const members = await ctx.database.db
    .selectFrom('members')
    .select('id')
    .where('merchant_id', '=', shop.merchantId)
    .execute();
  let principal = 0;
  let bonus = 0;
  for (const m of members) {
    const h = await holding(m.id);
    principal += h.principalFen;
    bonus += h.bonusFen;
  }
  assert.deepEqual(
    { principal: after.principalOutstandingFen, bonus: after.bonusOutstandingFen },
    { principal, bonus },
    'the deferred revenue is what members hold',
  );
  const plan = after.plans.find((p) => p.planId === planId)!;
  assert.ok(plan.principalRefundedFen >= 5_000 && plan.bonusForfeitedFen >= 1_000);
  const byRoute = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/stored-value/report`,
    headers: { authorization: await login(ctx.app, 'chuzhi-admin') },
  });
  assert.equal(byRoute.statusCode, 200, byRoute.body);
  assert.deepEqual(byRoute.json(), after);
  await ledgerConsistent();
});

test('the member app lists the plans on sale now, of its own merchant only; staff calls stay closed to members', async () => {
  const phone = '13800009901';
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'chuzhi', phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'chuzhi', phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  assert.equal(registered.statusCode, 200, registered.body);
  const authorization = `Bearer ${registered.json().token}`;

  const soon = await ctx.services.storedValue.createPlan(admin, shop.merchantId, {
    name: '下月充300送90',
    priceFen: 30_000,
    bonusFen: 9_000,
    validFrom: new Date(Date.now() + DAY).toISOString(),
    validUntil: new Date(Date.now() + 60 * DAY).toISOString(),
    perMemberLimit: 1,
  });
  // A plan whose sale ended (plans cannot be created already over, so it is written as time would leave it).
  await ctx.database.db
    .insertInto('stored_value_plans')
    .values({
      merchant_id: shop.merchantId,
      id: randomUUID(),
      name: '去年充50送5',
      price_fen: 5_000,
      bonus_fen: 500,
      valid_from: new Date(Date.now() - 400 * DAY),
      valid_until: new Date(Date.now() - 35 * DAY),
      per_member_limit: 1,
      created_at: new Date(Date.now() - 400 * DAY),
    })
    .execute();
  const other = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'chuzhi-other');
  const otherAdmin = (await ctx.services.auth.login('chuzhi-other-admin', 'correct horse battery staple')).staff;
  await ctx.services.storedValue.createPlan(otherAdmin, other.merchantId, {
    name: '别家充100送30',
    priceFen: 10_000,
    bonusFen: 3_000,
    validFrom: new Date(Date.now() - DAY).toISOString(),
    validUntil: new Date(Date.now() + DAY).toISOString(),
    perMemberLimit: 1,
  });

  const onSale = await ctx.app.inject({
    method: 'GET',
    url: '/v1/member/loyalty/stored-value-plans',
    headers: { authorization },
  });
  assert.equal(onSale.statusCode, 200, onSale.body);
  const names = (onSale.json().plans as Array<{ name: string; priceFen: number; bonusFen: number }>).map((p) => p.name);
  assert.ok(names.includes('充100送20'), names.join());
  for (const hidden of [soon.name, '去年充50送5', '别家充100送30']) assert.ok(!names.includes(hidden), hidden);
  assert.ok(
    (await ctx.services.storedValue.listPlans(admin, shop.merchantId)).some((p) => p.name === soon.name),
    'staff still see plans not yet on sale',
  );

  assertError(
    await ctx.app.inject({ method: 'GET', url: '/v1/member/loyalty/stored-value-plans' }),
    401,
    'member_session_missing',
  );
  const asStaff = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/stored-value-plans`,
    headers: { authorization },
  });
  assert.equal(asStaff.statusCode, 401, asStaff.body);
});
