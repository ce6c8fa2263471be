import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { OTP_RULES } from './otp.service.ts';

let ctx: TestContext;
let shop: TestMerchant;
let now = Date.now();

before(async () => {
  ctx = await createTestApp({}, { now: () => new Date(now) });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'members');
});
after(() => ctx.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload: payload as object, headers });

/** A member signed in through the real OTP flow. */
async function signUp(phone: string): Promise<string> {
  assert.equal((await post('/v1/members/otp', { merchantCode: 'members', phone })).statusCode, 202);
  const response = await post('/v1/members/register', {
    merchantCode: 'members',
    phone,
    code: await lastSmsCode(ctx.database.db, phone),
    displayName: '王小明',
  });
  assert.equal(response.statusCode, 200, response.body);
  return `Bearer ${response.json().token}`;
}

describe('registration by SMS code', () => {
  test('a code registers the phone once; the same phone signs in again later', async () => {
    await post('/v1/members/otp', { merchantCode: 'members', phone: '+86 139 1000 0001' });
    const code = await lastSmsCode(ctx.database.db, '13910000001');
    const first = await post('/v1/members/register', { merchantCode: 'members', phone: '13910000001', code });
    assert.equal(first.json().created, true);
    assert.equal(first.json().member.maskedPhone, '139****0001');
    assertError(
      await post('/v1/members/register', { merchantCode: 'members', phone: '13910000001', code }),
      401,
      'otp_invalid',
    );
    now += 61_000;
    await post('/v1/members/otp', { merchantCode: 'members', phone: '13910000001' });
    const again = await post('/v1/members/register', {
      merchantCode: 'members',
      phone: '13910000001',
      code: await lastSmsCode(ctx.database.db, '13910000001'),
    });
    assert.equal(again.json().created, false);
    assert.equal(again.json().member.memberId, first.json().member.memberId);
  });

  test('wrong, expired and exhausted codes are refused', async () => {
    const phone = '13910000002';
    await post('/v1/members/otp', { merchantCode: 'members', phone });
    const code = await lastSmsCode(ctx.database.db, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    assertError(
      await post('/v1/members/register', { merchantCode: 'members', phone, code: wrong }),
      401,
      'otp_invalid',
    );
    now += OTP_RULES.ttlSeconds * 1000 + 1;
    assertError(await post('/v1/members/register', { merchantCode: 'members', phone, code }), 401, 'otp_expired');
    await post('/v1/members/otp', { merchantCode: 'members', phone });
    const fresh = await lastSmsCode(ctx.database.db, phone);
    for (let i = 0; i < OTP_RULES.maxAttempts; i++)
      await post('/v1/members/register', {
        merchantCode: 'members',
        phone,
        code: fresh === '000000' ? '111111' : '000000',
      });
    assertError(
      await post('/v1/members/register', { merchantCode: 'members', phone, code: fresh }),
      429,
      'otp_attempts_exceeded',
    );
  });

  test('codes are rate limited per phone', async () => {
    const phone = '13910000003';
    assert.equal((await post('/v1/members/otp', { merchantCode: 'members', phone })).statusCode, 202);
    assertError(await post('/v1/members/otp', { merchantCode: 'members', phone }), 429, 'otp_too_soon');
    for (let i = 1; i < ctx.config.smsPerPhonePerHour; i++) {
      now += 61_000;
      assert.equal((await post('/v1/members/otp', { merchantCode: 'members', phone })).statusCode, 202);
    }
    now += 61_000;
    assertError(await post('/v1/members/otp', { merchantCode: 'members', phone }), 429, 'otp_phone_limit');
  });

  test('bad phones, codes and merchants are 400/404 with the error shape', async () => {
    assertError(await post('/v1/members/otp', { merchantCode: 'members', phone: '12345678901' }), 400, 'phone_invalid');
    assertError(
      await post('/v1/members/otp', { merchantCode: 'nope', phone: '13910000009' }),
      404,
      'merchant_not_found',
    );
    assertError(
      await post('/v1/members/register', { merchantCode: 'members', phone: '13910000009', code: '12ab56' }),
      400,
      'invalid_request',
    );
  });
});

describe('consent, PIN and password-free payment', () => {
  test('consent must name the current text; withdrawal needs a consent', async () => {
    const member = await signUp('13920000001');
    const document = (
      await ctx.app.inject({ method: 'GET', url: '/v1/members/consent-document?merchantCode=members' })
    ).json();
    assert.match(document.zh, /人脸/);
    assert.match(document.en, /withdraw/);
    assertError(
      await post(
        '/v1/member/consents',
        { version: 'old', textSha256: document.sha256, accepted: true },
        { authorization: member },
      ),
      400,
      'consent_text_outdated',
    );
    assertError(
      await post(
        '/v1/member/consents',
        { version: document.version, textSha256: document.sha256, accepted: false },
        { authorization: member },
      ),
      400,
      'invalid_request',
    );
    assertError(
      await ctx.app.inject({
        method: 'DELETE',
        url: '/v1/member/consents/biometric',
        headers: { authorization: member },
      }),
      409,
      'consent_not_given',
    );
    const granted = await post(
      '/v1/member/consents',
      { version: document.version, textSha256: document.sha256, accepted: true },
      { authorization: member },
    );
    assert.equal(granted.statusCode, 201, granted.body);
    const face = await ctx.app.inject({ method: 'GET', url: '/v1/member/face', headers: { authorization: member } });
    assert.equal(face.json().consent.version, document.version);
    assert.equal(face.json().enrolled, false);
    const withdrawn = await ctx.app.inject({
      method: 'DELETE',
      url: '/v1/member/consents/biometric',
      headers: { authorization: member },
    });
    assert.deepEqual(withdrawn.json(), { templatesDeleted: 0, imagesDeleted: 0 });
  });

  test('enrollment without consent is refused before any face work', async () => {
    const member = await signUp('13920000002');
    const frame = Buffer.alloc(2000, 1).toString('base64');
    assertError(await post('/v1/member/face', { frames: [frame] }, { authorization: member }), 403, 'consent_required');
  });

  test('a PIN is 6 digits, not trivial, changed only with the current one, and locks after wrong tries', async () => {
    const authorization = await signUp('13920000003');
    const put = (url: string, payload: unknown) =>
      ctx.app.inject({ method: 'PUT', url, payload: payload as object, headers: { authorization } });
    assertError(await put('/v1/member/payment-agreement', { passwordFree: true }), 400, 'pin_required');
    assertError(await put('/v1/member/pin', { pin: '12345' }), 400, 'invalid_request');
    assertError(await put('/v1/member/pin', { pin: '123456' }), 400, 'pin_too_weak');
    assertError(await put('/v1/member/pin', { pin: '888888' }), 400, 'pin_too_weak');
    assert.equal((await put('/v1/member/pin', { pin: '274951' })).json().pinSet, true);
    assertError(await put('/v1/member/pin', { pin: '385062' }), 400, 'current_pin_required');
    for (let i = 0; i < 4; i++)
      assertError(await put('/v1/member/pin', { pin: '385062', currentPin: '000001' }), 401, 'pin_wrong');
    assertError(await put('/v1/member/pin', { pin: '385062', currentPin: '000001' }), 429, 'pin_locked');
    assertError(await put('/v1/member/pin', { pin: '385062', currentPin: '274951' }), 429, 'pin_locked');
    const agreement = await put('/v1/member/payment-agreement', {
      passwordFree: true,
      perPaymentLimitFen: 5000,
      dailyLimitFen: 20000,
    });
    assert.deepEqual(
      { ...(agreement.json() as object), pinLockedUntil: null },
      { passwordFree: true, perPaymentLimitFen: 5000, dailyLimitFen: 20000, pinSet: true, pinLockedUntil: null },
    );
    assertError(await put('/v1/member/payment-agreement', { perPaymentLimitFen: 30000 }), 400, 'limit_invalid');
    assertError(await put('/v1/member/payment-agreement', { perPaymentLimitFen: -1 }), 400, 'invalid_request');
  });
});

describe('wallet and receipts', () => {
  test('top-ups at the till and by test channel land in the wallet and the inbox', async () => {
    const authorization = await signUp('13930000001');
    const me = (await ctx.app.inject({ method: 'GET', url: '/v1/member/me', headers: { authorization } })).json();
    const cashier = await login(ctx.app, 'members-cashier');
    const url = `/v1/merchants/${shop.merchantId}/members/${me.memberId}/top-ups`;
    const first = await post(
      url,
      { amountFen: 5000, idempotencyKey: 'till-top-up-1', reason: 'cash at the till' },
      { authorization: cashier },
    );
    assert.equal(first.statusCode, 201, first.body);
    const retried = await post(
      url,
      { amountFen: 5000, idempotencyKey: 'till-top-up-1', reason: 'cash at the till' },
      { authorization: cashier },
    );
    assert.deepEqual(retried.json(), first.json());
    assertError(
      await post(url, { amountFen: 0, idempotencyKey: 'till-top-up-2', reason: 'cash' }, { authorization: cashier }),
      400,
      'invalid_request',
    );
    assertError(
      await post(url, { amountFen: 100, idempotencyKey: 'x', reason: 'cash' }, { authorization: cashier }),
      400,
      'invalid_request',
    );
    const admin = await login(ctx.app, 'members-admin');
    await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/merchants/${shop.merchantId}/settings`,
      headers: { authorization: admin },
      payload: { testPaymentChannel: true },
    });
    const self = await post(
      '/v1/member/wallet/top-ups',
      { amountFen: 1000, idempotencyKey: 'self-top-up-1' },
      { authorization },
    );
    assert.equal(self.json().balanceFen, 6000);
    const wallet = (
      await ctx.app.inject({ method: 'GET', url: '/v1/member/wallet', headers: { authorization } })
    ).json();
    assert.equal(wallet.balanceFen, 6000);
    assert.equal(wallet.verified, true);
    const receipts = (
      await ctx.app.inject({ method: 'GET', url: '/v1/member/receipts', headers: { authorization } })
    ).json().receipts;
    assert.deepEqual(
      receipts.map((r: { kind: string }) => r.kind),
      ['top_up', 'top_up'],
    );
    const members = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/members?phoneSuffix=0001`,
      headers: { authorization: cashier },
    });
    assert.ok(members.json().members.every((m: { maskedPhone: string }) => m.maskedPhone.includes('****')));
  });

  test('a member token does not open staff routes, nor another member the wallet', async () => {
    const authorization = await signUp('13930000002');
    assertError(
      await ctx.app.inject({
        method: 'GET',
        url: `/v1/merchants/${shop.merchantId}/payments`,
        headers: { authorization },
      }),
      401,
      'session_invalid',
    );
    assertError(
      await ctx.app.inject({ method: 'GET', url: '/v1/member/wallet', headers: { authorization: 'Bearer nope' } }),
      401,
      'member_session_invalid',
    );
  });
});

describe('member tokens', () => {
  test('a token names its merchant; a token from before tokens did still signs in until it expires', async () => {
    const authorization = await signUp('13930000003');
    assert.match(authorization, new RegExp(`^Bearer m${shop.merchantId}\\.[\\w-]{43}$`));
    const wallet = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'GET', url: '/v1/member/wallet', headers });
    assert.equal((await wallet({ authorization })).statusCode, 200);
    // The same secret under another merchant's id is another token.
    const forged = authorization.replace(shop.merchantId, '00000000-0000-4000-8000-000000000001');
    assertError(await wallet({ authorization: forged }), 401, 'member_session_invalid');

    const { createHash, randomBytes } = await import('node:crypto');
    const session = await ctx.database.db
      .selectFrom('member_sessions')
      .select(['merchant_id', 'member_id', 'expires_at'])
      .executeTakeFirstOrThrow();
    const old = randomBytes(32).toString('base64url');
    await ctx.database.db
      .insertInto('member_sessions')
      .values({ ...session, token_hash: createHash('sha256').update(old).digest('hex') })
      .execute();
    assert.equal((await wallet({ authorization: `Bearer ${old}` })).statusCode, 200);
  });
});

describe('staff wallet view', () => {
  test('an unknown member is 404 and reading writes nothing', async () => {
    const cashier = await login(ctx.app, 'members-cashier');
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const before = await ctx.database.db
      .selectFrom('ledger_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assertError(
      await ctx.app.inject({
        method: 'GET',
        url: `/v1/merchants/${shop.merchantId}/members/${unknown}/wallet`,
        headers: { authorization: cashier },
      }),
      404,
      'member_not_found',
    );
    const after = await ctx.database.db
      .selectFrom('ledger_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});
