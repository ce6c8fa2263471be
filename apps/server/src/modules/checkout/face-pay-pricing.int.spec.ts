import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError } from '../../../test/assertions.ts';
import { randomFace, storeTemplate } from '../../../test/face-sessions.ts';
import { createMember } from '../../../test/fixtures.ts';
import { createTemplate, promotionShop, type PromotionShop } from '../../../test/promotion-fixtures.ts';
import { LedgerRepository } from '../../../test/repositories.ts';
import { createTestApp, deviceRequest, login, type TestContext } from '../../../test/test-app.ts';
import { topUp } from '../ledger/index.ts';

/**
 * The member's price is decided when the face names them: the cart is priced for the member (tier, promotions, best
 * coupon) before the 免密 limits and step-ups weigh it, the kiosk is shown that price, and the payment charges it,
 * spending what it used in the payment's transaction. The face is played by a sealed probe and the phone's digits.
 */
let ctx: TestContext;
let s: PromotionShop;
let templateId: string;
const PIN = '274951';

before(async () => {
  ctx = await createTestApp();
  s = await promotionShop(ctx, 'greet');
  const admin = await login(ctx.app, 'greet-admin');
  const tiers = await ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${s.shop.merchantId}/loyalty/tiers`,
    headers: { authorization: admin },
    payload: {
      tiers: [{ name: '金卡', threshold: 0, discountPercent: 10, pointsMultiplierPercent: 100, birthdayPoints: 0 }],
    },
  });
  assert.equal(tiers.statusCode, 200, tiers.body);
  ({ templateId } = await createTemplate(ctx, s, {
    name: '满20减8',
    method: { type: 'fixed_off', target: 'order', amountFen: 800 },
    rules: { minCartFen: 2000 },
  }));
});
after(() => ctx.close());

let phones = 0;
/** A member in the 金卡 tier with face data, a PIN, 免密 up to `limitFen`, a funded wallet and one 满20减8 coupon. */
async function member(limitFen: number) {
  const phone = `1391234${String(++phones).padStart(4, '0')}`;
  const { id: memberId } = await createMember(ctx.database.db, s.shop.merchantId, phone);
  const face = randomFace();
  const suffix = phone.slice(-4);
  await storeTemplate(
    ctx.services,
    ctx.database.db,
    { merchantId: s.shop.merchantId, memberId, phoneSuffix: suffix },
    face,
  );
  await ctx.services.memberCards.ensure(s.shop.merchantId, memberId);
  const actor = { type: 'member' as const, merchantId: s.shop.merchantId, memberId };
  await ctx.services.agreements.setPin(actor, { pin: PIN });
  await ctx.services.agreements.update(actor, {
    passwordFree: true,
    perPaymentLimitFen: limitFen,
    dailyLimitFen: 100_000,
  });
  await ctx.database.db.transaction().execute(async (trx) => {
    const ledger = new LedgerRepository(trx);
    const wallet = await ledger.account(s.shop.merchantId, 'member_wallet', memberId);
    const clearing = await ledger.account(s.shop.merchantId, 'topup_clearing');
    await ledger.post(s.shop.merchantId, {
      ...topUp({ clearing: clearing.id, wallet: wallet.id }, 100_000),
      reference: `top_up:${memberId}`,
    });
  });
  const granted = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/coupon-templates/${templateId}/grants`,
    headers: { authorization: s.admin },
    payload: { memberId, reason: '会员礼', idempotencyKey: `grant-${memberId}` },
  });
  assert.equal(granted.statusCode, 201, granted.body);
  return { memberId, face, suffix, couponId: granted.json().couponId as string };
}

/**
 * Two ducks opened at the kiosk (priced before the face: member price 2 × 2500), then the flash frames' face sealed in
 * the session and the phone's digits asked for, as when the face alone was not certain enough.
 */
async function sessionAskingDigits(who: { memberId: string; face: Float32Array }) {
  const opened = await deviceRequest(ctx.app, s.kiosk, {
    method: 'POST',
    url: '/v1/face-sessions',
    payload: { items: [{ productId: s.duck, quantity: 2 }] },
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const sessionId: string = opened.json().sessionId;
  assert.equal(opened.json().amountFen, 5000);
  const face = new Uint8Array(who.face.buffer, who.face.byteOffset, who.face.byteLength);
  const probe = await ctx.services.vault.encrypt(s.shop.merchantId, face, `probe|${sessionId}`);
  await ctx.database.db
    .updateTable('face_sessions')
    .set({
      status: 'step_up',
      step_up: 'phone_suffix',
      candidates: JSON.stringify([who.memberId]),
      decision: JSON.stringify({ verification: 'face', probe }),
    })
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', sessionId)
    .execute();
  return sessionId;
}

const answer = (sessionId: string, body: Record<string, string>) =>
  deviceRequest(ctx.app, s.kiosk, { method: 'POST', url: `/v1/face-sessions/${sessionId}/step-up`, payload: body });
const pay = (sessionId: string, key = `pay-${sessionId}`) =>
  deviceRequest(ctx.app, s.kiosk, {
    method: 'POST',
    url: '/v1/payments',
    payload: { faceSessionId: sessionId, idempotencyKey: key },
  });

const couponStatus = async (couponId: string) =>
  (
    await ctx.database.db
      .selectFrom('coupons')
      .select(['status', 'redeemed_payment_id'])
      .where('merchant_id', '=', s.shop.merchantId)
      .where('id', '=', couponId)
      .executeTakeFirstOrThrow()
  ).status;

const paymentsOf = async (memberId: string) =>
  (
    await ctx.database.db
      .selectFrom('payments')
      .select('id')
      .where('merchant_id', '=', s.shop.merchantId)
      .where('member_id', '=', memberId)
      .execute()
  ).length;

// 2 × 2800 list; member price 2 × 2500; 金卡 9折 on it: −500; 满20减8: −800. 5600 → 3700.
const expectedPricing = {
  subtotalFen: 5600,
  totalFen: 3700,
  forMember: true,
  memberTier: '金卡',
};

test('a member with a tier and a coupon is named by the face: the session shows every discount and the final amount, and pays it', async () => {
  const who = await member(5000);
  const sessionId = await sessionAskingDigits(who);
  const approved = await answer(sessionId, { phoneSuffix: who.suffix });
  assert.equal(approved.statusCode, 200, approved.body);
  const view = approved.json();
  assert.equal(view.status, 'approved', approved.body);
  assert.equal(view.amountFen, 3700);
  assert.deepEqual(
    view.items.map((i: { lineTotalFen: number }) => i.lineTotalFen),
    [3700],
  );
  assert.deepEqual({ ...view.pricing, adjustments: undefined }, { ...expectedPricing, adjustments: undefined });
  assert.deepEqual(
    view.pricing.adjustments.map((a: Record<string, unknown>) => [a.step, a.label, a.amountFen, a.sourceKind]),
    [
      ['member_price', '会员价', -600, null],
      ['tier_discount', '金卡 9折', -500, 'tier'],
      ['coupons', '满20减8', -800, 'coupon'],
    ],
  );
  const shown = await deviceRequest(ctx.app, s.kiosk, { method: 'GET', url: `/v1/face-sessions/${sessionId}` });
  assert.deepEqual(shown.json().pricing, view.pricing);
  assert.equal(await couponStatus(who.couponId), 'available', 'approving spends nothing');

  const paid = await pay(sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 3700);
  const coupon = await ctx.database.db
    .selectFrom('coupons')
    .select(['status', 'redeemed_payment_id'])
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', who.couponId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([coupon.status, coupon.redeemed_payment_id], ['redeemed', paid.json().paymentId]);
  // the payment keeps its discounts, and the member's receipt lists each with its label
  const discounts = [
    { label: '会员价', amountFen: -600, step: 'member_price', sourceKind: null },
    { label: '金卡 9折', amountFen: -500, step: 'tier_discount', sourceKind: 'tier' },
    { label: '满20减8', amountFen: -800, step: 'coupons', sourceKind: 'coupon' },
  ];
  const payment = await ctx.database.db
    .selectFrom('payments')
    .select(['amount_fen', 'discounts'])
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', paid.json().paymentId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([payment.amount_fen, payment.discounts], [3700, discounts]);
  const receipt = await ctx.database.db
    .selectFrom('receipts')
    .select('body')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('payment_id', '=', paid.json().paymentId)
    .executeTakeFirstOrThrow();
  const body = receipt.body as { discounts: unknown; discountFen: number; amountFen: number };
  assert.deepEqual([body.discounts, body.discountFen, body.amountFen], [discounts, 1900, 3700]);
  const after = await deviceRequest(ctx.app, s.kiosk, { method: 'GET', url: `/v1/face-sessions/${sessionId}` });
  assert.equal(after.json().status, 'paid');
  assert.deepEqual(after.json().pricing, view.pricing);
  // retried with the same key: the same payment, nothing spent twice
  assert.equal((await pay(sessionId)).json().paymentId, paid.json().paymentId);
});

test('above the 免密 limit before the discounts and within it after: paid on the face alone; above it after them too: the PIN', async () => {
  const within = await member(4000);
  const sessionId = await sessionAskingDigits(within);
  const approved = await answer(sessionId, { phoneSuffix: within.suffix });
  assert.equal(approved.json().status, 'approved', approved.body);
  assert.equal(approved.json().amountFen, 3700);
  const paid = await pay(sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 3700);

  const above = await member(3600);
  const asking = await sessionAskingDigits(above);
  const pin = await answer(asking, { phoneSuffix: above.suffix });
  assert.equal(pin.statusCode, 200, pin.body);
  assert.deepEqual(
    [pin.json().status, pin.json().stepUp, pin.json().reason],
    ['step_up', 'pin', 'over_password_free_limit'],
  );
  // the member's price is shown while the PIN is asked for, and is what the PIN approves and the payment charges
  assert.equal(pin.json().amountFen, 3700);
  assert.equal(pin.json().pricing.memberTier, '金卡');
  const confirmed = await answer(asking, { pin: PIN });
  assert.equal(confirmed.json().status, 'approved', confirmed.body);
  assert.equal(confirmed.json().amountFen, 3700);
  const charged = await pay(asking);
  assert.equal(charged.statusCode, 201, charged.body);
  assert.equal(charged.json().amountFen, 3700);
  assert.equal(await couponStatus(above.couponId), 'redeemed');
});

test('a coupon redeemed elsewhere between approval and payment: the payment is refused with its code and writes nothing', async () => {
  const who = await member(5000);
  const first = await sessionAskingDigits(who);
  assert.equal((await answer(first, { phoneSuffix: who.suffix })).json().amountFen, 3700);
  const second = await sessionAskingDigits(who);
  assert.equal((await answer(second, { phoneSuffix: who.suffix })).json().amountFen, 3700);
  // the second session pays first and redeems the coupon both prices counted on
  assert.equal((await pay(second)).statusCode, 201);
  assert.equal(await couponStatus(who.couponId), 'redeemed');
  const paymentsBefore = await paymentsOf(who.memberId);

  assertError(await pay(first), 409, 'coupon_unavailable');
  assert.equal(await paymentsOf(who.memberId), paymentsBefore);
  const session = await ctx.database.db
    .selectFrom('face_sessions')
    .select(['status', 'payment_id', 'amount_fen'])
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', first)
    .executeTakeFirstOrThrow();
  assert.deepEqual([session.status, session.payment_id, session.amount_fen], ['approved', null, 3700]);
  // the same key again is refused the same way: the refusal kept nothing, not even the key
  assertError(await pay(first), 409, 'coupon_unavailable');
});

const choose = (sessionId: string, payload: unknown, kiosk = s.kiosk) =>
  deviceRequest(ctx.app, kiosk, { method: 'POST', url: `/v1/face-sessions/${sessionId}/choices`, payload });
const sessionRow = (sessionId: string) =>
  ctx.database.db
    .selectFrom('face_sessions')
    .select(['status', 'step_up', 'amount_fen', 'pricing'])
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();

test('the greeting: the member sees their tier and coupon, switches the coupon off and on again, and pays what they chose', async () => {
  const who = await member(5000);
  const sessionId = await sessionAskingDigits(who);
  const approved = (await answer(sessionId, { phoneSuffix: who.suffix })).json();
  assert.equal(approved.greeting.memberTier, '金卡');
  assert.equal(approved.greeting.choosable, true);
  assert.deepEqual(approved.greeting.coupons, [
    { couponId: who.couponId, label: '满20减8', discountFen: 800, applied: true },
  ]);

  const without = await choose(sessionId, { couponIds: [], redeemPoints: 0 });
  assert.equal(without.statusCode, 200, without.body);
  assert.deepEqual([without.json().status, without.json().amountFen], ['approved', 4500]);
  assert.deepEqual(without.json().greeting.coupons, [
    { couponId: who.couponId, label: '满20减8', discountFen: 800, applied: false },
  ]);
  assert.deepEqual(
    without.json().pricing.adjustments.map((a: { label: string }) => a.label),
    ['会员价', '金卡 9折'],
  );

  const again = await choose(sessionId, { couponIds: [who.couponId], redeemPoints: 0 });
  assert.deepEqual([again.json().status, again.json().amountFen], ['approved', 3700]);
  assert.equal(again.json().greeting.coupons[0].applied, true);
  // the choice is the session's price: the payment charges it and spends the coupon chosen
  const off = await choose(sessionId, { couponIds: [], redeemPoints: 0 });
  assert.equal(off.json().amountFen, 4500);
  const paid = await pay(sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 4500);
  assert.equal(await couponStatus(who.couponId), 'available', 'a coupon switched off stays in the wallet');
  assertError(await choose(sessionId, { couponIds: [who.couponId], redeemPoints: 0 }), 409, 'face_session_used');
});

test('a choice that takes the amount above the 免密 limit asks for the PIN; back within it, it does not; a PIN answered covers any choice', async () => {
  const who = await member(4000);
  const sessionId = await sessionAskingDigits(who);
  assert.equal((await answer(sessionId, { phoneSuffix: who.suffix })).json().status, 'approved');

  const above = (await choose(sessionId, { couponIds: [], redeemPoints: 0 })).json();
  assert.deepEqual(
    [above.status, above.stepUp, above.reason, above.amountFen],
    ['step_up', 'pin', 'over_password_free_limit', 4500],
  );
  assert.equal(above.greeting.choosable, true, 'the member may still choose while the PIN waits');
  const within = (await choose(sessionId, { couponIds: [who.couponId], redeemPoints: 0 })).json();
  assert.deepEqual([within.status, within.stepUp, within.reason, within.amountFen], ['approved', null, null, 3700]);

  assert.equal((await choose(sessionId, { couponIds: [], redeemPoints: 0 })).json().stepUp, 'pin');
  const confirmed = (await answer(sessionId, { pin: PIN })).json();
  assert.deepEqual([confirmed.status, confirmed.amountFen], ['approved', 4500]);
  assert.equal(confirmed.greeting.choosable, true);
  const stays = (await choose(sessionId, { couponIds: [who.couponId], redeemPoints: 0 })).json();
  assert.deepEqual([stays.status, stays.amountFen], ['approved', 3700]);
  const stillApproved = (await choose(sessionId, { couponIds: [], redeemPoints: 0 })).json();
  assert.deepEqual([stillApproved.status, stillApproved.amountFen], ['approved', 4500]);
  const paid = await pay(sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 4500);
});

test('refused choices answer their code and leave the session as it was', async () => {
  const who = await member(4000);
  const sessionId = await sessionAskingDigits(who);
  // before the face named the member, there is nothing to choose
  assertError(await choose(sessionId, { couponIds: [], redeemPoints: 0 }), 409, 'face_session_wrong_state');
  assert.equal((await answer(sessionId, { phoneSuffix: who.suffix })).json().status, 'approved');
  const before = await sessionRow(sessionId);

  const other = await member(4000);
  assertError(await choose(sessionId, { couponIds: [other.couponId], redeemPoints: 0 }), 400, 'coupon_not_applicable');
  assertError(
    await choose(sessionId, { couponIds: ['00000000-0000-4000-8000-000000000000'], redeemPoints: 0 }),
    400,
    'coupon_not_applicable',
  );
  assertError(await choose(sessionId, { couponIds: [], redeemPoints: -1 }), 400, 'invalid_request');
  assertError(await choose(sessionId, { couponIds: 'all', redeemPoints: 0 }), 400, 'invalid_request');
  assertError(await choose(sessionId, { couponIds: [] }), 400, 'invalid_request');
  assertError(
    await choose('00000000-0000-4000-8000-000000000000', { couponIds: [], redeemPoints: 0 }),
    404,
    'face_session_not_found',
  );
  assert.deepEqual(await sessionRow(sessionId), before);

  // above the limit without the coupon, and no PIN to ask for: refused, the price stays
  await ctx.database.db
    .updateTable('payment_agreements')
    .set({ pin_hash: null })
    .where('merchant_id', '=', s.shop.merchantId)
    .where('member_id', '=', who.memberId)
    .execute();
  assertError(await choose(sessionId, { couponIds: [], redeemPoints: 0 }), 409, 'choice_needs_pin');
  assert.deepEqual(await sessionRow(sessionId), before);
});

test('two choices at once: each is decided on the session as it stands, and the session ends with one whole price', async () => {
  const who = await member(5000);
  const sessionId = await sessionAskingDigits(who);
  assert.equal((await answer(sessionId, { phoneSuffix: who.suffix })).json().status, 'approved');
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) => choose(sessionId, { couponIds: i % 2 ? [who.couponId] : [], redeemPoints: 0 })),
  );
  for (const r of answers) assert.ok([200, 409].includes(r.statusCode), r.body);
  const row = await sessionRow(sessionId);
  const coupons = row.pricing!.adjustments.filter((a) => a.source?.kind === 'coupon');
  assert.equal(row.amount_fen, coupons.length ? 3700 : 4500, 'the amount is the price of the choices it keeps');
  const paid = await pay(sessionId);
  assert.equal(paid.json().amountFen, row.amount_fen);
});

test('the greeting shows the member’s points; redeeming them lowers the amount, the payment spends them, and the points to earn follow', async () => {
  const who = await member(5000);
  const adjusted = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/members/${who.memberId}/points-adjustments`,
    headers: { authorization: s.admin },
    payload: { points: 1000, reason: '开业补发', idempotencyKey: `points-${who.memberId}` },
  });
  assert.equal(adjusted.statusCode, 201, adjusted.body);
  const sessionId = await sessionAskingDigits(who);
  const approved = (await answer(sessionId, { phoneSuffix: who.suffix })).json();
  // 1 point a yuan paid; 100 points take a yuan off, at most half the cart: 1000 points are all usable on 3700
  assert.deepEqual(approved.greeting.points, {
    balance: 1000,
    toEarn: 37,
    maxRedeemPoints: 1000,
    pointsPerYuanOff: 100,
    redeemedPoints: 0,
  });
  const redeemed = (await choose(sessionId, { couponIds: [who.couponId], redeemPoints: 1000 })).json();
  assert.equal(redeemed.amountFen, 2700);
  assert.deepEqual(
    [redeemed.greeting.points.redeemedPoints, redeemed.greeting.points.toEarn, redeemed.greeting.points.balance],
    [1000, 27, 1000],
  );
  assert.ok(redeemed.pricing.adjustments.some((a: { label: string }) => a.label === '积分抵扣 1000 分'));
  const paid = await pay(sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 2700);
  assert.equal(await ctx.services.points.balance(s.shop.merchantId, who.memberId), 0);
});
