import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { MemberActor } from './platform/actors.ts';
import { FACE_DATA_EVENT_TYPES, type EngineRecognizer } from './modules/biometrics/index.ts';
import { CONSENT_EVENT_TYPES } from './modules/consent/index.ts';
import { MEMBER_EVENT_TYPES } from './modules/members/index.ts';
import { PAYMENT_EVENT_TYPES } from './modules/payments/index.ts';
import { OutboxDispatcher, type DeliveredEvent } from './platform/outbox/index.ts';
import { twoPeople } from '../test/face-images.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  sharedRecognizer,
  TEST_PASSWORD,
  type TestContext,
  type TestMerchant,
} from '../test/test-app.ts';
import { duckWingsCharge } from '../test/fixtures.ts';

const EVENT_TYPES = [...PAYMENT_EVENT_TYPES, ...MEMBER_EVENT_TYPES, ...FACE_DATA_EVENT_TYPES, ...CONSENT_EVENT_TYPES];

/** Each business change records its event in its own transaction, and a subscriber receives them in order. */
let ctx: TestContext;
let shop: TestMerchant;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'events');
});
after(() => ctx.close());

test("a member's life and a payment's are told as events, per aggregate in order", async () => {
  const { services, database } = ctx;
  const seen: DeliveredEvent[] = [];
  const dispatcher = new OutboxDispatcher(database);
  dispatcher.subscribe({ name: 'test.everything', eventTypes: EVENT_TYPES, handle: async (e) => void seen.push(e) });
  await dispatcher.register();

  const phone = '13712345678';
  await services.members.requestOtp(shop.code, phone, null);
  const sms = await database.db
    .selectFrom('sms_outbox')
    .select('body')
    .where('phone', '=', phone)
    .executeTakeFirstOrThrow();
  const code = /\d{6}/.exec(sms.body)![0];
  const { member } = await services.members.register({ merchantCode: shop.code, phone, code });
  const actor: MemberActor = { type: 'member', merchantId: shop.merchantId, memberId: member.id };
  const document = await services.consents.document(shop.merchantId);
  await services.consents.grant(actor, { version: document.version, textSha256: document.sha256 });
  const face = (await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine)).a;
  await services.faceData.enroll(actor, [face]);
  await services.consents.withdraw(actor);

  const admin = (await services.auth.login(`${shop.code}-admin`, TEST_PASSWORD)).staff;
  await services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId: member.id,
    amountFen: 5000,
    idempotencyKey: 'events-top-up',
    channel: 'till',
    reason: 'cash',
  });
  const charge = duckWingsCharge(shop, member.id);
  const paid = await services.payments.pay({ ...charge, idempotencyKey: 'events-pay' });
  const refunded = await services.payments.refund(admin, {
    merchantId: shop.merchantId,
    paymentId: paid.paymentId,
    amountFen: 200,
    idempotencyKey: 'events-refund',
  });
  // A retried call returns the first result and records nothing more.
  await services.payments.refund(admin, {
    merchantId: shop.merchantId,
    paymentId: paid.paymentId,
    amountFen: 200,
    idempotencyKey: 'events-refund',
  });

  assert.equal(await dispatcher.drain(), 5, 'five changes, five events: the retried refund recorded none');
  // In order within each aggregate; aggregates go on independently of each other.
  const history = (id: string) =>
    seen.filter((e) => e.aggregate.id === id).map((e) => [e.type, e.aggregate.type, e.sequence]);
  assert.deepEqual(history(member.id), [
    ['member.registered', 'member', 1],
    ['member.enrolled', 'member', 2],
    ['consent.withdrawn', 'member', 3],
  ]);
  assert.deepEqual(history(paid.paymentId), [
    ['payment.completed', 'payment', 1],
    ['refund.completed', 'payment', 2],
  ]);
  const payloadOf = (type: string) => seen.find((e) => e.type === type)!.payload;
  assert.ok(seen.every((e) => e.merchantId === shop.merchantId));
  assert.deepEqual(payloadOf('member.enrolled'), {
    memberId: member.id,
    templates: 1,
    replacedPrevious: false,
    deviceId: null,
  });
  assert.deepEqual(payloadOf('consent.withdrawn'), {
    memberId: member.id,
    consentVersion: document.version,
    templatesDeleted: 1,
    imagesDeleted: 0,
  });
  assert.deepEqual(payloadOf('payment.completed'), {
    paymentId: paid.paymentId,
    transactionId: paid.transactionId,
    memberId: member.id,
    storeId: shop.storeIds[0],
    deviceId: null,
    amountFen: 1200,
    verification: 'face+pin',
    // The cart as paid, for subscribers that weigh its lines (points promotions on a product or a category).
    lines: [{ productId: charge.items[0]!.productId, category: null, quantity: 1, lineTotalFen: 1200 }],
  });
  assert.deepEqual(payloadOf('refund.completed'), {
    paymentId: paid.paymentId,
    refundId: refunded.refundId,
    transactionId: refunded.transactionId,
    memberId: member.id,
    amountFen: 200,
    refundedFen: 200,
    staffId: admin.staffId,
  });
});
