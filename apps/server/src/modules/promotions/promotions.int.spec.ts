import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError } from '../../../test/assertions.ts';
import { createTestApp, login, type TestContext } from '../../../test/test-app.ts';
import {
  createPromotion,
  kioskQuote,
  payFaceSession,
  payingMember,
  pricedSession,
  promotionShop,
  type PromotionShop,
} from '../../../test/promotion-fixtures.ts';

/**
 * Promotions as staff set them up and a till sees them: each application method on one cart, stacking and the
 * exclusive order, the staff's routes (schedule, pause, resume, list with usage), and bad input refused with its
 * code and nothing written.
 *
 * The cart: 2 × 鸭脖 (2800, member price 2500, `snacks`) and 3 × cola (350, `drinks`): 5000 + 1050 = 6050 after the
 * member price.
 */
let ctx: TestContext;
let s: PromotionShop;
let cart: Array<{ productId: string; quantity: number }>;

before(async () => {
  ctx = await createTestApp();
  s = await promotionShop(ctx, 'promo');
  cart = [
    { productId: s.duck, quantity: 2 },
    { productId: s.cola, quantity: 3 },
  ];
});
after(() => ctx.close());

async function pause(promotionId: string) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${promotionId}/pause`,
    headers: { authorization: s.admin },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

async function quoteTotal() {
  const response = await kioskQuote(ctx, s, { items: cart });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as {
    totalFen: number;
    subtotalFen: number;
    discountFen: number;
    adjustments: Array<{
      step: string;
      productId: string;
      amountFen: number;
      label?: string;
      source?: { kind: string; id: string };
    }>;
  };
}

test('without promotions the quote is the member price', async () => {
  const quote = await quoteTotal();
  assert.equal(quote.subtotalFen, 2 * 2800 + 3 * 350);
  assert.equal(quote.totalFen, 6050);
  assert.deepEqual(
    quote.adjustments.map((a) => [a.step, a.amountFen]),
    [['member_price', -600]],
  );
});

const methods: Array<{ name: string; body: Record<string, unknown>; total: number; lines: Record<string, number> }> =
  [];
test('each application method, quoted by a kiosk, with its label and source on every adjustment', async (t) => {
  const cases = [
    {
      name: '零食9折',
      body: { rules: { categories: ['snacks'] }, method: { type: 'percent_off', target: 'items', percentOff: 10 } },
      total: 5550,
      lines: { [s.duck]: -500 },
    },
    {
      name: '满30立减5元',
      body: { rules: { minCartFen: 3000 }, method: { type: 'fixed_off', target: 'order', amountFen: 500 } },
      total: 5550,
      // 500 × 5000/6050 = 413.2 and × 1050/6050 = 86.8: 413 + 86, the fen left on the larger line
      lines: { [s.duck]: -414, [s.cola]: -86 },
    },
    {
      name: '满50减5 满100减15',
      body: {
        method: {
          type: 'threshold_off',
          tiers: [
            { thresholdFen: 5000, offFen: 500 },
            { thresholdFen: 10000, offFen: 1500 },
          ],
        },
      },
      total: 5550,
      lines: { [s.duck]: -414, [s.cola]: -86 },
    },
    {
      name: '可乐买2送1',
      body: {
        rules: { productIds: [s.cola] },
        method: { type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, percentOff: 100 },
      },
      total: 5700,
      lines: { [s.cola]: -350 },
    },
    {
      name: '可乐特价2元',
      body: { rules: { productIds: [s.cola] }, method: { type: 'special_price', priceFen: 200 } },
      total: 5600,
      lines: { [s.cola]: -450 },
    },
    {
      name: '买鸭脖送可乐',
      body: {
        rules: { productIds: [s.duck], minCartFen: 5000 },
        method: { type: 'free_gift', productId: s.cola, quantity: 1 },
      },
      total: 5700,
      lines: { [s.cola]: -350 },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const { promotionId } = await createPromotion(ctx, s, { name: c.name, ...c.body });
      const quote = await quoteTotal();
      assert.equal(quote.totalFen, c.total);
      const own = quote.adjustments.filter((a) => a.step === 'promotions');
      assert.deepEqual(Object.fromEntries(own.map((a) => [a.productId, a.amountFen])), c.lines);
      for (const a of own) {
        assert.equal(a.label, c.name);
        assert.deepEqual(a.source, { kind: 'promotion', id: promotionId });
      }
      await pause(promotionId);
      methods.push(c);
    });
  }
  assert.equal(methods.length, cases.length);
});

test('a points multiplier changes no price; it boosts the paid lines it targets, the best one alone', async () => {
  const everything = await createPromotion(ctx, s, {
    name: '周末双倍积分',
    method: { type: 'points_multiplier', multiplier: 2 },
  });
  assert.equal((await quoteTotal()).totalFen, 6050);
  const cart = (lines: Array<{ productId: string; category: string | null; quantity: number; paidFen: number }>) => ({
    merchantId: s.shop.merchantId,
    storeId: s.shop.storeIds[0],
    memberId: null,
    memberTier: null,
    at: new Date(),
    lines,
  });
  const paid = cart([
    { productId: s.duck, category: 'snacks', quantity: 2, paidFen: 5000 },
    { productId: s.cola, category: 'drinks', quantity: 3, paidFen: 1050 },
  ]);
  assert.deepEqual(await ctx.services.promotions.pointsBoostFor(paid), {
    promotionId: everything.promotionId,
    label: '周末双倍积分',
    multiplier: 2,
    boostedFen: 6050,
  });
  // 3× on drinks adds 2 × 1050 fen of points, fewer than 2× on everything (1 × 6050): the double stays.
  const drinks = await createPromotion(ctx, s, {
    name: '饮料3倍积分',
    rules: { categories: ['drinks'] },
    method: { type: 'points_multiplier', multiplier: 3 },
  });
  assert.equal((await ctx.services.promotions.pointsBoostFor(paid)).promotionId, everything.promotionId);
  await pause(everything.promotionId);
  assert.deepEqual(await ctx.services.promotions.pointsBoostFor(paid), {
    promotionId: drinks.promotionId,
    label: '饮料3倍积分',
    multiplier: 3,
    boostedFen: 1050,
  });
  // A line paid in full by other discounts (0 fen) is not boosted; a cart without drinks gets nothing.
  const none = { promotionId: null, label: null, multiplier: 1, boostedFen: 0 };
  assert.deepEqual(
    await ctx.services.promotions.pointsBoostFor(
      cart([
        { productId: s.duck, category: 'snacks', quantity: 2, paidFen: 5000 },
        { productId: s.cola, category: 'drinks', quantity: 3, paidFen: 0 },
      ]),
    ),
    none,
  );
  // Store-targeted: another store's cart is not boosted.
  const storeOnly = await createPromotion(ctx, s, {
    name: '一店1.5倍',
    rules: { storeIds: [s.shop.storeIds[1]] },
    method: { type: 'points_multiplier', multiplier: 1.5 },
  });
  await pause(drinks.promotionId);
  assert.deepEqual(await ctx.services.promotions.pointsBoostFor(paid), none);
  assert.equal(
    (await ctx.services.promotions.pointsBoostFor({ ...paid, storeId: s.shop.storeIds[1] })).promotionId,
    storeOnly.promotionId,
  );
  await pause(storeOnly.promotionId);
});

test('a points multiplier takes no budget or use limits, and at most hundredths; refused, nothing is written', async () => {
  const count = async () =>
    (await ctx.database.db.selectFrom('promotions').select('id').where('merchant_id', '=', s.shop.merchantId).execute())
      .length;
  const before = await count();
  for (const extra of [
    { budget: { kind: 'uses', limit: 10 } },
    { perMemberLimit: 1 },
    { perMemberDailyLimit: 1 },
    { dailyLimit: 5 },
  ]) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${s.shop.merchantId}/promotions`,
      headers: { authorization: s.admin },
      payload: {
        name: '限量双倍',
        startsAt: new Date().toISOString(),
        method: { type: 'points_multiplier', multiplier: 2 },
        ...extra,
      },
    });
    assertError(response, 400, 'promotion_invalid');
    assert.equal(response.json().error.details.field, Object.keys(extra)[0]);
  }
  const finer = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/promotions`,
    headers: { authorization: s.admin },
    payload: {
      name: '1.255倍',
      startsAt: new Date().toISOString(),
      method: { type: 'points_multiplier', multiplier: 1.255 },
    },
  });
  assertError(finer, 400, 'promotion_invalid');
  assert.equal(await count(), before);
});

test('stacking: exclusive ones by priority, then the larger discount, then the older; stackable ones together', async () => {
  const tenOff = await createPromotion(ctx, s, {
    name: '全场9折',
    stacking: 'exclusive',
    method: { type: 'percent_off', target: 'order', percentOff: 10 },
  });
  const twentyOff = await createPromotion(ctx, s, {
    name: '全场8折',
    stacking: 'exclusive',
    method: { type: 'percent_off', target: 'order', percentOff: 20 },
  });
  let quote = await quoteTotal();
  assert.deepEqual(
    [...new Set(quote.adjustments.filter((a) => a.step === 'promotions').map((a) => a.label))],
    ['全场8折'],
  );
  assert.equal(quote.totalFen, 6050 - 1210);

  const vip = await createPromotion(ctx, s, {
    name: '店庆95折',
    stacking: 'exclusive',
    priority: 10,
    method: { type: 'percent_off', target: 'order', percentOff: 5 },
  });
  quote = await quoteTotal();
  assert.deepEqual(
    [...new Set(quote.adjustments.filter((a) => a.step === 'promotions').map((a) => a.label))],
    ['店庆95折'],
  );
  assert.equal(quote.totalFen, 6050 - 302);

  // A stackable promotion above every exclusive one: the stackable ones apply together, the exclusive ones do not.
  const colaDeal = await createPromotion(ctx, s, {
    name: '可乐特价2元',
    priority: 21,
    rules: { productIds: [s.cola] },
    method: { type: 'special_price', priceFen: 200 },
  });
  const orderOff = await createPromotion(ctx, s, {
    name: '满50减5',
    priority: 20,
    method: { type: 'threshold_off', tiers: [{ thresholdFen: 5000, offFen: 500 }] },
  });
  quote = await quoteTotal();
  const labels = quote.adjustments.filter((a) => a.step === 'promotions').map((a) => a.label);
  assert.deepEqual([...new Set(labels)].sort(), ['可乐特价2元', '满50减5'].sort());
  // the cola at 200 (−450), then 满50减5 on 5000 + 600 = 5600
  assert.equal(quote.totalFen, 6050 - 450 - 500);
  for (const p of [tenOff, twentyOff, vip, colaDeal, orderOff]) await pause(p.promotionId);
});

test('a promotion for one store: the kiosk of another store does not get it; staff quote for the store that does', async () => {
  const { promotionId } = await createPromotion(ctx, s, {
    name: '二店专享',
    rules: { storeIds: [s.shop.storeIds[1]], minCartFen: 1000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 1000 },
  });
  assert.equal((await quoteTotal()).totalFen, 6050);
  const staffQuote = (storeId: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${s.shop.merchantId}/quotes`,
      headers: { authorization: s.admin },
      payload: { items: cart, storeId },
    });
  assert.equal((await staffQuote(s.shop.storeIds[1])).json().totalFen, 5050);
  assert.equal((await staffQuote(s.shop.storeIds[0])).json().totalFen, 6050);
  const manager = await login(ctx.app, 'promo-manager');
  const elsewhere = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/quotes`,
    headers: { authorization: manager },
    payload: { items: cart, storeId: s.shop.storeIds[1] },
  });
  assertError(elsewhere, 403, 'forbidden');
  await pause(promotionId);
});

test('schedule, pause and resume: carts see a promotion only while it runs', async () => {
  const { promotionId } = await createPromotion(ctx, s, {
    name: '早餐时段',
    method: { type: 'fixed_off', target: 'order', amountFen: 100 },
    rules: { minCartFen: 100 },
  });
  assert.equal((await quoteTotal()).totalFen, 5950);
  const schedule = await ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${promotionId}/schedule`,
    headers: { authorization: s.admin },
    payload: { startsAt: new Date(Date.now() + 3_600_000).toISOString(), endsAt: null },
  });
  assert.equal(schedule.statusCode, 200, schedule.body);
  assert.equal(schedule.json().state, 'scheduled');
  assert.equal((await quoteTotal()).totalFen, 6050);
  await ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${promotionId}/schedule`,
    headers: { authorization: s.admin },
    payload: {
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
  assert.equal((await quoteTotal()).totalFen, 5950);
  assert.equal((await pause(promotionId)).state, 'paused');
  assert.equal((await quoteTotal()).totalFen, 6050);
  const resumed = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${promotionId}/resume`,
    headers: { authorization: s.admin },
  });
  assert.equal(resumed.json().state, 'running');
  assert.equal((await quoteTotal()).totalFen, 5950);
  await pause(promotionId);
});

test('a face payment spends the promotion its price used; the list shows live usage and budget', async () => {
  const { promotionId } = await createPromotion(ctx, s, {
    name: '限量立减',
    rules: { minCartFen: 1000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 300 },
    budget: { kind: 'uses', limit: 5 },
  });
  const memberId = await payingMember(ctx, s);
  const { sessionId, amountFen } = await pricedSession(ctx, s, memberId, cart);
  assert.equal(amountFen, 6050 - 300);
  const paid = await payFaceSession(ctx, s, sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 5750);
  const list = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${s.shop.merchantId}/promotions?status=active`,
    headers: { authorization: s.admin },
  });
  const row = list.json().promotions.find((p: { promotionId: string }) => p.promotionId === promotionId);
  assert.deepEqual(
    { uses: row.uses, discountFen: row.discountFen, budget: row.budget, state: row.state },
    { uses: 1, discountFen: 300, budget: { kind: 'uses', limit: 5, used: 1, left: 4 }, state: 'running' },
  );
  const usage = await ctx.database.db
    .selectFrom('promotion_usages')
    .selectAll()
    .where('merchant_id', '=', s.shop.merchantId)
    .where('promotion_id', '=', promotionId)
    .execute();
  assert.deepEqual(
    usage.map((u) => [u.payment_id, u.member_id, u.discount_fen]),
    [[paid.json().paymentId, memberId, 300]],
  );

  // Paused after the session was priced: the payment is refused and moves nothing.
  const second = await pricedSession(ctx, s, memberId, cart);
  assert.equal(second.amountFen, 5750);
  await pause(promotionId);
  const refused = await payFaceSession(ctx, s, second.sessionId);
  assertError(refused, 409, 'promotion_unavailable');
  const payments = await ctx.database.db
    .selectFrom('payments')
    .select('id')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('member_id', '=', memberId)
    .execute();
  assert.equal(payments.length, 1);

  // A budget cannot go below what was spent.
  const lowered = await ctx.app.inject({
    method: 'PATCH',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${promotionId}`,
    headers: { authorization: s.admin },
    payload: { budget: { kind: 'uses', limit: 0 } },
  });
  assertError(lowered, 400, 'invalid_request');
  const belowUsed = await ctx.app.inject({
    method: 'PATCH',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/${promotionId}`,
    headers: { authorization: s.admin },
    payload: { budget: { kind: 'fen', limit: 1000 } },
  });
  assertError(belowUsed, 409, 'budget_kind_locked');
});

test('bad input is refused with its code and writes nothing', async () => {
  const count = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('promotions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('merchant_id', '=', s.shop.merchantId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('merchant_id', '=', s.shop.merchantId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = { promotions: await count(), audits: await audits() };
  const create = (payload: Record<string, unknown>, authorization = s.admin) =>
    ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${s.shop.merchantId}/promotions`,
      headers: { authorization },
      payload: { name: 'bad', startsAt: new Date().toISOString(), ...payload },
    });
  // 351 off each unit of anything: cola costs 350
  assertError(
    await create({ method: { type: 'fixed_off', target: 'items', amountFen: 351 } }),
    400,
    'promotion_below_zero',
  );
  assertError(
    await create({ method: { type: 'fixed_off', target: 'order', amountFen: 500 }, rules: { minCartFen: 499 } }),
    400,
    'promotion_below_zero',
  );
  assertError(
    await create({ method: { type: 'threshold_off', tiers: [{ thresholdFen: 500, offFen: 600 }] } }),
    400,
    'promotion_below_zero',
  );
  assertError(
    await create({
      method: {
        type: 'threshold_off',
        tiers: [
          { thresholdFen: 10000, offFen: 1500 },
          { thresholdFen: 5000, offFen: 500 },
        ],
      },
    }),
    400,
    'promotion_invalid',
  );
  assertError(
    await create({ method: { type: 'free_gift', productId: '00000000-0000-4000-8000-000000000000', quantity: 1 } }),
    400,
    'promotion_invalid',
  );
  assertError(
    await create({
      method: { type: 'percent_off', target: 'order', percentOff: 10 },
      endsAt: new Date(Date.now() - 1000).toISOString(),
    }),
    400,
    'schedule_invalid',
  );
  assertError(
    await create({ method: { type: 'percent_off', target: 'order', percentOff: 0 } }),
    400,
    'invalid_request',
  );
  assertError(
    await create({
      method: { type: 'percent_off', target: 'order', percentOff: 10 },
      rules: { hours: { from: '25:00', to: '10:00' } },
    }),
    400,
    'invalid_request',
  );
  assertError(
    await create(
      { method: { type: 'percent_off', target: 'order', percentOff: 10 } },
      await login(ctx.app, 'promo-cashier'),
    ),
    403,
    'forbidden',
  );
  const unknown = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/promotions/00000000-0000-4000-8000-000000000000/pause`,
    headers: { authorization: s.admin },
  });
  assertError(unknown, 404, 'promotion_not_found');
  assert.deepEqual({ promotions: await count(), audits: await audits() }, before);
});

test('quotes: a device quotes for its own merchant; staff by bearer, for a member; bad carts refused', async () => {
  const other = await promotionShop(ctx, 'promo-other');
  const foreign = await kioskQuote(ctx, { ...s, kiosk: other.kiosk }, { items: cart });
  assertError(foreign, 403, 'forbidden');
  assertError(await kioskQuote(ctx, s, { items: [{ productId: other.duck, quantity: 1 }] }), 400, 'product_unknown');
  assertError(
    await kioskQuote(ctx, s, {
      items: [
        { productId: s.duck, quantity: 1 },
        { productId: s.duck, quantity: 2 },
      ],
    }),
    400,
    'cart_invalid',
  );
  assertError(await kioskQuote(ctx, s, { items: [{ productId: s.duck, quantity: 100 }] }), 400, 'invalid_request');
  const staffQuote = (payload: Record<string, unknown>, authorization = s.admin) =>
    ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${s.shop.merchantId}/quotes`,
      headers: { authorization },
      payload,
    });
  assertError(
    await staffQuote({ items: cart, memberId: '00000000-0000-4000-8000-000000000000' }),
    404,
    'member_not_found',
  );
  assertError(
    await staffQuote({ items: cart, couponIds: ['00000000-0000-4000-8000-000000000000'] }),
    400,
    'coupon_not_applicable',
  );
  assertError(await staffQuote({ items: cart }, other.admin), 404, 'merchant_not_found');
  const memberId = await payingMember(ctx, s);
  const quoted = await staffQuote({ items: cart, memberId });
  assert.equal(quoted.statusCode, 200, quoted.body);
  assert.equal(quoted.json().totalFen, 6050);
});
