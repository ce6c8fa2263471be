import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { topUp } from '../ledger/index.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import { assertError } from '../../../test/assertions.ts';
import { insertFaceSession, randomFace, storeTemplate } from '../../../test/face-sessions.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  deviceRequest,
  login,
  type TestContext,
  type TestDevice,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { createMember, updateSettings } from '../../../test/fixtures.ts';
import { LedgerRepository } from '../../../test/repositories.ts';

/**
 * Payments that arrive together, as from several kiosks at once or a script: the member's hourly payment count and
 * the 免密 (password-free) daily amount are decided inside the payment's transaction, so exactly the limit is paid
 * however many arrive at the same moment.
 */
let ctx: TestContext;
let shop: TestMerchant;
let kiosk: TestDevice;

const AMOUNT = 2500;
const AT_ONCE = 20;
const PER_HOUR = 10;
const PASSWORD_FREE_PER_DAY = 5;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'limits');
  await updateSettings(ctx.services, shop, {
    maxPaymentsPerMemberPerHour: PER_HOUR,
  });
  kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'limits-manager'), shop.merchantId, shop.storeIds[0]);
});
after(() => ctx.close());

let phones = 0;
/** A member with face data, a funded wallet and, when asked, 免密 for PASSWORD_FREE_PER_DAY payments a day. */
async function member(options: { passwordFree: boolean }): Promise<string> {
  const phone = `1360000${String(++phones).padStart(4, '0')}`;
  const member = await createMember(ctx.database.db, shop.merchantId, phone);
  const actor = { type: 'member' as const, merchantId: shop.merchantId, memberId: member.id };
  await storeTemplate(
    ctx.services,
    ctx.database.db,
    { merchantId: shop.merchantId, memberId: member.id, phoneSuffix: phone.slice(-4) },
    randomFace(),
  );
  await ctx.services.agreements.setPin(actor, { pin: '274951' });
  if (options.passwordFree) {
    await ctx.services.agreements.update(actor, {
      passwordFree: true,
      perPaymentLimitFen: AMOUNT,
      dailyLimitFen: AMOUNT * PASSWORD_FREE_PER_DAY,
    });
  }
  await ctx.database.db.transaction().execute(async (trx) => {
    const ledger = new LedgerRepository(trx);
    const wallet = await ledger.account(shop.merchantId, 'member_wallet', member.id);
    const clearing = await ledger.account(shop.merchantId, 'topup_clearing');
    await ledger.post(shop.merchantId, {
      ...topUp({ clearing: clearing.id, wallet: wallet.id }, AMOUNT * AT_ONCE * 2),
      reference: 'top_up:till',
    });
  });
  return member.id;
}

async function approvedSessions(memberId: string, verification: 'face' | 'face+pin'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < AT_ONCE; i++) {
    ids.push(
      await insertFaceSession(ctx.services, ctx.database.db, {
        merchantId: shop.merchantId,
        storeId: shop.storeIds[0],
        deviceId: kiosk.deviceId,
        status: 'approved',
        memberId,
        amountFen: AMOUNT,
        verification,
      }),
    );
  }
  return ids;
}

const pay = (faceSessionId: string) =>
  deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: '/v1/payments',
    payload: { faceSessionId, idempotencyKey: `pay-${faceSessionId}` },
  });

async function paidBy(memberId: string) {
  const rows = await ctx.database.db
    .selectFrom('payments')
    .select('amount_fen')
    .where('member_id', '=', memberId)
    .execute();
  return { count: rows.length, sumFen: rows.reduce((sum, r) => sum + r.amount_fen, 0) };
}

async function walletConsistent(memberId: string): Promise<number> {
  const admin = (await ctx.services.auth.login('limits-admin', 'correct horse battery staple')).staff;
  const wallet = await ctx.services.wallets.view(admin, shop.merchantId, memberId);
  assert.equal(wallet.verified, true);
  return wallet.balanceFen;
}

test(`${AT_ONCE} password-free face payments at once against a daily limit of ${PASSWORD_FREE_PER_DAY}: exactly ${PASSWORD_FREE_PER_DAY} are paid`, async () => {
  const memberId = await member({ passwordFree: true });
  const responses = await Promise.all((await approvedSessions(memberId, 'face')).map(pay));
  const paid = responses.filter((r) => r.statusCode === 201);
  assert.equal(paid.length, PASSWORD_FREE_PER_DAY, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  for (const refused of responses.filter((r) => r.statusCode !== 201)) assertError(refused, 409, 'step_up_required');
  assert.deepEqual(await paidBy(memberId), { count: PASSWORD_FREE_PER_DAY, sumFen: AMOUNT * PASSWORD_FREE_PER_DAY });
  assert.equal(await walletConsistent(memberId), AMOUNT * AT_ONCE * 2 - AMOUNT * PASSWORD_FREE_PER_DAY);
});

test(`${AT_ONCE} face payments confirmed by PIN at once against ${PER_HOUR} an hour: exactly ${PER_HOUR} are paid`, async () => {
  const memberId = await member({ passwordFree: false });
  const responses = await Promise.all((await approvedSessions(memberId, 'face+pin')).map(pay));
  const paid = responses.filter((r) => r.statusCode === 201);
  assert.equal(paid.length, PER_HOUR, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  for (const refused of responses.filter((r) => r.statusCode !== 201)) assertError(refused, 409, 'velocity_limit');
  assert.deepEqual(await paidBy(memberId), { count: PER_HOUR, sumFen: AMOUNT * PER_HOUR });
  assert.equal(await walletConsistent(memberId), AMOUNT * AT_ONCE * 2 - AMOUNT * PER_HOUR);
});

test(`${AT_ONCE} payments at once through the payment service itself: exactly ${PER_HOUR} are paid`, async () => {
  const memberId = await member({ passwordFree: false });
  const outcomes = await Promise.all(
    Array.from({ length: AT_ONCE }, () => {
      const key = `direct-${randomUUID()}`;
      const items = [
        {
          productId: randomUUID(),
          name: 'Duck neck',
          quantity: 1,
          unitPriceFen: AMOUNT,
          memberPriceFen: null,
          lineTotalFen: AMOUNT,
        },
      ];
      return ctx.services.payments
        .pay({
          merchantId: shop.merchantId,
          storeId: shop.storeIds[0],
          deviceId: null,
          memberId,
          faceSessionId: null,
          amountFen: AMOUNT,
          items,
          verification: 'face+pin',
          idempotencyKey: key,
        })
        .then(
          () => 'paid',
          (error: unknown) => (error instanceof DomainError ? error.code : Promise.reject(error)),
        );
    }),
  );
  assert.equal(outcomes.filter((o) => o === 'paid').length, PER_HOUR, outcomes.join(','));
  assert.ok(
    outcomes.filter((o) => o !== 'paid').every((o) => o === 'velocity_limit'),
    outcomes.join(','),
  );
  assert.deepEqual(await paidBy(memberId), { count: PER_HOUR, sumFen: AMOUNT * PER_HOUR });
});
