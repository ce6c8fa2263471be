import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../platform/actors.ts';
import { OutboxDispatcher } from '../../platform/outbox/index.ts';
import { createTestApp, login, type TestContext } from '../../../test/test-app.ts';
import { createPromotion, payingMember, promotionShop, type PromotionShop } from '../../../test/promotion-fixtures.ts';
import type { CartLine, PricedCart, PricingContext } from '../checkout/index.ts';
import { loyaltySubscribers } from './index.ts';

/**
 * Points promotions (双倍积分) on what a payment earns, tier and promotion together, decided for the cart as it was
 * paid; and the kiosk greeting's points outlook, which must agree with what the payment then earns and with what the
 * pricing pipeline's points step takes off.
 *
 * The shop: 鸭脖 2800 (member price 2500, `snacks`), cola 350 (`drinks`). The clock stands on a Saturday noon, China
 * time, and moves to the Monday after for the weekday rule.
 */
const SATURDAY = new Date('2026-03-07T04:00:00Z');
const MONDAY = new Date('2026-03-09T04:00:00Z');
let clock = SATURDAY;
let ctx: TestContext;
let s: PromotionShop;
let admin: StaffActor;
let dispatcher: OutboxDispatcher;
let weekend: string;

before(async () => {
  ctx = await createTestApp({}, { now: () => clock });
  s = await promotionShop(ctx, 'boost');
  admin = (await ctx.services.auth.login('boost-admin', 'correct horse battery staple')).staff;
  dispatcher = new OutboxDispatcher(ctx.database, { now: () => clock });
  for (const subscriber of loyaltySubscribers({
    cards: ctx.services.memberCards,
    points: ctx.services.points,
    upgrades: ctx.services.tierUpgradeGifts,
  }))
    dispatcher.subscribe(subscriber);
  await dispatcher.register();
  await ctx.services.loyaltyProgram.setProgram(admin, s.shop.merchantId, {
    points_per_yuan: 1,
    points_per_yuan_off: 100,
    max_redeem_percent: 50,
  });
  // Every new card starts 银卡 (threshold 0, points × 1.5); 金卡 is far away.
  await ctx.services.loyaltyProgram.defineTiers(admin, s.shop.merchantId, [
    { name: '银卡', threshold: 0, discount_percent: 0, points_multiplier_percent: 150, birthday_points: 0 },
    { name: '金卡', threshold: 100_000_000, discount_percent: 0, points_multiplier_percent: 200, birthday_points: 0 },
  ]);
  weekend = (
    await createPromotion(ctx, s, {
      name: '周末双倍积分',
      rules: { weekdays: [6, 7] },
      method: { type: 'points_multiplier', multiplier: 2 },
      startsAt: new Date(SATURDAY.getTime() - 86_400_000).toISOString(),
    })
  ).promotionId;
});
after(() => ctx.close());

async function deliver(): Promise<void> {
  while ((await dispatcher.drain()) > 0);
}

async function lines(items: Array<{ productId: string; quantity: number }>): Promise<CartLine[]> {
  const products = new Map((await ctx.services.catalog.activeProducts(s.shop.merchantId)).map((p) => [p.id, p]));
  return items.map(({ productId, quantity }) => {
    const p = products.get(productId)!;
    return {
      productId,
      name: p.name,
      quantity,
      unitPriceFen: p.price_fen,
      memberPriceFen: p.member_price_fen,
      category: p.category,
    };
  });
}

const cartOf = async (memberId: string, choices: PricingContext['choices'] = { couponIds: [] }) => {
  const context: PricingContext = {
    merchantId: s.shop.merchantId,
    storeId: s.shop.storeIds[0],
    memberId,
    at: clock,
    lines: await lines([
      { productId: s.duck, quantity: 2 },
      { productId: s.cola, quantity: 3 },
    ]),
    choices,
  };
  return { context, cart: await ctx.services.pricing.price(context) };
};

/** Pays the priced cart as the kiosk would (its lines as priced), and lets loyalty credit it. */
async function pay(memberId: string, cart: PricedCart): Promise<string> {
  const paid = await ctx.services.payments.pay({
    merchantId: s.shop.merchantId,
    storeId: s.shop.storeIds[0],
    deviceId: null,
    memberId,
    faceSessionId: null,
    amountFen: cart.totalFen,
    items: cart.lines,
    verification: 'face+pin',
    idempotencyKey: `pay-${randomUUID()}`,
  });
  await deliver();
  return paid.paymentId;
}

const history = (memberId: string) => ctx.services.points.history(admin, s.shop.merchantId, memberId);

async function outlookOf(memberId: string, context: PricingContext, cart: PricedCart) {
  return ctx.services.points.outlook({
    merchantId: s.shop.merchantId,
    memberId,
    storeId: context.storeId ?? null,
    at: clock,
    lines: context.lines,
    adjustments: cart.adjustments,
    totalFen: cart.totalFen,
  });
}

test('双倍积分 on a weekend doubles what the tier earns, rounded down once; the history names the promotion', async () => {
  clock = SATURDAY;
  const memberId = await payingMember(ctx, s);
  await ctx.services.memberCards.ensure(s.shop.merchantId, memberId);
  const { cart } = await cartOf(memberId);
  assert.equal(cart.totalFen, 6050);
  const paymentId = await pay(memberId, cart);
  // 60.50 yuan × 1 point × 1.5 (银卡) × 2 (weekend) = 181.5 → 181
  const earned = await history(memberId);
  assert.equal(earned.balance, 181);
  assert.deepEqual(earned.history[0]!.boost, { promotionId: weekend, label: '周末双倍积分', multiplier: 2 });
  const row = await ctx.database.db
    .selectFrom('loyalty_payments')
    .select(['points_earned', 'boost_promotion_id', 'boost_percent', 'boosted_fen'])
    .where('merchant_id', '=', s.shop.merchantId)
    .where('payment_id', '=', paymentId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { points_earned: 181, boost_promotion_id: weekend, boost_percent: 200, boosted_fen: 6050 });

  // Delivered again: nothing more.
  assert.equal(
    await ctx.services.points.earnOnPayment({
      merchantId: s.shop.merchantId,
      paymentId,
      memberId,
      amountFen: cart.totalFen,
      paidAt: clock,
      storeId: s.shop.storeIds[0],
      lines: [],
    }),
    null,
  );
  assert.equal((await history(memberId)).balance, 181);

  // On Monday the weekend promotion does not run: the tier alone, and no label.
  clock = MONDAY;
  const monday = (await cartOf(memberId)).cart;
  await pay(memberId, monday);
  const after = await history(memberId);
  assert.equal(after.balance, 181 + 90); // 60.50 × 1.5 = 90.75 → 90
  assert.equal(after.history[0]!.boost, null);
});

test('3× points on a category boosts only what was paid for that category; a store or tier it is not for gets none', async () => {
  clock = MONDAY;
  s.admin = await login(ctx.app, 'boost-admin'); // a token of Monday's
  const drinks = await createPromotion(ctx, s, {
    name: '饮料3倍积分',
    rules: { categories: ['drinks'] },
    method: { type: 'points_multiplier', multiplier: 3 },
    startsAt: new Date(MONDAY.getTime() - 3_600_000).toISOString(),
  });
  const memberId = await payingMember(ctx, s);
  await ctx.services.memberCards.ensure(s.shop.merchantId, memberId);
  const { cart } = await cartOf(memberId);
  await pay(memberId, cart);
  // (60.50 + 10.50 × 2 extra) × 1.5 = 122.25 → 122
  assert.equal((await history(memberId)).balance, 122);
  assert.equal((await history(memberId)).history[0]!.boost?.promotionId, drinks.promotionId);

  // Only for the other store, and only for 金卡: this cart at store 0 by a 银卡 earns the tier's points.
  await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${drinks.promotionId}/pause`,
    headers: { authorization: s.admin },
  });
  const storeOnly = await createPromotion(ctx, s, {
    name: '二店双倍',
    rules: { storeIds: [s.shop.storeIds[1]] },
    method: { type: 'points_multiplier', multiplier: 2 },
    startsAt: new Date(MONDAY.getTime() - 3_600_000).toISOString(),
  });
  const goldOnly = await createPromotion(ctx, s, {
    name: '金卡双倍',
    rules: { memberTiers: ['金卡'] },
    method: { type: 'points_multiplier', multiplier: 2 },
    startsAt: new Date(MONDAY.getTime() - 3_600_000).toISOString(),
  });
  await pay(memberId, (await cartOf(memberId)).cart);
  const after = await history(memberId);
  assert.equal(after.balance, 122 + 90);
  assert.equal(after.history[0]!.boost, null);
  for (const id of [storeOnly.promotionId, goldOnly.promotionId])
    await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${s.shop.merchantId}/promotions/${id}/pause`,
      headers: { authorization: s.admin },
    });
});

test('a tier that earns nothing earns nothing under 双倍积分 either (never negative)', async () => {
  clock = SATURDAY;
  await ctx.services.loyaltyProgram.defineTiers(admin, s.shop.merchantId, [
    { name: '体验', threshold: 0, discount_percent: 0, points_multiplier_percent: 0, birthday_points: 0 },
  ]);
  try {
    const memberId = await payingMember(ctx, s);
    await ctx.services.memberCards.ensure(s.shop.merchantId, memberId);
    const { context, cart } = await cartOf(memberId);
    assert.equal((await outlookOf(memberId, context, cart)).toEarn, 0);
    await pay(memberId, cart);
    assert.equal((await history(memberId)).balance, 0);
  } finally {
    await ctx.services.loyaltyProgram.defineTiers(admin, s.shop.merchantId, [
      { name: '银卡', threshold: 0, discount_percent: 0, points_multiplier_percent: 150, birthday_points: 0 },
      { name: '金卡', threshold: 100_000_000, discount_percent: 0, points_multiplier_percent: 200, birthday_points: 0 },
    ]);
  }
});

test('the outlook: what it says the payment earns is what the payment earns', async () => {
  for (const at of [SATURDAY, MONDAY]) {
    clock = at;
    const memberId = await payingMember(ctx, s);
    await ctx.services.memberCards.ensure(s.shop.merchantId, memberId);
    const { context, cart } = await cartOf(memberId);
    const outlook = await outlookOf(memberId, context, cart);
    const before = (await history(memberId)).balance;
    assert.equal(outlook.balance, before);
    await pay(memberId, cart);
    assert.equal((await history(memberId)).balance - before, outlook.toEarn, `at ${at.toISOString()}`);
  }
});

test('the outlook: the most points redeemable, redeemed through the pipeline, are accepted and take off what they should', async () => {
  clock = SATURDAY;
  const memberId = await payingMember(ctx, s);
  await ctx.services.points.adjust(admin, {
    merchantId: s.shop.merchantId,
    memberId,
    points: 5_000,
    reason: 'welcome points',
    idempotencyKey: `adjust-${randomUUID()}`,
  });
  const { context, cart } = await cartOf(memberId);
  const outlook = await outlookOf(memberId, context, cart);
  // 50 % of 60.50 yuan at 100 points a yuan: 3025 points for 30.25 yuan; the balance (5000) is more.
  assert.deepEqual(outlook, {
    balance: 5_000,
    toEarn: 181,
    maxRedeemPoints: 3_025,
    pointsPerYuanOff: 100,
    redeemedPoints: 0,
  });

  const redeeming = await cartOf(memberId, { couponIds: [], redeemPoints: outlook.maxRedeemPoints });
  const off = redeeming.cart.adjustments.filter((a) => a.step === 'points_redemption');
  assert.equal(
    off.reduce((sum, a) => sum + a.amountFen, 0),
    -3_025,
  );
  assert.equal(redeeming.cart.totalFen, 6050 - 3_025);
  // Asking for more takes off no more: the cap is the cap.
  const greedy = await cartOf(memberId, { couponIds: [], redeemPoints: outlook.maxRedeemPoints + 500 });
  assert.equal(greedy.cart.totalFen, redeeming.cart.totalFen);

  // The cart that redeems them: the outlook counts them, keeps the same most, and earns on what is left to pay.
  const again = await outlookOf(memberId, redeeming.context, redeeming.cart);
  assert.equal(again.redeemedPoints, 3_025);
  assert.equal(again.maxRedeemPoints, 3_025);
  assert.equal(again.toEarn, 90); // 30.25 yuan × 1.5 × 2 = 90.75 → 90

  // Paid: the points step spends them (accepted), and the payment earns what the outlook said.
  const paid = await ctx.services.transactions.run(async (trx) => {
    const charged = await ctx.services.payments.charge(trx, {
      merchantId: s.shop.merchantId,
      storeId: s.shop.storeIds[0],
      deviceId: null,
      memberId,
      faceSessionId: null,
      amountFen: redeeming.cart.totalFen,
      items: redeeming.cart.lines,
      verification: 'face+pin',
    });
    await ctx.services.pricing.settle(trx, redeeming.context, redeeming.cart, charged.paymentId);
    return charged;
  });
  await deliver();
  const after = await history(memberId);
  assert.equal(after.balance, 5_000 - 3_025 + again.toEarn);
  assert.deepEqual(
    after.history.slice(0, 2).map((h) => [h.kind, h.points, h.reference]),
    [
      ['points_earn', 90, `points_earn:${paid.paymentId}`],
      ['points_redeem', -3_025, `points_redeem:${paid.paymentId}`],
    ],
  );
});

test('the outlook of a member with no card and no points: nothing to redeem, the programme’s rate', async () => {
  clock = MONDAY;
  const memberId = await payingMember(ctx, s);
  const { context, cart } = await cartOf(memberId);
  const outlook = await outlookOf(memberId, context, cart);
  assert.deepEqual(outlook, {
    balance: 0,
    toEarn: 90, // no card yet: the payment makes one at 银卡 (threshold 0), 60.50 yuan × 1.5
    maxRedeemPoints: 0,
    pointsPerYuanOff: 100,
    redeemedPoints: 0,
  });
  await pay(memberId, cart);
  assert.equal((await history(memberId)).balance, outlook.toEarn);
});
