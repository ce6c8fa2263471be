import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { assertError } from '../../../test/assertions.ts';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import {
  createPromotion,
  createTemplate,
  payFaceSession,
  payingMember,
  pricedSession,
  promotionShop,
  type PromotionShop,
} from '../../../test/promotion-fixtures.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import type { PricingContext } from '../checkout/index.ts';

/**
 * Budgets and limits hold however many payments arrive at once: each is decided on the promotion's locked row (or the
 * coupon's conditional update) inside the payment's transaction, so exactly what the budget allows is paid and the
 * rest are refused with nothing written.
 */
let ctx: TestContext;

before(async () => {
  ctx = await createTestApp();
});
after(() => ctx.close());

const cartOf = (s: PromotionShop) => [{ productId: s.duck, quantity: 2 }];

async function usages(s: PromotionShop, promotionId: string) {
  return ctx.database.db
    .selectFrom('promotion_usages')
    .selectAll()
    .where('merchant_id', '=', s.shop.merchantId)
    .where('promotion_id', '=', promotionId)
    .execute();
}

async function paymentsOf(s: PromotionShop) {
  return ctx.database.db
    .selectFrom('payments')
    .select(['id', 'amount_fen'])
    .where('merchant_id', '=', s.shop.merchantId)
    .execute();
}

test('100 face payments at once against a budget of 10 uses: exactly 10 are paid, 90 refused with nothing written', async () => {
  const s = await promotionShop(ctx, 'budget-uses');
  const { promotionId } = await createPromotion(ctx, s, {
    name: '前10单立减',
    rules: { minCartFen: 1000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 500 },
    budget: { kind: 'uses', limit: 10 },
  });
  const members = await Promise.all(Array.from({ length: 10 }, () => payingMember(ctx, s)));
  const sessions = [];
  for (let i = 0; i < 100; i++) sessions.push(await pricedSession(ctx, s, members[i % 10]!, cartOf(s)));
  assert.ok(sessions.every((session) => session.amountFen === 5000 - 500));

  const responses = await Promise.all(sessions.map((session) => payFaceSession(ctx, s, session.sessionId)));
  const paid = responses.filter((r) => r.statusCode === 201);
  assert.equal(paid.length, 10, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  for (const refused of responses.filter((r) => r.statusCode !== 201))
    assertError(refused, 409, 'promotion_unavailable');

  const rows = await usages(s, promotionId);
  assert.equal(rows.length, 10);
  assert.deepEqual(new Set(rows.map((r) => r.payment_id)), new Set(paid.map((r) => r.json().paymentId)));
  assert.equal((await paymentsOf(s)).length, 10);
  const promotion = await ctx.database.db
    .selectFrom('promotions')
    .select('budget_used')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', promotionId)
    .executeTakeFirstOrThrow();
  assert.equal(promotion.budget_used, 10);
});

test('a budget in fen: 30 payments of 300 fen off against 1000 fen pay 3 and never pass the budget', async () => {
  const s = await promotionShop(ctx, 'budget-fen');
  const { promotionId } = await createPromotion(ctx, s, {
    name: '立减3元',
    rules: { minCartFen: 1000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 300 },
    budget: { kind: 'fen', limit: 1000 },
  });
  const memberId = await payingMember(ctx, s);
  const sessions = [];
  for (let i = 0; i < 30; i++) sessions.push(await pricedSession(ctx, s, memberId, cartOf(s)));
  const responses = await Promise.all(sessions.map((session) => payFaceSession(ctx, s, session.sessionId)));
  assert.equal(responses.filter((r) => r.statusCode === 201).length, 3);
  const rows = await usages(s, promotionId);
  assert.equal(
    rows.reduce((sum, r) => sum + r.discount_fen, 0),
    900,
  );

  // What is left (100 fen) still goes to the next cart, capped: the budget is spent to the fen and no further.
  const last = await pricedSession(ctx, s, memberId, cartOf(s));
  assert.equal(last.amountFen, 5000 - 100);
  assert.equal((await payFaceSession(ctx, s, last.sessionId)).statusCode, 201);
  const after = await ctx.database.db
    .selectFrom('promotions')
    .select('budget_used')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', promotionId)
    .executeTakeFirstOrThrow();
  assert.equal(after.budget_used, 1000);
  assert.equal((await pricedSession(ctx, s, memberId, cartOf(s))).amountFen, 5000, 'spent: no longer offered');
});

/** Settles a quote of the cart for the member in its own transaction, as a payment does. */
async function settleQuote(s: PromotionShop, memberId: string | null, choices: PricingContext['choices'] = {}) {
  const products = new Map((await ctx.services.catalog.activeProducts(s.shop.merchantId)).map((p) => [p.id, p]));
  const duck = products.get(s.duck)!;
  const context: PricingContext = {
    merchantId: s.shop.merchantId,
    storeId: s.shop.storeIds[0],
    memberId,
    lines: [
      {
        productId: duck.id,
        name: duck.name,
        quantity: 2,
        unitPriceFen: duck.price_fen,
        memberPriceFen: duck.member_price_fen,
        category: duck.category,
      },
    ],
    choices,
  };
  const cart = await ctx.services.pricing.price(context);
  return {
    cart,
    settle: () => ctx.services.transactions.run((trx) => ctx.services.pricing.settle(trx, context, cart, randomUUID())),
  };
}

async function outcomes(attempts: Array<() => Promise<void>>) {
  const results = await Promise.allSettled(attempts.map((attempt) => attempt()));
  const codes = results.map((r) =>
    r.status === 'fulfilled' ? 'ok' : r.reason instanceof DomainError ? r.reason.code : String(r.reason),
  );
  return codes;
}

test('a per-member limit of 1: the same member paying 20 times at once gets it once; another member still can', async () => {
  const s = await promotionShop(ctx, 'per-member');
  const { promotionId } = await createPromotion(ctx, s, {
    name: '每人限1次',
    method: { type: 'percent_off', target: 'order', percentOff: 10 },
    perMemberLimit: 1,
    budget: { kind: 'uses', limit: 100 },
  });
  const memberId = await payingMember(ctx, s);
  const quotes = await Promise.all(Array.from({ length: 20 }, () => settleQuote(s, memberId)));
  assert.ok(quotes.every((q) => q.cart.totalFen === 4500));
  const codes = await outcomes(quotes.map((q) => q.settle));
  assert.equal(codes.filter((c) => c === 'ok').length, 1, codes.join(','));
  assert.ok(
    codes.filter((c) => c !== 'ok').every((c) => c === 'promotion_limit_reached'),
    codes.join(','),
  );
  assert.equal((await usages(s, promotionId)).length, 1);
  // spent by this member: no longer offered to them, still to another; without a member never (the limit needs one)
  assert.equal((await settleQuote(s, memberId)).cart.totalFen, 5000);
  assert.equal((await settleQuote(s, await payingMember(ctx, s))).cart.totalFen, 4500);
  assert.equal((await settleQuote(s, null)).cart.totalFen, 5000);
  // the budget counts the one use: the refused ones rolled back what they raised
  const promotion = await ctx.database.db
    .selectFrom('promotions')
    .select('budget_used')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', promotionId)
    .executeTakeFirstOrThrow();
  assert.equal(promotion.budget_used, 1);
});

test('a daily limit of 5 uses: 40 payments at once, exactly 5 get it', async () => {
  const s = await promotionShop(ctx, 'per-day');
  const { promotionId } = await createPromotion(ctx, s, {
    name: '每天前5单',
    method: { type: 'fixed_off', target: 'order', amountFen: 200 },
    rules: { minCartFen: 200 },
    dailyLimit: 5,
  });
  const members = await Promise.all(Array.from({ length: 8 }, () => payingMember(ctx, s)));
  const quotes = await Promise.all(members.flatMap((m) => Array.from({ length: 5 }, () => settleQuote(s, m))));
  const codes = await outcomes(quotes.map((q) => q.settle));
  assert.equal(codes.filter((c) => c === 'ok').length, 5, codes.join(','));
  assert.equal((await usages(s, promotionId)).length, 5);
});

test('a coupon is redeemed once however many payments race for it', async () => {
  const s = await promotionShop(ctx, 'coupon-race');
  const { templateId } = await createTemplate(ctx, s, {
    name: '5元券',
    rules: { minCartFen: 1000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 500 },
  });
  const memberId = await payingMember(ctx, s);
  const granted = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/coupon-templates/${templateId}/grants`,
    headers: { authorization: s.admin },
    payload: { memberId, reason: 'complaint 1234', idempotencyKey: `grant-${memberId}` },
  });
  assert.equal(granted.statusCode, 201, granted.body);
  const couponId = granted.json().couponId;
  const quotes = await Promise.all(Array.from({ length: 25 }, () => settleQuote(s, memberId)));
  for (const q of quotes) {
    assert.equal(q.cart.totalFen, 4500);
    assert.deepEqual(
      [...new Set(q.cart.adjustments.filter((a) => a.step === 'coupons').map((a) => a.source?.id))],
      [couponId],
    );
  }
  const codes = await outcomes(quotes.map((q) => q.settle));
  assert.equal(codes.filter((c) => c === 'ok').length, 1, codes.join(','));
  assert.ok(
    codes.filter((c) => c !== 'ok').every((c) => c === 'coupon_unavailable'),
    codes.join(','),
  );
  const coupon = await ctx.database.db
    .selectFrom('coupons')
    .selectAll()
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', couponId)
    .executeTakeFirstOrThrow();
  assert.equal(coupon.status, 'redeemed');
  assert.equal(coupon.redeemed_order_fen, 4500);
  assert.equal((await settleQuote(s, memberId)).cart.totalFen, 5000, 'used: no longer in the price');
});
