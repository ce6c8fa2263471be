import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../config.ts';
import { assertError } from '../../../test/assertions.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  TEST_PASSWORD,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

/** Sign-in and SMS limits key on the real client address and on the account, never on what a header claims. */

const fresh = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i % 250}, 198.51.100.${i % 200}` });

const signIn = (
  ctx: TestContext,
  username: string,
  password: string,
  options: { headers?: Record<string, string>; remoteAddress?: string } = {},
) => ctx.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username, password }, ...options });

const askForCode = (
  ctx: TestContext,
  merchantCode: string,
  phone: string,
  options: { headers?: Record<string, string>; remoteAddress?: string } = {},
) => ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode, phone }, ...options });

const phone = (i: number) => `1391234${String(i).padStart(4, '0')}`;

describe('the client address', () => {
  test('SHUALIAN_TRUSTED_PROXIES is empty unless set, and takes addresses and CIDR ranges', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, []);
    assert.deepEqual(loadConfig({ SHUALIAN_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).trustedProxies, [
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
      assert.throws(() => loadConfig({ SHUALIAN_TRUSTED_PROXIES: bad }), /SHUALIAN_TRUSTED_PROXIES/, bad);
    }
  });

  test('40 wrong staff passwords with a fresh X-Forwarded-For each meet the per-address limit', async () => {
    const ctx = await createTestApp({ authRateLimitPerMinute: 10 });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 40; i++)
        codes.push((await signIn(ctx, `nobody-${i}`, 'guess', { headers: fresh(i) })).json().error.code);
      assert.deepEqual(codes.slice(0, 10), Array(10).fill('invalid_credentials'));
      assert.deepEqual(codes.slice(10), Array(30).fill('rate_limited'));
    } finally {
      await ctx.close();
    }
  });

  test('only a proxy named in the configuration may pass the client address on', async () => {
    const ctx = await createTestApp({ authRateLimitPerMinute: 10, trustedProxies: ['10.1.2.3'] });
    try {
      for (let i = 0; i < 20; i++) {
        const through = await signIn(ctx, `nobody-${i}`, 'guess', { headers: fresh(i), remoteAddress: '10.1.2.3' });
        assertError(through, 401, 'invalid_credentials');
      }
      const direct: number[] = [];
      for (let i = 0; i < 15; i++)
        direct.push(
          (await signIn(ctx, `nobody-${i}`, 'guess', { headers: fresh(i), remoteAddress: '10.9.9.9' })).statusCode,
        );
      assert.deepEqual(direct, [...Array(10).fill(401), ...Array(5).fill(429)]);
    } finally {
      await ctx.close();
    }
  });
});

describe('staff sign-in lockout', () => {
  let ctx: TestContext;
  let shop: TestMerchant;
  let now = Date.parse('2026-03-02T09:00:00Z');

  before(async () => {
    ctx = await createTestApp(
      { authRateLimitPerMinute: 10_000, staffLockoutFailures: 5, staffLockoutSeconds: 60 },
      { now: () => new Date(now) },
    );
    shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'lock');
  });
  after(() => ctx.close());

  const lockouts = () =>
    ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('merchant_id', '=', shop.merchantId)
      .where('action', '=', 'staff.locked_out')
      .orderBy('id')
      .execute();

  test('repeated wrong passwords lock the account from every address, twice as long each time; success clears it', async () => {
    const user = `${shop.code}-cashier`;
    const codes: string[] = [];
    for (let i = 0; i < 40; i++)
      codes.push(
        (await signIn(ctx, user, `guess ${i}`, { headers: fresh(i), remoteAddress: `198.18.0.${i}` })).json().error
          .code,
      );
    assert.deepEqual(codes.slice(0, 4), Array(4).fill('invalid_credentials'));
    assert.deepEqual(codes.slice(4), Array(36).fill('account_locked'));

    const locked = await signIn(ctx, user, TEST_PASSWORD, { remoteAddress: '198.18.1.1' });
    assertError(locked, 429, 'account_locked');
    assert.equal(locked.json().error.details.retryAfterSeconds, 60);
    assert.equal(locked.headers['retry-after'], '60');

    // The lock ends; five more wrong passwords lock it again, for twice as long.
    now += 61_000;
    for (let i = 0; i < 4; i++) assertError(await signIn(ctx, user, 'still guessing'), 401, 'invalid_credentials');
    const second = await signIn(ctx, user, 'still guessing');
    assertError(second, 429, 'account_locked');
    assert.equal(second.json().error.details.retryAfterSeconds, 120);
    now += 61_000;
    assertError(await signIn(ctx, user, TEST_PASSWORD), 429, 'account_locked');

    now += 60_000;
    assert.equal((await signIn(ctx, user, TEST_PASSWORD)).statusCode, 200);
    // A success starts over: the next lock is the first again.
    for (let i = 0; i < 4; i++) assertError(await signIn(ctx, user, 'guess'), 401, 'invalid_credentials');
    assert.equal((await signIn(ctx, user, 'guess')).json().error.details.retryAfterSeconds, 60);

    const events = await lockouts();
    assert.equal(events.length, 3);
    const staffId = (
      await ctx.database.db
        .selectFrom('staff_users')
        .select('id')
        .where('username', '=', user)
        .executeTakeFirstOrThrow()
    ).id;
    for (const event of events) {
      assert.equal(event.target_type, 'staff');
      assert.equal(event.target_id, staffId);
      assert.equal(event.details.failures, 5);
    }
    assert.deepEqual(
      events.map((e) => e.details.lockouts),
      [1, 2, 1],
    );
  });

  test('wrong passwords sent together are checked no more often than the limit allows', async () => {
    const user = `${shop.code}-manager`;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(ctx, user, `parallel guess ${i}`, { headers: fresh(i), remoteAddress: `198.18.2.${i}` }),
      ),
    );
    const codes = answers.map((a) => a.json().error.code as string);
    assert.equal(codes.filter((c) => c === 'invalid_credentials').length, 4, codes.join(' '));
    assert.equal(codes.filter((c) => c === 'account_locked').length, 26, codes.join(' '));
    assertError(await signIn(ctx, user, TEST_PASSWORD), 429, 'account_locked');
    const row = await ctx.database.db
      .selectFrom('staff_users')
      .select(['failed_logins', 'lockouts'])
      .where('username', '=', user)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { failed_logins: 5, lockouts: 1 });
  });

  test('an unknown username is refused like a wrong password', async () => {
    assertError(await signIn(ctx, 'lock-nobody', TEST_PASSWORD), 401, 'invalid_credentials');
  });
});

describe('SMS codes', () => {
  test('30 codes to 30 numbers from one address, each with a fresh X-Forwarded-For, stop at the per-address limit', async () => {
    const ctx = await createTestApp();
    try {
      await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'smsa');
      const answers: number[] = [];
      for (let i = 0; i < 30; i++)
        answers.push((await askForCode(ctx, 'smsa', phone(i), { headers: fresh(i) })).statusCode);
      assert.deepEqual(answers, [
        ...Array(ctx.config.smsPerAddressPerHour).fill(202),
        ...Array(30 - ctx.config.smsPerAddressPerHour).fill(429),
      ]);
      const refused = await askForCode(ctx, 'smsa', phone(99), { headers: fresh(99) });
      assertError(refused, 429, 'otp_ip_limit');
      assert.ok(refused.json().error.details.retryAfterSeconds > 3500);
      const sent = await ctx.database.db
        .selectFrom('sms_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(sent.n), ctx.config.smsPerAddressPerHour);

      // A refused request counted against nothing: the phone it named still has its whole hourly allowance.
      assert.equal((await askForCode(ctx, 'smsa', phone(99), { remoteAddress: '198.18.3.1' })).statusCode, 202);
    } finally {
      await ctx.close();
    }
  });

  test('codes asked for together from one address never pass the limit', async () => {
    const ctx = await createTestApp({ smsPerAddressPerHour: 7 });
    try {
      await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'smsb');
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => askForCode(ctx, 'smsb', phone(i), { remoteAddress: '198.18.4.1' })),
      );
      const statuses = answers.map((a) => a.statusCode);
      assert.equal(statuses.filter((s) => s === 202).length, 7, statuses.join(' '));
      for (const refused of answers.filter((a) => a.statusCode !== 202)) assertError(refused, 429, 'otp_ip_limit');
      const challenges = await ctx.database.db
        .selectFrom('otp_challenges')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(challenges.n), 7);
    } finally {
      await ctx.close();
    }
  });

  test('a merchant sends at most its hourly number of codes, whatever addresses ask; other merchants are not affected', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const ctx = await createTestApp({ smsPerMerchantPerHour: 3 }, { now: () => new Date(now) });
    try {
      const provider = await createProvider(ctx.database.db);
      await createMerchant(ctx.database.db, provider, 'smsc');
      await createMerchant(ctx.database.db, provider, 'smsd');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => askForCode(ctx, 'smsc', phone(i), { remoteAddress: `198.18.5.${i}` })),
      );
      assert.equal(answers.filter((a) => a.statusCode === 202).length, 3);
      for (const refused of answers.filter((a) => a.statusCode !== 202))
        assertError(refused, 429, 'otp_merchant_limit');
      assert.equal((await askForCode(ctx, 'smsd', phone(50), { remoteAddress: '198.18.5.50' })).statusCode, 202);
      now += 3_600_000;
      assert.equal((await askForCode(ctx, 'smsc', phone(51), { remoteAddress: '198.18.5.51' })).statusCode, 202);
    } finally {
      await ctx.close();
    }
  });
});
