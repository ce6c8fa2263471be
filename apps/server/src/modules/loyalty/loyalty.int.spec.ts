import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../platform/actors.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import { OutboxDispatcher } from '../../platform/outbox/index.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import { createMember, updateSettings } from '../../../test/fixtures.ts';
import type { ChargeInput } from '../payments/index.ts';
import type { PricingContext } from '../checkout/index.ts';
import { loyaltySubscribers } from './index.ts';
import { isCardNumber } from './member-card.code.ts';

const DAY = 86_400_000;
let clock = new Date();
let ctx: TestContext;
let shop: TestMerchant;
let admin: StaffActor;
let dispatcher: OutboxDispatcher;

before(async () => {
  ctx = await createTestApp({}, { now: () => clock });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'loyal');
  await updateSettings(ctx.services, shop, { maxPaymentsPerMemberPerHour: 1000 });
  admin = (await ctx.services.auth.login('loyal-admin', 'correct horse battery staple')).staff;
  dispatcher = new OutboxDispatcher(ctx.database, { now: () => clock });
  for (const subscriber of loyaltySubscribers({
    cards: ctx.services.memberCards,
    points: ctx.services.points,
    upgrades: ctx.services.tierUpgradeGifts,
  }))
    dispatcher.subscribe(subscriber);
  await dispatcher.register();
});
after(() => ctx.close());

async function deliver(): Promise<number> {
  let delivered = 0;
  for (let n = await dispatcher.drain(); n > 0; n = await dispatcher.drain()) delivered += n;
  return delivered;
}

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
  return (await createMember(ctx.database.db, shop.merchantId, `1370000${String(phones).padStart(4, '0')}`)).id;
}

async function fund(memberId: string, amountFen: number) {
  await ctx.services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId,
    amountFen,
    idempotencyKey: `fund-${randomUUID()}`,
    channel: 'till',
    reason: 'cash at the till',
  });
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

const pay = (memberId: string, amountFen: number) =>
  ctx.services.payments.pay({ ...charge(memberId, amountFen), idempotencyKey: `pay-${randomUUID()}` });

const refund = (paymentId: string, amountFen: number) =>
  ctx.services.payments.refund(admin, {
    merchantId: shop.merchantId,
    paymentId,
    amountFen,
    idempotencyKey: `refund-${randomUUID()}`,
  });

const pointsOf = async (memberId: string) =>
  (await ctx.services.points.history(admin, shop.merchantId, memberId)).balance;

const setProgram = (patch: Parameters<typeof ctx.services.loyaltyProgram.setProgram>[2]) =>
  ctx.services.loyaltyProgram.setProgram(admin, shop.merchantId, patch);

async function ledgerConsistent() {
  assert.deepEqual(await ctx.services.ledger.inconsistencies(shop.merchantId), { accounts: [], transactions: [] });
}

test('a card is made when a member registers (once, however often the event comes) and on first need for members from before', async () => {
  const phone = '13600000001';
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'loyal', phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'loyal', phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  assert.equal(registered.statusCode, 200, registered.body);
  const memberId: string = registered.json().member.memberId;
  const authorization = `Bearer ${registered.json().token}`;
  assert.ok((await deliver()) >= 1);
  const card = await ctx.database.db
    .selectFrom('member_cards')
    .selectAll()
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  assert.ok(isCardNumber(card.card_number), card.card_number);
  // Redelivered, and asked for at once many times: still one card, the same number.
  await Promise.all(Array.from({ length: 5 }, () => ctx.services.memberCards.ensure(shop.merchantId, memberId)));
  const cards = await ctx.database.db
    .selectFrom('member_cards')
    .select('card_number')
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', memberId)
    .execute();
  assert.deepEqual(cards, [{ card_number: card.card_number }]);

  const mine = await ctx.app.inject({ method: 'GET', url: '/v1/member/loyalty/card', headers: { authorization } });
  assert.equal(mine.statusCode, 200, mine.body);
  const view = mine.json();
  assert.equal(view.cardNumber.replace(/ /g, ''), card.card_number);
  assert.equal(view.pointsBalance, 0);
  assert.deepEqual(view.storedValue, { principalFen: 0, bonusFen: 0, totalFen: 0 });

  // A member from before cards gets one on first need, with a number of their own.
  const older = await newMember();
  const olderCard = await ctx.services.memberCards.cardOf(admin, shop.merchantId, older);
  assert.notEqual(olderCard.cardNumber, view.cardNumber);
  assert.ok(isCardNumber(olderCard.cardNumber));
  assert.equal(await codeOf(ctx.services.memberCards.cardOf(admin, shop.merchantId, randomUUID())), 'member_not_found');

  // The QR code scans at the till; altered, it is refused; a minute later, it has expired.
  const scan = async (payload: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${shop.merchantId}/loyalty/card-scans`,
      headers: { authorization: await login(ctx.app, 'loyal-admin') },
      payload: { payload },
    });
  const scanned = await scan(view.qr.payload);
  assert.equal(scanned.statusCode, 200, scanned.body);
  assert.equal(scanned.json().memberId, memberId);
  assertError(
    await scan(view.qr.payload.replace(card.card_number, olderCard.cardNumber.replace(/ /g, ''))),
    400,
    'card_qr_invalid',
  );
  assertError(await scan('SLC1.not-a-code'), 400, 'card_qr_invalid');
  clock = new Date(clock.getTime() + 61_000);
  assertError(await scan(view.qr.payload), 410, 'card_qr_expired');
});

test('points are earned once per payment, even when the event is delivered again and again at once', async () => {
  await setProgram({ points_per_yuan: 2 });
  const memberId = await newMember();
  await fund(memberId, 100_000);
  const paid = await pay(memberId, 12_345);
  await deliver();
  assert.equal(await pointsOf(memberId), 246); // 123.45 yuan × 2, rounded down
  const again = await Promise.all(
    Array.from({ length: 10 }, () =>
      ctx.services.points.earnOnPayment({
        merchantId: shop.merchantId,
        paymentId: paid.paymentId,
        memberId,
        amountFen: 12_345,
        paidAt: clock,
      }),
    ),
  );
  assert.deepEqual(again, Array(10).fill(null));
  assert.equal(await pointsOf(memberId), 246);
  const history = await ctx.services.points.history(admin, shop.merchantId, memberId);
  assert.deepEqual(
    history.history.map((h) => [h.kind, h.points, h.reference]),
    [['points_earn', 246, `points_earn:${paid.paymentId}`]],
  );
  await ledgerConsistent();
});

test('a refund takes back its share of the points, never below zero: what was spent already is the shortfall', async () => {
  await setProgram({ points_per_yuan: 2 });
  const memberId = await newMember();
  await fund(memberId, 100_000);
  const paid = await pay(memberId, 10_000); // 200 points
  await deliver();
  assert.equal(await pointsOf(memberId), 200);

  const quarter = await refund(paid.paymentId, 2_500); // a quarter back: 50 points
  await deliver();
  assert.equal(await pointsOf(memberId), 150);

  // The member spends 120 of them; then the rest of the payment is refunded: 150 are due, 30 are left to take.
  await ctx.services.points.adjust(admin, {
    merchantId: shop.merchantId,
    memberId,
    points: -120,
    reason: 'exchanged for a gift',
    idempotencyKey: `adjust-${randomUUID()}`,
  });
  const rest = await refund(paid.paymentId, 7_500);
  await deliver();
  const after = await ctx.services.points.history(admin, shop.merchantId, memberId);
  assert.equal(after.balance, 0);
  assert.equal(after.shortfall, 120);
  const reversals = await ctx.database.db
    .selectFrom('points_reversals')
    .select(['points_due', 'points_reversed', 'shortfall'])
    .where('merchant_id', '=', shop.merchantId)
    .where('payment_id', '=', paid.paymentId)
    .orderBy('points_due')
    .execute();
  assert.deepEqual(reversals, [
    { points_due: 50, points_reversed: 50, shortfall: 0 },
    { points_due: 150, points_reversed: 30, shortfall: 120 },
  ]);
  // A redelivered refund takes nothing more.
  for (const r of [{ id: quarter.refundId }, { id: rest.refundId }])
    assert.equal(
      await ctx.services.points.reverseOnRefund({
        merchantId: shop.merchantId,
        paymentId: paid.paymentId,
        refundId: r.id,
        refundedFen: 10_000,
      }),
      null,
    );
  assert.equal(await pointsOf(memberId), 0);
  await ledgerConsistent();
});

test('points expire by policy, oldest first, and only once', async () => {
  await setProgram({ points_per_yuan: 1, points_expiry_months: 1 });
  const start = clock;
  const memberId = await newMember();
  await fund(memberId, 100_000);
  await pay(memberId, 1_000); // lot A: 10 points
  await deliver();
  clock = new Date(start.getTime() + 20 * DAY);
  await pay(memberId, 2_000); // lot B: 20 points
  await deliver();
  await ctx.services.points.adjust(admin, {
    merchantId: shop.merchantId,
    memberId,
    points: -4,
    reason: 'gift',
    idempotencyKey: `adjust-${randomUUID()}`,
  }); // from lot A: 6 left in it
  assert.equal(await pointsOf(memberId), 26);

  clock = new Date(start.getTime() + 32 * DAY);
  assert.equal(await ctx.services.points.expire(), 6);
  assert.equal(await pointsOf(memberId), 20);
  assert.equal(await ctx.services.points.expire(), 0);

  clock = new Date(start.getTime() + 60 * DAY);
  assert.equal(await ctx.services.points.expire(), 20);
  assert.equal(await pointsOf(memberId), 0);
  const kinds = (await ctx.services.points.history(admin, shop.merchantId, memberId)).history.map((h) => h.kind);
  assert.deepEqual(kinds.filter((k) => k === 'points_expire').length, 2);
  await setProgram({ points_expiry_months: null });
  await ledgerConsistent();
});

/** A payment as face pay takes it: the quote's charge and each step's settle in one transaction. */
async function payPriced(memberId: string, context: PricingContext) {
  const cart = await ctx.services.pricing.price(context);
  return ctx.services.transactions.once(
    { merchantId: shop.merchantId, scope: 'payment', key: `priced-${randomUUID()}`, request: { memberId } },
    async (trx) => {
      const result = await ctx.services.payments.charge(trx, {
        ...charge(memberId, cart.totalFen),
        items: cart.lines.map((l) => ({ ...l })),
      });
      await ctx.services.pricing.settle(trx, context, cart, result.paymentId);
      return result;
    },
  );
}

test('points pay part of a cart, capped by the balance and the merchant share; two payments spending the same points: one is refused and writes nothing', async () => {
  await setProgram({ points_per_yuan: 0, points_per_yuan_off: 100, max_redeem_percent: 50 });
  const memberId = await newMember();
  await fund(memberId, 100_000);
  await ctx.services.points.adjust(admin, {
    merchantId: shop.merchantId,
    memberId,
    points: 300,
    reason: 'welcome gift',
    idempotencyKey: `adjust-${randomUUID()}`,
  });
  const context = (redeemPoints: number): PricingContext => ({
    merchantId: shop.merchantId,
    memberId,
    lines: [
      { productId: 'p1', name: 'Duck neck', quantity: 2, unitPriceFen: 450, memberPriceFen: null },
      { productId: 'p2', name: 'Cola', quantity: 1, unitPriceFen: 100, memberPriceFen: null },
    ],
    choices: { redeemPoints },
  });
  const quote = await ctx.services.pricing.price(context(1000));
  assert.equal(quote.totalFen, 700); // 300 points = 3 yuan off 10 yuan (the balance caps it, under half the cart)
  assert.deepEqual(
    quote.adjustments.map((a) => [a.productId, a.amountFen, a.code]),
    [
      ['p1', -270, 'points_redemption'],
      ['p2', -30, 'points_redemption'],
    ],
  );
  const capped = await ctx.services.pricing.price({ ...context(1000), lines: [context(0).lines[1]!] });
  assert.equal(capped.totalFen, 50); // half of 1 yuan at most

  for (const bad of [-1, 1.5]) assert.equal(await codeOf(ctx.services.pricing.price(context(bad))), 'points_invalid');

  const wallet = await ctx.services.wallets.view(admin, shop.merchantId, memberId);
  const outcomes = await Promise.allSettled([payPriced(memberId, context(300)), payPriced(memberId, context(300))]);
  const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  assert.equal(fulfilled.length, 1);
  assert.equal(refused.length, 1);
  assert.ok(refused[0]!.reason instanceof DomainError);
  assert.equal(refused[0]!.reason.code, 'points_insufficient');
  assert.equal(await pointsOf(memberId), 0);
  const walletAfter = await ctx.services.wallets.view(admin, shop.merchantId, memberId);
  assert.equal(walletAfter.balanceFen, wallet.balanceFen - 700, 'one payment of 7 yuan, not two');
  const payments = await ctx.database.db
    .selectFrom('payments')
    .select('id')
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', memberId)
    .execute();
  assert.equal(payments.length, 1);
  await ledgerConsistent();
});

test('staff adjust points with a reason; bad adjustments are refused with their code and write nothing', async () => {
  const memberId = await newMember();
  const adjust = (points: number, reason = 'goodwill', idempotencyKey = `adjust-${randomUUID()}`) =>
    ctx.services.points.adjust(admin, { merchantId: shop.merchantId, memberId, points, reason, idempotencyKey });
  const auditCount = async () =>
    (
      await ctx.database.db
        .selectFrom('audit_events')
        .select('id')
        .where('merchant_id', '=', shop.merchantId)
        .where('action', '=', 'loyalty.points_adjusted')
        .where('target_id', '=', memberId)
        .execute()
    ).length;
  assert.equal(await codeOf(adjust(0)), 'points_invalid');
  assert.equal(await codeOf(adjust(2.5)), 'points_invalid');
  assert.equal(await codeOf(adjust(10, '  ')), 'reason_required');
  assert.equal(await codeOf(adjust(10, 'x'.repeat(201))), 'reason_too_long');
  assert.equal(await codeOf(adjust(-1)), 'points_insufficient');
  assert.equal(await auditCount(), 0);
  assert.equal(await pointsOf(memberId), 0);

  const first = await adjust(50, 'goodwill', 'adjust-same-key');
  const retried = await adjust(50, 'goodwill', 'adjust-same-key');
  assert.equal(retried.transactionId, first.transactionId);
  assert.equal(await codeOf(adjust(60, 'goodwill', 'adjust-same-key')), 'idempotency_key_reused');
  assert.equal(await codeOf(adjust(-51)), 'points_insufficient');
  assert.equal(await pointsOf(memberId), 50);
  assert.equal(await auditCount(), 1);

  const cashier = (await ctx.services.auth.login('loyal-cashier', 'correct horse battery staple')).staff;
  assert.equal(
    await codeOf(
      ctx.services.points.adjust(cashier, {
        merchantId: shop.merchantId,
        memberId,
        points: 5,
        reason: 'x',
        idempotencyKey: `adjust-${randomUUID()}`,
      }),
    ),
    'forbidden',
  );
  const byRoute = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${shop.merchantId}/members/${memberId}/points-adjustments`,
    headers: { authorization: await login(ctx.app, 'loyal-admin') },
    payload: { points: 5, reason: 'birthday', idempotencyKey: `adjust-${randomUUID()}` },
  });
  assert.equal(byRoute.statusCode, 201, byRoute.body);
  assert.equal(byRoute.json().balance, 55);
});

test('tiers: bad definitions are refused and write nothing; a payment over a threshold upgrades at once; the evaluation moves down when the window passes', async () => {
  const define = async (tiers: Array<Record<string, unknown>>) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/v1/merchants/${shop.merchantId}/loyalty/tiers`,
      headers: { authorization: await login(ctx.app, 'loyal-admin') },
      payload: { tiers },
    });
  const tier = (name: string, threshold: number, discountPercent = 0, pointsMultiplierPercent = 100) => ({
    name,
    threshold,
    discountPercent,
    pointsMultiplierPercent,
    birthdayPoints: 0,
  });
  assertError(await define([tier('普通', 0), tier('银卡', 0)]), 400, 'tier_thresholds_not_increasing');
  assertError(
    await define([tier('普通', 0), tier('银卡', 20_000), tier('金卡', 10_000)]),
    400,
    'tier_thresholds_not_increasing',
  );
  assertError(await define([tier('普通', 0), tier('普通', 10)]), 400, 'tiers_invalid');
  assertError(await define([tier('普通', 0, 51)]), 400, 'invalid_request');
  assertError(await define([tier('普通', 0.5)]), 400, 'invalid_request');
  assert.equal(
    await codeOf(
      ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, [
        { name: '普通', threshold: 0, discount_percent: 60, points_multiplier_percent: 100, birthday_points: 0 },
      ]),
    ),
    'tier_discount_invalid',
  );
  assert.deepEqual(await ctx.services.loyaltyProgram.tiers(admin, shop.merchantId), []);

  const defined = await define([tier('普通', 0), tier('银卡', 10_000, 5, 150), tier('金卡', 50_000, 10, 200)]);
  assert.equal(defined.statusCode, 200, defined.body);
  assert.deepEqual(
    defined.json().tiers.map((t: { rank: number; name: string }) => [t.rank, t.name]),
    [
      [1, '普通'],
      [2, '银卡'],
      [3, '金卡'],
    ],
  );
  await setProgram({ points_per_yuan: 1, tier_basis: 'spend', tier_window_days: 30 });

  const start = clock;
  const memberId = await newMember();
  await fund(memberId, 200_000);
  await ctx.services.memberCards.ensure(shop.merchantId, memberId);
  await pay(memberId, 8_000);
  await deliver();
  assert.equal((await ctx.services.memberCards.cardOf(admin, shop.merchantId, memberId)).tier?.name, '普通');
  await pay(memberId, 3_000);
  await deliver();
  const silver = await ctx.services.memberCards.cardOf(admin, shop.merchantId, memberId);
  assert.equal(silver.tier?.name, '银卡');
  assert.deepEqual(silver.progress.next, { name: '金卡', threshold: 50_000, remaining: 39_000 });
  const events = await ctx.database.db
    .selectFrom('outbox_events')
    .select('payload')
    .where('merchant_id', '=', shop.merchantId)
    .where('type', '=', 'loyalty.tier_changed')
    .execute();
  assert.ok(
    events.some((e) => {
      const p = e.payload as Record<string, unknown>;
      return p.memberId === memberId && p.toTier === '银卡' && p.reason === 'payment';
    }),
  );

  // The silver member's cart: 5 % off what is left of each line; points at 1.5 ×.
  const quote = await ctx.services.pricing.price({
    merchantId: shop.merchantId,
    memberId,
    lines: [{ productId: 'p1', name: 'Duck neck', quantity: 1, unitPriceFen: 2_800, memberPriceFen: 2_500 }],
  });
  assert.deepEqual(
    quote.adjustments.map((a) => [a.step, a.amountFen, a.label ?? a.code]),
    [
      ['member_price', -300, 'member_price'],
      ['tier_discount', -125, '银卡 9.5折'],
    ],
  );
  assert.equal(quote.totalFen, 2_375);
  const before = await pointsOf(memberId);
  await pay(memberId, 2_000);
  await deliver();
  assert.equal((await pointsOf(memberId)) - before, 30);

  // A month later, nothing spent in the window: the nightly evaluation moves the member down, and only once.
  clock = new Date(start.getTime() + 31 * DAY);
  assert.ok((await ctx.services.memberCards.evaluateTiers(shop.merchantId)) >= 1);
  assert.equal((await ctx.services.memberCards.cardOf(admin, shop.merchantId, memberId)).tier?.name, '普通');
  const history = await ctx.services.memberCards.tierHistory(admin, shop.merchantId, memberId);
  assert.deepEqual(
    history.map((h) => [h.fromTier, h.toTier, h.reason]),
    [
      ['银卡', '普通', 'evaluation'],
      ['普通', '银卡', 'payment'],
    ],
  );
  await ctx.services.memberCards.evaluateTiers(shop.merchantId);
  assert.equal((await ctx.services.memberCards.tierHistory(admin, shop.merchantId, memberId)).length, 2);

  // A payment over the top threshold goes straight to 金卡.
  await pay(memberId, 60_000);
  await deliver();
  assert.equal((await ctx.services.memberCards.cardOf(admin, shop.merchantId, memberId)).tier?.name, '金卡');

  // The evaluation moves up as well: the merchant lowers the silver threshold; a member below it until now moves up
  // at the next run, without a payment.
  const modest = await newMember();
  await fund(modest, 10_000);
  await pay(modest, 4_000);
  await deliver();
  assert.equal((await ctx.services.memberCards.cardOf(admin, shop.merchantId, modest)).tier?.name, '普通');
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, [
    { name: '普通', threshold: 0, discount_percent: 0, points_multiplier_percent: 100, birthday_points: 0 },
    { name: '银卡', threshold: 3_000, discount_percent: 5, points_multiplier_percent: 150, birthday_points: 0 },
    { name: '金卡', threshold: 50_000, discount_percent: 10, points_multiplier_percent: 200, birthday_points: 0 },
  ]);
  await ctx.services.memberCards.evaluateTiers(shop.merchantId);
  assert.equal((await ctx.services.memberCards.cardOf(admin, shop.merchantId, modest)).tier?.name, '银卡');
  assert.deepEqual(
    (await ctx.services.memberCards.tierHistory(admin, shop.merchantId, modest)).map((h) => [h.toTier, h.reason]),
    [['银卡', 'evaluation']],
  );
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, []);
});

test('twenty payments at once, each redeeming 100 of 1000 points: exactly ten are paid, the rest refused, the balance at zero', async () => {
  await setProgram({ points_per_yuan: 0, points_per_yuan_off: 100, max_redeem_percent: 100 });
  const memberId = await newMember();
  await fund(memberId, 100_000);
  await ctx.services.points.adjust(admin, {
    merchantId: shop.merchantId,
    memberId,
    points: 1_000,
    reason: 'anniversary',
    idempotencyKey: `adjust-${randomUUID()}`,
  });
  const context: PricingContext = {
    merchantId: shop.merchantId,
    memberId,
    lines: [{ productId: 'p1', name: 'Duck neck', quantity: 1, unitPriceFen: 500, memberPriceFen: null }],
    choices: { redeemPoints: 100 },
  };
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => payPriced(memberId, context)));
  assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 10);
  for (const o of outcomes)
    if (o.status === 'rejected') assert.equal((o.reason as DomainError).code, 'points_insufficient');
  assert.equal(await pointsOf(memberId), 0);
  const lots = await ctx.database.db
    .selectFrom('points_lots')
    .select(['points', 'remaining'])
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', memberId)
    .execute();
  assert.deepEqual(lots, [{ points: 1_000, remaining: 0 }]);
  await ledgerConsistent();
});

test('programme rules out of range are refused with the field named, and change nothing', async () => {
  const before = await ctx.services.loyaltyProgram.program(admin, shop.merchantId);
  for (const bad of [{ max_redeem_percent: 101 }, { points_per_yuan_off: 0 }, { tier_window_days: 2000 }])
    assert.equal(await codeOf(setProgram(bad)), 'loyalty_program_invalid');
  const byRoute = await ctx.app.inject({
    method: 'PATCH',
    url: `/v1/merchants/${shop.merchantId}/loyalty/program`,
    headers: { authorization: await login(ctx.app, 'loyal-admin') },
    payload: { spendingOrder: 'whatever' },
  });
  assertError(byRoute, 400, 'invalid_request');
  assert.deepEqual(await ctx.services.loyaltyProgram.program(admin, shop.merchantId), before);
  const ok = await ctx.app.inject({
    method: 'PATCH',
    url: `/v1/merchants/${shop.merchantId}/loyalty/program`,
    headers: { authorization: await login(ctx.app, 'loyal-admin') },
    payload: { pointsPerYuan: 3 },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().pointsPerYuan, 3);
});

test('tiers by visits count paid payments not wholly refunded; tiers by points count points kept', async () => {
  const tiers = (second: number) => [
    { name: '普通', threshold: 0, discount_percent: 0, points_multiplier_percent: 100, birthday_points: 0 },
    { name: '常客', threshold: second, discount_percent: 0, points_multiplier_percent: 100, birthday_points: 0 },
  ];
  const tierOf = async (memberId: string) =>
    (await ctx.services.memberCards.cardOf(admin, shop.merchantId, memberId)).tier?.name;

  await setProgram({ tier_basis: 'visits', tier_window_days: 30, points_per_yuan: 1 });
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, tiers(3));
  const visitor = await newMember();
  await fund(visitor, 10_000);
  const first = await pay(visitor, 100);
  await pay(visitor, 100);
  await deliver();
  await refund(first.paymentId, 100);
  await deliver();
  await pay(visitor, 100);
  await deliver();
  assert.equal(await tierOf(visitor), '普通', 'two visits count: the refunded one does not');
  await pay(visitor, 100);
  await deliver();
  assert.equal(await tierOf(visitor), '常客');
  assert.equal((await ctx.services.memberCards.cardOf(admin, shop.merchantId, visitor)).progress.measure, 3);

  await setProgram({ tier_basis: 'points' });
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, tiers(100));
  const earner = await newMember();
  await fund(earner, 50_000);
  const big = await pay(earner, 12_000); // 120 points
  await deliver();
  assert.equal(await tierOf(earner), '常客');
  await refund(big.paymentId, 6_000); // 60 points taken back: 60 kept in the window
  await deliver();
  await ctx.services.memberCards.evaluateTiers(shop.merchantId);
  assert.equal(await tierOf(earner), '普通');
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, []);
  await setProgram({ tier_basis: 'spend' });
});

test('reaching a tier gives its upgrade coupon once: a jump gives the tier reached, a downgrade or a climb back nothing more', async () => {
  const template = async (name: string) =>
    (
      await ctx.services.coupons.createTemplate(admin, shop.merchantId, {
        name,
        rules: { minCartFen: 3000 },
        method: { type: 'fixed_off', target: 'order', amountFen: 500 },
        stacking: 'stackable',
        priority: 0,
        validity: { kind: 'days', days: 30 },
        offlineOnly: false,
        perMemberCap: null,
      })
    ).id;
  const silverGift = await template('银卡升级礼 满30减5');
  const goldGift = await template('金卡升级礼 满30减5');
  const tier = (name: string, threshold: number, upgrade: string | null) => ({
    name,
    threshold,
    discount_percent: 0,
    points_multiplier_percent: 100,
    birthday_points: 0,
    upgrade_coupon_template_id: upgrade,
  });
  assert.equal(
    await codeOf(ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, [tier('普通', 0, randomUUID())])),
    'tier_upgrade_coupon_invalid',
  );
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, [
    tier('普通', 0, null),
    tier('银卡', 10_000, silverGift),
    tier('金卡', 50_000, goldGift),
  ]);
  await setProgram({ points_per_yuan: 1, tier_basis: 'spend', tier_window_days: 30 });
  const couponsOf = (memberId: string) =>
    ctx.database.db
      .selectFrom('coupons')
      .select(['id', 'template_id', 'source', 'reason', 'issue_key'])
      .where('merchant_id', '=', shop.merchantId)
      .where('member_id', '=', memberId)
      .orderBy('issued_at')
      .execute();

  const climber = await newMember();
  await fund(climber, 200_000);
  await ctx.services.memberCards.ensure(shop.merchantId, climber);
  await pay(climber, 12_000);
  await deliver();
  const silver = await couponsOf(climber);
  assert.deepEqual(
    silver.map(({ id: _id, ...c }) => c),
    [{ template_id: silverGift, source: 'tier_upgrade', reason: '银卡', issue_key: `tier_upgrade:${climber}:2` }],
  );
  // the same upgrade told again, or the member dropping and climbing back: the same coupon, no second one
  const again = await ctx.services.tierUpgradeGifts.giveOnUpgrade({
    merchantId: shop.merchantId,
    memberId: climber,
    fromRank: 1,
    toRank: 2,
  });
  assert.equal(again?.id, silver[0]!.id);
  assert.equal(
    await ctx.services.tierUpgradeGifts.giveOnUpgrade({
      merchantId: shop.merchantId,
      memberId: climber,
      fromRank: 3,
      toRank: 2,
    }),
    null,
    'a downgrade gives nothing',
  );
  assert.equal((await couponsOf(climber)).length, 1);

  const jumper = await newMember();
  await fund(jumper, 200_000);
  await ctx.services.memberCards.ensure(shop.merchantId, jumper);
  await pay(jumper, 60_000);
  await deliver();
  assert.deepEqual(
    (await couponsOf(jumper)).map((c) => [c.template_id, c.reason]),
    [[goldGift, '金卡']],
  );
  await ctx.services.loyaltyProgram.defineTiers(admin, shop.merchantId, []);
});
