import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

/**
 * A member gives their birthday once in the member app; afterwards only staff correct it (with a reason, audited), so
 * a shopper cannot move it about to collect birthday gifts. Bad days are refused and write nothing.
 */
let ctx: TestContext;
let shop: TestMerchant;
const now = new Date('2026-05-20T02:00:00Z');

before(async () => {
  ctx = await createTestApp({}, { now: () => now });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'bday');
});
after(() => ctx.close());

let phones = 0;
async function signUp(): Promise<{ authorization: string; memberId: string }> {
  const phone = `1391200${String(++phones).padStart(4, '0')}`;
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'bday', phone } });
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'bday', phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  assert.equal(response.statusCode, 200, response.body);
  return { authorization: `Bearer ${response.json().token}`, memberId: response.json().member.memberId };
}

const setMine = (authorization: string, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'PUT', url: '/v1/member/me/birthday', headers: { authorization }, payload });
const me = async (authorization: string) =>
  (await ctx.app.inject({ method: 'GET', url: '/v1/member/me', headers: { authorization } })).json();
const correct = async (staff: string, memberId: string, payload: Record<string, unknown>) =>
  ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${shop.merchantId}/members/${memberId}/birthday`,
    headers: { authorization: await login(ctx.app, staff) },
    payload,
  });
const audit = (action: string) =>
  ctx.database.db
    .selectFrom('audit_events')
    .select(['actor_type', 'target_id', 'details'])
    .where('merchant_id', '=', shop.merchantId)
    .where('action', '=', action)
    .execute();

test('a member gives their birthday once; a second time is refused and changes nothing', async () => {
  const { authorization, memberId } = await signUp();
  assert.equal((await me(authorization)).birthday, null);
  const set = await setMine(authorization, { month: 3, day: 14 });
  assert.equal(set.statusCode, 200, set.body);
  assert.deepEqual(set.json().birthday, { month: 3, day: 14, year: null });
  assert.deepEqual((await me(authorization)).birthday, { month: 3, day: 14, year: null });

  assertError(await setMine(authorization, { month: 5, day: 20 }), 409, 'birthday_already_set');
  assert.deepEqual((await me(authorization)).birthday, { month: 3, day: 14, year: null });
  assert.deepEqual(
    (await audit('member.birthday_set')).filter((e) => e.target_id === memberId).map((e) => e.actor_type),
    ['member'],
  );

  // Staff see it in the member list.
  const list = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/members?limit=50`,
    headers: { authorization: await login(ctx.app, 'bday-cashier') },
  });
  assert.deepEqual(list.json().members.find((m: { memberId: string }) => m.memberId === memberId).birthday, {
    month: 3,
    day: 14,
    year: null,
  });
});

test('a day the calendar does not have, or a year out of range, is refused with the field; nothing is written', async () => {
  const { authorization } = await signUp();
  for (const [payload, status, code, field] of [
    [{ month: 4, day: 31 }, 400, 'birthday_invalid', 'day'],
    [{ month: 2, day: 30 }, 400, 'birthday_invalid', 'day'],
    [{ month: 2, day: 29, year: 2023 }, 400, 'birthday_invalid', 'day'],
    [{ month: 6, day: 1, year: 2027 }, 400, 'birthday_invalid', 'year'],
    [{ month: 13, day: 1 }, 400, 'invalid_request', undefined],
    [{ month: 6, day: 0 }, 400, 'invalid_request', undefined],
    [{ month: 6, day: 1, year: 1800 }, 400, 'invalid_request', undefined],
    [{ month: 6, day: 1.5 }, 400, 'invalid_request', undefined],
    [{ month: 6 }, 400, 'invalid_request', undefined],
    [{ month: 6, day: 1, hour: 3 }, 400, 'invalid_request', undefined],
  ] as const) {
    const response = await setMine(authorization, payload);
    assertError(response, status, code);
    if (field) assert.equal(response.json().error.details.field, field, JSON.stringify(payload));
  }
  assert.equal((await me(authorization)).birthday, null);
  // 29 February is a birthday, with a leap year or none.
  assert.equal((await setMine(authorization, { month: 2, day: 29, year: 2000 })).statusCode, 200);
});

test('staff correct a birthday with a reason (audited); cleared, the member may give it again', async () => {
  const { authorization, memberId } = await signUp();
  await setMine(authorization, { month: 7, day: 1, year: 1990 });

  const corrected = await correct('bday-admin', memberId, {
    birthday: { month: 7, day: 10, year: 1990 },
    reason: '身份证上是7月10日',
  });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.deepEqual(corrected.json(), { memberId, birthday: { month: 7, day: 10, year: 1990 } });
  assert.deepEqual((await me(authorization)).birthday, { month: 7, day: 10, year: 1990 });
  const [event] = (await audit('member.birthday_corrected')).filter((e) => e.target_id === memberId);
  assert.deepEqual(event!.details, {
    from: { month: 7, day: 1, year: 1990 },
    to: { month: 7, day: 10, year: 1990 },
    reason: '身份证上是7月10日',
  });
  // Still closed to the member.
  assertError(await setMine(authorization, { month: 1, day: 1 }), 409, 'birthday_already_set');

  // Refused, and nothing changes: no reason, a bad day, a cashier, an unknown member.
  assertError(await correct('bday-admin', memberId, { birthday: null, reason: '   ' }), 400, 'reason_required');
  assertError(await correct('bday-admin', memberId, { birthday: null }), 400, 'invalid_request');
  assertError(
    await correct('bday-admin', memberId, { birthday: { month: 11, day: 31 }, reason: 'typo' }),
    400,
    'birthday_invalid',
  );
  assertError(
    await correct('bday-admin', memberId, { birthday: null, reason: 'x'.repeat(201) }),
    400,
    'invalid_request',
  );
  assertError(await correct('bday-cashier', memberId, { birthday: null, reason: 'asked' }), 403, 'forbidden');
  assertError(
    await correct('bday-admin', '00000000-0000-4000-8000-000000000000', { birthday: null, reason: 'asked' }),
    404,
    'member_not_found',
  );
  assert.deepEqual((await me(authorization)).birthday, { month: 7, day: 10, year: 1990 });
  assert.equal((await audit('member.birthday_corrected')).filter((e) => e.target_id === memberId).length, 1);

  // Cleared by the store: the member gives it again.
  const cleared = await correct('bday-manager', memberId, { birthday: null, reason: 'member asked to re-enter it' });
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.equal(cleared.json().birthday, null);
  assert.equal((await setMine(authorization, { month: 7, day: 11 })).statusCode, 200);
});
