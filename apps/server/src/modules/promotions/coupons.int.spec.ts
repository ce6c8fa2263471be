import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import { createMember, TEST_PASSWORD } from '../../../test/fixtures.ts';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import {
  createTemplate,
  payFaceSession,
  payingMember,
  pricedSession,
  promotionShop,
  type PromotionShop,
} from '../../../test/promotion-fixtures.ts';
import { recordEvent, OutboxDispatcher } from '../../platform/outbox/index.ts';
import { memberRegistered } from '../members/index.ts';
import { promotionSubscribers } from './promotion.events.ts';

/**
 * Coupons from template to wallet to till: staff grants (audited, idempotent, capped), campaigns, the welcome coupon,
 * the 刷脸红包 after a payment (random within bounds, never past the budget, once per payment), the best coupons
 * for a cart and the shopper's own choice, and coupons given back by a refund when the merchant says so.
 */
let ctx: TestContext;
let s: PromotionShop;

before(async () => {
  ctx = await createTestApp();
  s = await promotionShop(ctx, 'coupons');
});
after(() => ctx.close());

const url = (path: string) => `/v1/merchants/${s.shop.merchantId}${path}`;
const grant = (templateId: string, memberId: string, key: string = randomUUID(), reason = '顾客投诉补偿') =>
  ctx.app.inject({
    method: 'POST',
    url: url(`/coupon-templates/${templateId}/grants`),
    headers: { authorization: s.admin },
    payload: { memberId, reason, idempotencyKey: `grant-${key}` },
  });
const quote = (memberId: string, extra: Record<string, unknown> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: url('/quotes'),
    headers: { authorization: s.admin },
    payload: { items: [{ productId: s.duck, quantity: 4 }], memberId, ...extra },
  });
/** A member signed up through the member app (SMS code), with their bearer token. */
async function appMember(phone: string): Promise<{ memberId: string; authorization: string }> {
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'coupons', phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'coupons', phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  assert.equal(registered.statusCode, 200, registered.body);
  return { memberId: registered.json().member.memberId, authorization: `Bearer ${registered.json().token}` };
}

test('a staff grant: audited with its reason, idempotent by key, capped per member', async () => {
  const { templateId } = await createTemplate(ctx, s, {
    name: '补偿券',
    method: { type: 'fixed_off', target: 'order', amountFen: 300 },
    rules: { minCartFen: 300 },
    perMemberCap: 2,
  });
  const memberId = await payingMember(ctx, s);
  const first = await grant(templateId, memberId, 'k1');
  assert.equal(first.statusCode, 201, first.body);
  const again = await grant(templateId, memberId, 'k1');
  assert.equal(again.statusCode, 201);
  assert.equal(again.json().couponId, first.json().couponId, 'the same key answers the same coupon');
  assert.equal((await grant(templateId, memberId, 'k2')).statusCode, 201);
  assertError(await grant(templateId, memberId, 'k3'), 409, 'coupon_cap_reached');
  const other = await payingMember(ctx, s);
  assertError(await grant(templateId, other, 'k1'), 409, 'idempotency_key_reused');
  assertError(await grant(templateId, randomUUID()), 404, 'member_not_found');
  assertError(await grant(randomUUID(), memberId), 404, 'coupon_template_not_found');
  const cashier = await ctx.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { username: 'coupons-cashier', password: TEST_PASSWORD },
  });
  const refused = await ctx.app.inject({
    method: 'POST',
    url: url(`/coupon-templates/${templateId}/grants`),
    headers: { authorization: `Bearer ${cashier.json().token}` },
    payload: { memberId: other, reason: 'x', idempotencyKey: 'grant-cashier-1' },
  });
  assertError(refused, 403, 'forbidden');
  const audit = await ctx.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('merchant_id', '=', s.shop.merchantId)
    .where('action', '=', 'coupon.granted')
    .execute();
  assert.equal(audit.length, 2);
  assert.ok(audit.every((a) => (a.details as { reason: string }).reason === '顾客投诉补偿'));
  const held = await ctx.database.db
    .selectFrom('coupons')
    .select('id')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('template_id', '=', templateId)
    .execute();
  assert.equal(held.length, 2);
});

test('a campaign issues one coupon per member; an unknown member refuses the list; sent again it reaches only the missed', async () => {
  const { templateId } = await createTemplate(ctx, s, {
    name: '会员日券',
    method: { type: 'percent_off', target: 'order', percentOff: 10, maxDiscountFen: 500 },
  });
  const members = await Promise.all([payingMember(ctx, s), payingMember(ctx, s), payingMember(ctx, s)]);
  const send = (memberIds: string[]) =>
    ctx.app.inject({
      method: 'POST',
      url: url(`/coupon-templates/${templateId}/campaigns`),
      headers: { authorization: s.admin },
      payload: { campaignKey: 'member-day-12', memberIds, reason: '会员日' },
    });
  const refused = await send([members[0]!, randomUUID()]);
  assertError(refused, 400, 'member_unknown');
  const none = await ctx.database.db
    .selectFrom('coupons')
    .select('id')
    .where('merchant_id', '=', s.shop.merchantId)
    .where('template_id', '=', templateId)
    .execute();
  assert.equal(none.length, 0);
  const first = await send(members.slice(0, 2));
  assert.equal(first.statusCode, 201, first.body);
  assert.deepEqual(first.json(), { issued: 2, alreadyIssued: [], atCap: [] });
  const second = await send(members);
  assert.deepEqual(second.json().issued, 1);
  assert.deepEqual(new Set(second.json().alreadyIssued), new Set(members.slice(0, 2)));
});

test('the wallet: usable now (expiring soon flagged), not yet valid, used, expired', async () => {
  const { memberId, authorization } = await appMember('13911112222');
  const now = Date.now();
  const window = (from: number, until: number) => ({
    kind: 'fixed',
    from: new Date(now + from).toISOString(),
    until: new Date(now + until).toISOString(),
  });
  const day = 86_400_000;
  const soon = await createTemplate(ctx, s, {
    name: '即将过期',
    method: { type: 'fixed_off', target: 'order', amountFen: 100 },
    rules: { minCartFen: 100 },
    validity: window(-day, day),
  });
  const later = await createTemplate(ctx, s, {
    name: '下周可用',
    method: { type: 'fixed_off', target: 'order', amountFen: 100 },
    rules: { minCartFen: 100 },
    validity: window(7 * day, 14 * day),
  });
  const long = await createTemplate(ctx, s, {
    name: '长期券',
    method: { type: 'fixed_off', target: 'order', amountFen: 200 },
    rules: { minCartFen: 200 },
  });
  for (const t of [soon, later, long]) assert.equal((await grant(t.templateId, memberId)).statusCode, 201);
  // one expired: its window moved into the past, as time would
  await ctx.database.db
    .updateTable('coupons')
    .set({ valid_from: new Date(now - 3 * day), valid_until: new Date(now - day) })
    .where('merchant_id', '=', s.shop.merchantId)
    .where('template_id', '=', long.templateId)
    .execute();
  const response = await ctx.app.inject({ method: 'GET', url: '/v1/member/coupons', headers: { authorization } });
  assert.equal(response.statusCode, 200, response.body);
  const wallet = response.json() as Record<
    'usable' | 'upcoming' | 'used' | 'expired',
    Array<{ name: string; expiresSoon: boolean }>
  >;
  assert.deepEqual(
    wallet.usable.map((e) => [e.name, e.expiresSoon]),
    [['即将过期', true]],
  );
  assert.deepEqual(
    wallet.upcoming.map((e) => e.name),
    ['下周可用'],
  );
  assert.deepEqual(
    wallet.expired.map((e) => e.name),
    ['长期券'],
  );
  assert.deepEqual(wallet.used, []);
});

test('the best coupons for a cart, one per template; the shopper may choose, or use none', async () => {
  const memberId = await payingMember(ctx, s);
  const fiveOff = await createTemplate(ctx, s, {
    name: '满50减5',
    method: { type: 'threshold_off', tiers: [{ thresholdFen: 5000, offFen: 500 }] },
  });
  const eightOff = await createTemplate(ctx, s, {
    name: '鸭脖8折',
    rules: { categories: ['snacks'] },
    method: { type: 'percent_off', target: 'items', percentOff: 20 },
    stacking: 'exclusive',
  });
  const twoOff = await createTemplate(ctx, s, {
    name: '立减2元',
    method: { type: 'fixed_off', target: 'order', amountFen: 200 },
    rules: { minCartFen: 200 },
  });
  const a = (await grant(fiveOff.templateId, memberId)).json().couponId;
  const b = (await grant(fiveOff.templateId, memberId)).json().couponId;
  const x = (await grant(eightOff.templateId, memberId)).json().couponId;
  const c = (await grant(twoOff.templateId, memberId)).json().couponId;
  // 4 × 2500 = 10000 after the member price. Stackable: 满50减5 (500) then 立减2元 (200) = 700; exclusive 8折 = 2000.
  const best = await quote(memberId);
  assert.equal(best.statusCode, 200, best.body);
  assert.equal(best.json().totalFen, 8000);
  assert.deepEqual(
    best
      .json()
      .adjustments.filter((adj: { step: string }) => adj.step === 'coupons')
      .map((adj: { source: { id: string } }) => adj.source.id),
    [x],
  );
  assert.deepEqual(new Set(best.json().unapplied.map((u: { id: string }) => u.id)), new Set([a, b, c]));
  // the shopper keeps the 8折 for later: the two stackable ones
  const chosen = await quote(memberId, { couponIds: [a, c] });
  assert.equal(chosen.json().totalFen, 10000 - 700);
  assertError(await quote(memberId, { couponIds: [a, b] }), 400, 'coupon_not_combinable');
  assertError(await quote(memberId, { couponIds: [x, c] }), 400, 'coupon_not_combinable');
  const stranger = await payingMember(ctx, s);
  assertError(await quote(stranger, { couponIds: [a] }), 400, 'coupon_not_applicable');
  const noCoupons = await quote(memberId, { couponIds: [] });
  assert.equal(noCoupons.json().totalFen, 10000);
  assert.equal(noCoupons.json().unapplied.length, 4);

  // A paused template's coupons are not usable (nor issued) until it is resumed.
  const pauseTemplate = (action: 'pause' | 'resume') =>
    ctx.app.inject({
      method: 'POST',
      url: url(`/coupon-templates/${eightOff.templateId}/${action}`),
      headers: { authorization: s.admin },
    });
  assert.equal((await pauseTemplate('pause')).json().status, 'paused');
  assert.equal((await quote(memberId)).json().totalFen, 10000 - 700);
  assertError(await grant(eightOff.templateId, memberId), 409, 'coupon_template_paused');
  assertError(await quote(memberId, { couponIds: [x] }), 400, 'coupon_not_applicable');
  assert.equal((await pauseTemplate('resume')).json().status, 'active');
  assert.equal((await quote(memberId)).json().totalFen, 8000);
});

test('an offline-only coupon is usable at a till in store, never in an online order', async () => {
  const memberId = await payingMember(ctx, s);
  const inStore = await createTemplate(ctx, s, {
    name: '到店立减3元',
    method: { type: 'fixed_off', target: 'order', amountFen: 300 },
    rules: { minCartFen: 300 },
    offlineOnly: true,
  });
  const couponId = (await grant(inStore.templateId, memberId)).json().couponId;
  // 4 × 2500 after the member price
  assert.equal((await quote(memberId)).json().totalFen, 9700);
  assert.equal((await quote(memberId, { channel: 'store' })).json().totalFen, 9700);
  const online = await quote(memberId, { channel: 'online' });
  assert.equal(online.json().totalFen, 10000);
  assert.deepEqual(online.json().unapplied, [], 'not offered online, not even as left unapplied');
  assertError(await quote(memberId, { channel: 'online', couponIds: [couponId] }), 400, 'coupon_not_applicable');
  assertError(await quote(memberId, { channel: 'delivery' }), 400, 'invalid_request');
});

async function drained(dispatcher: OutboxDispatcher) {
  while ((await dispatcher.drain()) > 0);
}

test('the welcome coupon on member.registered, once however often the event is delivered', async () => {
  const { templateId } = await createTemplate(ctx, s, {
    name: '新人券',
    method: { type: 'fixed_off', target: 'order', amountFen: 500 },
    rules: { minCartFen: 1000 },
  });
  const settings = await ctx.app.inject({
    method: 'PUT',
    url: url('/promotion-settings'),
    headers: { authorization: s.admin },
    payload: { restoreCouponsOnRefund: false, welcomeTemplateId: templateId, redPacket: null },
  });
  assert.equal(settings.statusCode, 200, settings.body);
  const dispatcher = new OutboxDispatcher(ctx.database);
  for (const subscriber of promotionSubscribers(ctx.services.coupons)) dispatcher.subscribe(subscriber);
  await dispatcher.register();
  const member = await createMember(ctx.database.db, s.shop.merchantId, '13900001111');
  await ctx.services.transactions.run((trx) =>
    recordEvent(trx, memberRegistered({ merchantId: s.shop.merchantId, memberId: member.id, occurredAt: new Date() })),
  );
  await drained(dispatcher);
  // delivered again (a dispatcher that died after the handler): nothing more
  await ctx.services.coupons.welcome(s.shop.merchantId, member.id);
  const coupons = await ctx.database.db
    .selectFrom('coupons')
    .selectAll()
    .where('merchant_id', '=', s.shop.merchantId)
    .where('member_id', '=', member.id)
    .execute();
  assert.deepEqual(
    coupons.map((c) => [c.template_id, c.source]),
    [[templateId, 'registration']],
  );
});

test('刷脸红包: random within the bounds, never past the budget, once per payment', async () => {
  const { templateId } = await createTemplate(ctx, s, {
    name: '刷脸红包',
    method: { type: 'fixed_off', target: 'order', amountFen: 1 },
    rules: { minCartFen: 1000 },
    validity: { kind: 'days', days: 7 },
  });
  const settings = await ctx.app.inject({
    method: 'PUT',
    url: url('/promotion-settings'),
    headers: { authorization: s.admin },
    payload: {
      restoreCouponsOnRefund: false,
      welcomeTemplateId: null,
      redPacket: { templateId, minFen: 100, maxFen: 300, budgetFen: 2000 },
    },
  });
  assert.equal(settings.statusCode, 200, settings.body);
  const badBounds = await ctx.app.inject({
    method: 'PUT',
    url: url('/promotion-settings'),
    headers: { authorization: s.admin },
    payload: {
      restoreCouponsOnRefund: false,
      welcomeTemplateId: null,
      redPacket: { templateId, minFen: 300, maxFen: 100, budgetFen: 2000 },
    },
  });
  assertError(badBounds, 400, 'red_packet_invalid');

  // One real face payment, its payment.completed delivered to the red-packet subscriber.
  const dispatcher = new OutboxDispatcher(ctx.database);
  for (const subscriber of promotionSubscribers(ctx.services.coupons)) dispatcher.subscribe(subscriber);
  await dispatcher.register();
  const memberId = await payingMember(ctx, s);
  const session = await pricedSession(ctx, s, memberId, [{ productId: s.cola, quantity: 1 }]);
  const paid = await payFaceSession(ctx, s, session.sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  await drained(dispatcher);
  const paymentId = paid.json().paymentId;
  assert.equal(await ctx.services.coupons.redPacket(s.shop.merchantId, paymentId, memberId), null, 'once per payment');
  const packets = async () =>
    ctx.database.db
      .selectFrom('coupons')
      .selectAll()
      .where('merchant_id', '=', s.shop.merchantId)
      .where('source', '=', 'red_packet')
      .execute();
  const [first] = await packets();
  assert.ok(first && first.member_id === memberId && first.value_fen! >= 100 && first.value_fen! <= 300);

  // 40 payments draw at once: the budget (2000) is never passed, and what was spent is exactly the packets' sum.
  await Promise.all(
    Array.from({ length: 40 }, () => ctx.services.coupons.redPacket(s.shop.merchantId, randomUUID(), memberId)),
  );
  const all = await packets();
  const spent = all.reduce((sum, c) => sum + c.value_fen!, 0);
  const row = await ctx.database.db
    .selectFrom('promotion_settings')
    .select(['red_packet_spent_fen', 'red_packet_budget_fen'])
    .where('merchant_id', '=', s.shop.merchantId)
    .executeTakeFirstOrThrow();
  assert.equal(row.red_packet_spent_fen, spent);
  assert.ok(spent <= 2000 && spent > 2000 - 300, `spent ${spent}`);
  assert.ok(all.every((c) => c.value_fen! >= 100 && c.value_fen! <= 300));

  // A red packet is used at the till like any coupon, at its own value.
  const wallet = await ctx.services.coupons.wallet({ type: 'member', merchantId: s.shop.merchantId, memberId });
  assert.ok(wallet.usable.some((e) => e.couponId === first.id && e.valueFen === first.value_fen));
  const priced = await quote(memberId, { couponIds: [first.id] });
  assert.equal(priced.json().totalFen, 10000 - first.value_fen!);
});

test('a refund of the whole payment gives its coupons back when the merchant says so', async () => {
  const { templateId } = await createTemplate(ctx, s, {
    name: '退款可退券',
    method: { type: 'fixed_off', target: 'order', amountFen: 300 },
    rules: { minCartFen: 1000 },
  });
  const dispatcher = new OutboxDispatcher(ctx.database);
  for (const subscriber of promotionSubscribers(ctx.services.coupons)) dispatcher.subscribe(subscriber);
  await dispatcher.register();
  const admin = (await ctx.services.auth.login('coupons-admin', TEST_PASSWORD)).staff;

  async function redeemAndRefund(restore: boolean) {
    await ctx.app.inject({
      method: 'PUT',
      url: url('/promotion-settings'),
      headers: { authorization: s.admin },
      payload: { restoreCouponsOnRefund: restore, welcomeTemplateId: null, redPacket: null },
    });
    const memberId = await payingMember(ctx, s);
    const couponId = (await grant(templateId, memberId)).json().couponId;
    const session = await pricedSession(ctx, s, memberId, [{ productId: s.duck, quantity: 1 }]);
    const paid = await payFaceSession(ctx, s, session.sessionId);
    assert.equal(paid.statusCode, 201, paid.body);
    const paymentId = paid.json().paymentId;
    // the face payment prices the cart again for the member, so their coupon is redeemed with it
    assert.equal(paid.json().amountFen, 2500 - 300);
    const status = async () =>
      (
        await ctx.database.db
          .selectFrom('coupons')
          .select('status')
          .where('merchant_id', '=', s.shop.merchantId)
          .where('id', '=', couponId)
          .executeTakeFirstOrThrow()
      ).status;
    assert.equal(await status(), 'redeemed');
    await ctx.services.payments.refund(admin, {
      merchantId: s.shop.merchantId,
      paymentId,
      amountFen: 100,
      idempotencyKey: `refund-part-${paymentId}`,
    });
    await drained(dispatcher);
    assert.equal(await status(), 'redeemed', 'a part refund keeps the coupon spent');
    await ctx.services.payments.refund(admin, {
      merchantId: s.shop.merchantId,
      paymentId,
      amountFen: paid.json().amountFen - 100,
      idempotencyKey: `refund-rest-${paymentId}`,
    });
    await drained(dispatcher);
    return status();
  }
  assert.equal(await redeemAndRefund(false), 'redeemed');
  assert.equal(await redeemAndRefund(true), 'available');
});

test('a face payment prices the cart again for the recognised member: their best coupon is redeemed with it', async () => {
  const { templateId } = await createTemplate(ctx, s, {
    name: '会员立减8元',
    method: { type: 'fixed_off', target: 'order', amountFen: 800 },
    rules: { minCartFen: 2000 },
  });
  await ctx.app.inject({
    method: 'PUT',
    url: url('/promotion-settings'),
    headers: { authorization: s.admin },
    payload: { restoreCouponsOnRefund: false, welcomeTemplateId: null, redPacket: null },
  });
  const memberId = await payingMember(ctx, s);
  const couponId = (await grant(templateId, memberId)).json().couponId;
  // Priced at the kiosk before the face: 2 × 2500, no coupon.
  const session = await pricedSession(ctx, s, memberId, [{ productId: s.duck, quantity: 2 }]);
  assert.equal(session.amountFen, 5000);
  const paid = await payFaceSession(ctx, s, session.sessionId);
  assert.equal(paid.statusCode, 201, paid.body);
  assert.equal(paid.json().amountFen, 4200);
  const coupon = await ctx.database.db
    .selectFrom('coupons')
    .selectAll()
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', couponId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([coupon.status, coupon.redeemed_payment_id], ['redeemed', paid.json().paymentId]);
  const row = await ctx.database.db
    .selectFrom('face_sessions')
    .select(['amount_fen', 'status', 'pricing'])
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', session.sessionId)
    .executeTakeFirstOrThrow();
  assert.equal(row.amount_fen, 4200);
  assert.equal(row.pricing?.memberId, memberId);
  // Retried with the same key: the same payment, nothing spent twice.
  const retried = await payFaceSession(ctx, s, session.sessionId);
  assert.equal(retried.json().paymentId, paid.json().paymentId);
});

test('bad coupon templates and settings are refused with their code and write nothing', async () => {
  const count = async (table: 'coupon_templates' | 'promotion_settings' | 'audit_events') =>
    Number(
      (
        await ctx.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('merchant_id', '=', s.shop.merchantId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = [await count('coupon_templates'), await count('audit_events')];
  const settingsBefore = await ctx.services.coupons.settings(
    (await ctx.services.auth.login('coupons-admin', TEST_PASSWORD)).staff,
    s.shop.merchantId,
  );
  const template = (payload: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: url('/coupon-templates'),
      headers: { authorization: s.admin },
      payload: { name: 'bad', validity: { kind: 'days', days: 7 }, ...payload },
    });
  assertError(
    await template({ method: { type: 'fixed_off', target: 'order', amountFen: 500 } }),
    400,
    'promotion_below_zero',
  );
  assertError(await template({ method: { type: 'points_multiplier', multiplier: 2 } }), 400, 'promotion_invalid');
  assertError(
    await template({
      method: { type: 'percent_off', target: 'order', percentOff: 10 },
      validity: { kind: 'fixed', from: new Date().toISOString(), until: new Date(Date.now() - 1000).toISOString() },
    }),
    400,
    'schedule_invalid',
  );
  assertError(
    await template({
      method: { type: 'percent_off', target: 'order', percentOff: 10 },
      validity: { kind: 'days', days: 0 },
    }),
    400,
    'invalid_request',
  );
  const settings = (payload: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'PUT',
      url: url('/promotion-settings'),
      headers: { authorization: s.admin },
      payload: { restoreCouponsOnRefund: true, welcomeTemplateId: null, redPacket: null, ...payload },
    });
  assertError(await settings({ welcomeTemplateId: randomUUID() }), 404, 'coupon_template_not_found');
  const percent = await createTemplate(ctx, s, {
    name: '9折券',
    method: { type: 'percent_off', target: 'order', percentOff: 10 },
  });
  assertError(
    await settings({ redPacket: { templateId: percent.templateId, minFen: 100, maxFen: 200, budgetFen: 1000 } }),
    400,
    'red_packet_invalid',
  );
  assert.deepEqual([await count('coupon_templates'), await count('audit_events')], [before[0]! + 1, before[1]! + 1]);
  assert.deepEqual(
    await ctx.services.coupons.settings(
      (await ctx.services.auth.login('coupons-admin', TEST_PASSWORD)).staff,
      s.shop.merchantId,
    ),
    settingsBefore,
  );
});
