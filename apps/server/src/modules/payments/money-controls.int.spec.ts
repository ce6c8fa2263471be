import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../demo/seed.ts';
import { DEFAULT_MERCHANT_SETTINGS, merchantSettings } from '../settings/index.ts';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

/** Who may put money into a wallet, how much, and whether every money action is traceable to a person or device. */

let ctx: TestContext;
let shop: TestMerchant;
let staff: { admin: string; manager: string; cashier: string };

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'money');
  staff = {
    admin: await login(ctx.app, 'money-admin'),
    manager: await login(ctx.app, 'money-manager'),
    cashier: await login(ctx.app, 'money-cashier'),
  };
});
after(() => ctx.close());

const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, authorization: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { authorization },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function signUp(phone: string): Promise<{ authorization: string; memberId: string }> {
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: shop.code, phone } });
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: shop.code, phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  assert.equal(response.statusCode, 200, response.body);
  return { authorization: `Bearer ${response.json().token}`, memberId: response.json().member.memberId };
}

const staffId = async (username: string) =>
  (
    await ctx.database.db
      .selectFrom('staff_users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

const auditOf = (action: string) =>
  ctx.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('merchant_id', '=', shop.merchantId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();

const walletOf = async (authorization: string) => (await inject('GET', '/v1/member/wallet', authorization)).json();

const topUpUrl = (memberId: string) => `/v1/merchants/${shop.merchantId}/members/${memberId}/top-ups`;

describe('the member test channel', () => {
  test('is off by default: a member cannot give themselves 10 million yuan', async () => {
    assert.equal(DEFAULT_MERCHANT_SETTINGS.testPaymentChannel, false);
    const member = await signUp('13950000001');
    const response = await inject('POST', '/v1/member/wallet/top-ups', member.authorization, {
      amountFen: 1_000_000_000,
      idempotencyKey: 'self-gift-0001',
    });
    assertError(response, 403, 'test_channel_disabled');
    assert.equal((await walletOf(member.authorization)).balanceFen, 0);
    const written = await ctx.database.db
      .selectFrom('ledger_transactions')
      .select('id')
      .where('merchant_id', '=', shop.merchantId)
      .execute();
    assert.equal(written.length, 0);
  });

  test('where the merchant turns it on, it is labelled test money in the answer, the history, the receipt and the audit log', async () => {
    assert.equal(
      (await inject('PATCH', `/v1/merchants/${shop.merchantId}/settings`, staff.admin, { testPaymentChannel: true }))
        .statusCode,
      200,
    );
    try {
      const member = await signUp('13950000002');
      const response = await inject('POST', '/v1/member/wallet/top-ups', member.authorization, {
        amountFen: 1000,
        idempotencyKey: 'self-test-0001',
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().testMoney, true);
      assert.equal(response.json().channel, 'test');
      const wallet = await walletOf(member.authorization);
      assert.deepEqual(
        wallet.history.map((h: { testMoney: boolean; amountFen: number }) => [h.amountFen, h.testMoney]),
        [[1000, true]],
      );
      const receipts = (await inject('GET', '/v1/member/receipts', member.authorization)).json().receipts;
      assert.equal(receipts[0].body.testMoney, true);
      const [event] = (await auditOf('wallet.topped_up')).filter((e) => e.target_id === member.memberId);
      assert.ok(event);
      assert.equal(event.actor_type, 'member');
      assert.equal(event.actor_id, member.memberId);
      assert.equal(event.details.testMoney, true);
    } finally {
      await inject('PATCH', `/v1/merchants/${shop.merchantId}/settings`, staff.admin, { testPaymentChannel: false });
    }
  });

  test('the demo merchant is seeded with it on', async () => {
    const demo = await createTestApp();
    const dataDir = await mkdtemp(join(tmpdir(), 'shualian-seed-'));
    try {
      const seeded = await seedDemo(demo.services, { dataDir });
      const merchant = await demo.services.tenancy.merchant(seeded.merchantId);
      assert.equal(merchantSettings(merchant!.settings).testPaymentChannel, true);
    } finally {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('top-ups at the till', () => {
  test('need a reason', async () => {
    const { memberId } = await signUp('13950000003');
    assertError(
      await inject('POST', topUpUrl(memberId), staff.cashier, { amountFen: 1000, idempotencyKey: 'no-reason-001' }),
      400,
      'invalid_request',
    );
    assertError(
      await inject('POST', topUpUrl(memberId), staff.cashier, {
        amountFen: 1000,
        idempotencyKey: 'no-reason-002',
        reason: '   ',
      }),
      400,
      'reason_required',
    );
  });

  test('are capped per role by the merchant settings; 1e9 fen from a cashier is refused', async () => {
    const { memberId, authorization } = await signUp('13950000004');
    const attempt = (who: keyof typeof staff, amountFen: number) =>
      inject('POST', topUpUrl(memberId), staff[who], {
        amountFen,
        idempotencyKey: `cap-${who}-${amountFen}-${randomUUID()}`,
        reason: 'cash received',
      });

    const huge = await attempt('cashier', 1_000_000_000);
    assertError(huge, 403, 'top_up_over_role_limit');
    assert.deepEqual(huge.json().error.details, {
      maxTopUpFen: DEFAULT_MERCHANT_SETTINGS.cashierMaxTopUpFen,
      role: 'cashier',
    });
    for (const [who, limit] of [
      ['cashier', DEFAULT_MERCHANT_SETTINGS.cashierMaxTopUpFen],
      ['manager', DEFAULT_MERCHANT_SETTINGS.storeManagerMaxTopUpFen],
      ['admin', DEFAULT_MERCHANT_SETTINGS.merchantAdminMaxTopUpFen],
    ] as const) {
      assertError(await attempt(who, limit + 1), 403, 'top_up_over_role_limit');
      assert.equal((await attempt(who, limit)).statusCode, 201, `${who} tops up ${limit}`);
    }
    const total =
      DEFAULT_MERCHANT_SETTINGS.cashierMaxTopUpFen +
      DEFAULT_MERCHANT_SETTINGS.storeManagerMaxTopUpFen +
      DEFAULT_MERCHANT_SETTINGS.merchantAdminMaxTopUpFen;
    assert.equal((await walletOf(authorization)).balanceFen, total);

    // The merchant sets its own limits; a cashier may not.
    assertError(
      await inject('PATCH', `/v1/merchants/${shop.merchantId}/settings`, staff.cashier, { cashierMaxTopUpFen: 80_000 }),
      403,
      'forbidden',
    );
    assert.equal(
      (await inject('PATCH', `/v1/merchants/${shop.merchantId}/settings`, staff.admin, { cashierMaxTopUpFen: 80_000 }))
        .statusCode,
      200,
    );
    try {
      assert.equal((await attempt('cashier', 80_000)).statusCode, 201);
      assertError(await attempt('cashier', 80_001), 403, 'top_up_over_role_limit');
    } finally {
      await inject('PATCH', `/v1/merchants/${shop.merchantId}/settings`, staff.admin, {
        cashierMaxTopUpFen: DEFAULT_MERCHANT_SETTINGS.cashierMaxTopUpFen,
      });
    }
  });

  test('carry the staff id and reason on the ledger transaction and in the audit log', async () => {
    const { memberId } = await signUp('13950000005');
    const response = await inject('POST', topUpUrl(memberId), staff.cashier, {
      amountFen: 2500,
      idempotencyKey: 'traced-00001',
      reason: '现金 25 元',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().testMoney, false);
    const cashierId = await staffId('money-cashier');
    const transaction = await ctx.database.db
      .selectFrom('ledger_transactions')
      .selectAll()
      .where('merchant_id', '=', shop.merchantId)
      .where('id', '=', response.json().transactionId)
      .executeTakeFirstOrThrow();
    assert.equal(transaction.staff_id, cashierId);
    assert.equal(transaction.reason, '现金 25 元');
    const [event] = (await auditOf('wallet.topped_up')).filter(
      (e) => e.details.transactionId === response.json().transactionId,
    );
    assert.ok(event, 'the top-up is in the audit log');
    assert.equal(event.actor_type, 'staff');
    assert.equal(event.actor_id, cashierId);
    assert.equal(event.target_id, memberId);
    assert.deepEqual(
      { amountFen: event.details.amountFen, reason: event.details.reason, channel: event.details.channel },
      { amountFen: 2500, reason: '现金 25 元', channel: 'till' },
    );
  });
});

describe('every money action is an audit event with its actor', () => {
  test('payment, refund, settings change and 免密 limit change', async () => {
    const member = await signUp('13950000006');
    assert.equal(
      (
        await inject('POST', topUpUrl(member.memberId), staff.manager, {
          amountFen: 10_000,
          idempotencyKey: 'audit-top-01',
          reason: 'card',
        })
      ).statusCode,
      201,
    );
    const kiosk = await activateKiosk(ctx.app, staff.manager, shop.merchantId, shop.storeIds[0]);
    const paid = await ctx.services.payments.pay({
      merchantId: shop.merchantId,
      storeId: shop.storeIds[0],
      deviceId: kiosk.deviceId,
      memberId: member.memberId,
      faceSessionId: null,
      amountFen: 2800,
      items: [
        {
          productId: randomUUID(),
          name: 'Duck neck',
          quantity: 1,
          unitPriceFen: 2800,
          memberPriceFen: null,
          lineTotalFen: 2800,
        },
      ],
      verification: 'face+pin',
      idempotencyKey: 'audit-pay-01',
    });
    const payment = (await auditOf('payment.created')).find((e) => e.target_id === paid.paymentId);
    assert.ok(payment, 'the payment is in the audit log');
    assert.deepEqual(
      [payment.actor_type, payment.actor_id, payment.details.amountFen],
      ['device', kiosk.deviceId, 2800],
    );

    const refunded = await inject(
      'POST',
      `/v1/merchants/${shop.merchantId}/payments/${paid.paymentId}/refunds`,
      staff.manager,
      {
        amountFen: 800,
        idempotencyKey: 'audit-refund-01',
        reason: '少给了一盒',
      },
    );
    assert.equal(refunded.statusCode, 201, refunded.body);
    const refund = (await auditOf('payment.refunded')).find((e) => e.target_id === paid.paymentId);
    assert.ok(refund, 'the refund is in the audit log');
    assert.deepEqual(
      [refund.actor_type, refund.actor_id, refund.details.amountFen, refund.details.reason],
      ['staff', await staffId('money-manager'), 800, '少给了一盒'],
    );
    const refundTransaction = await ctx.database.db
      .selectFrom('ledger_transactions')
      .select(['staff_id', 'reason'])
      .where('merchant_id', '=', shop.merchantId)
      .where('id', '=', refunded.json().transactionId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(refundTransaction, { staff_id: await staffId('money-manager'), reason: '少给了一盒' });

    assert.equal(
      (await inject('PATCH', `/v1/merchants/${shop.merchantId}/settings`, staff.admin, { maxPaymentFen: 400_000 }))
        .statusCode,
      200,
    );
    const setting = (await auditOf('merchant.settings_updated')).at(-1)!;
    assert.deepEqual(
      [setting.actor_type, setting.actor_id, setting.details.changes],
      ['staff', await staffId('money-admin'), { maxPaymentFen: { from: 500_000, to: 400_000 } }],
    );

    assert.equal((await inject('PUT', '/v1/member/pin', member.authorization, { pin: '274951' })).statusCode, 200);
    const limits = await inject('PUT', '/v1/member/payment-agreement', member.authorization, {
      passwordFree: true,
      perPaymentLimitFen: 5000,
      dailyLimitFen: 30_000,
    });
    assert.equal(limits.statusCode, 200, limits.body);
    const [change] = (await auditOf('member.payment_limits_updated')).filter((e) => e.actor_id === member.memberId);
    assert.ok(change, 'the 免密 change is in the audit log');
    assert.equal(change.actor_type, 'member');
    assert.deepEqual(change.details.changes, {
      passwordFree: { from: false, to: true },
      perPaymentLimitFen: { from: DEFAULT_MERCHANT_SETTINGS.defaultPerPaymentLimitFen, to: 5000 },
      dailyLimitFen: { from: DEFAULT_MERCHANT_SETTINGS.defaultDailyLimitFen, to: 30_000 },
    });
  });
});
