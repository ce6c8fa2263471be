import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
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
import { PIN_RULES } from '../payments/index.ts';
import { createMember } from '../../../test/fixtures.ts';

/**
 * Step-up answers sent together, as a script would send them: however many arrive at once, a session weighs only as
 * many as the merchant's rule allows (3), a member's PIN only as many wrong ones as the PIN rule allows (5), and an
 * answer that comes after the lock is not weighed at all.
 */
let ctx: TestContext;
let shop: TestMerchant;
let kiosk: TestDevice;

const PIN = '274951';
const GUESSES = 30;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'stepup');
  kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'stepup-manager'), shop.merchantId, shop.storeIds[0]);
});
after(() => ctx.close());

let phones = 0;
async function memberWithPin(): Promise<{ memberId: string; suffix: string }> {
  const phone = `1370000${String(++phones).padStart(4, '0')}`;
  const member = await createMember(ctx.database.db, shop.merchantId, phone);
  await ctx.services.agreements.setPin(
    { type: 'member', merchantId: shop.merchantId, memberId: member.id },
    { pin: PIN },
  );
  return { memberId: member.id, suffix: phone.slice(-4) };
}

const pinSession = (memberId: string) =>
  insertFaceSession(ctx.services, ctx.database.db, {
    merchantId: shop.merchantId,
    storeId: shop.storeIds[0],
    deviceId: kiosk.deviceId,
    status: 'step_up',
    stepUp: 'pin',
    memberId,
  });

const answer = (sessionId: string, body: Record<string, string>) =>
  deviceRequest(ctx.app, kiosk, { method: 'POST', url: `/v1/face-sessions/${sessionId}/step-up`, payload: body });
const wrongPin = (i: number) => String(100000 + i * 7919).slice(0, 6);

async function agreement(memberId: string) {
  return ctx.database.db
    .selectFrom('payment_agreements')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
}

async function session(sessionId: string) {
  return ctx.database.db.selectFrom('face_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
}

/** The answers the session weighed: those that came back with the session's new state rather than an error. */
const weighed = <T extends { statusCode: number }>(responses: T[]) => responses.filter((r) => r.statusCode === 200);

test(`${GUESSES} wrong PINs at once on one session: exactly 3 are weighed, the session locks, and the right PIN after it does not pay`, async () => {
  const { memberId } = await memberWithPin();
  const sessionId = await pinSession(memberId);
  const responses = await Promise.all(
    Array.from({ length: GUESSES }, (_, i) => answer(sessionId, { pin: wrongPin(i) })),
  );

  assert.equal(weighed(responses).length, 3, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  for (const refused of responses.filter((r) => r.statusCode !== 200)) assertError(refused, 403, 'face_session_locked');
  assert.deepEqual(
    weighed(responses)
      .map((r) => r.json().status)
      .sort(),
    ['locked', 'step_up', 'step_up'],
  );

  const stored = await session(sessionId);
  assert.equal(stored.status, 'locked');
  assert.equal(stored.failed_attempts, 3);
  assert.equal((await agreement(memberId)).pin_failures, 3, 'the member’s PIN counted the 3 weighed guesses, no more');
  assert.equal((await agreement(memberId)).pin_locked_until, null);

  assertError(await answer(sessionId, { pin: PIN }), 403, 'face_session_locked');
  const view = await deviceRequest(ctx.app, kiosk, { method: 'GET', url: `/v1/face-sessions/${sessionId}` });
  assert.equal(view.json().status, 'locked');
  assert.equal(view.json().attemptsLeft, 0);
  assert.equal((await agreement(memberId)).pin_failures, 3);
});

test('the right PIN among wrong ones sent at once approves only if fewer than 3 wrong ones were weighed before it', async () => {
  for (let round = 0; round < 3; round++) {
    const { memberId } = await memberWithPin();
    const sessionId = await pinSession(memberId);
    const right = Math.floor(Math.random() * GUESSES);
    const responses = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) => answer(sessionId, { pin: i === right ? PIN : wrongPin(i) })),
    );
    const stored = await session(sessionId);
    const wrongWeighed = weighed(responses).filter(
      (r) => r.json().reason === 'pin_wrong' || r.json().status === 'locked',
    ).length;
    if (stored.status === 'approved') {
      assert.ok(wrongWeighed <= 2, `approved after ${wrongWeighed} wrong PINs`);
      assert.equal(responses[right]!.statusCode, 200);
      assert.equal(responses[right]!.json().status, 'approved');
      assert.equal((await agreement(memberId)).pin_failures, 0, 'the right PIN clears the count');
    } else {
      assert.equal(stored.status, 'locked');
      assert.equal(wrongWeighed, 3);
      assert.equal(stored.failed_attempts, 3);
    }
    assert.ok(weighed(responses).length <= 3, `${weighed(responses).length} answers weighed`);
  }
});

test(`wrong PINs at once over several sessions of one member: exactly ${PIN_RULES.maxFailures} are weighed, then the PIN locks for ${PIN_RULES.lockMinutes} minutes`, async () => {
  const { memberId } = await memberWithPin();
  const sessions = await Promise.all([0, 1, 2].map(() => pinSession(memberId)));
  const responses = await Promise.all(
    sessions.flatMap((sessionId) => Array.from({ length: 10 }, (_, i) => answer(sessionId, { pin: wrongPin(i) }))),
  );

  const reasons = weighed(responses).map((r) => r.json().reason as string);
  // The first PIN_RULES.maxFailures - 1 wrong ones say so; the one that reaches the rule locks the PIN, and every session
  // that asks after that is locked with it.
  assert.equal(reasons.filter((r) => r === 'pin_wrong').length, PIN_RULES.maxFailures - 1, reasons.join(','));
  const stored = await agreement(memberId);
  assert.ok(
    stored.pin_locked_until && stored.pin_locked_until.getTime() > Date.now() + (PIN_RULES.lockMinutes - 1) * 60_000,
  );
  for (const sessionId of sessions) {
    const view = (await deviceRequest(ctx.app, kiosk, { method: 'GET', url: `/v1/face-sessions/${sessionId}` })).json();
    if (view.status === 'locked')
      assert.equal(view.attemptsLeft, 0, 'a locked session has no tries left, whatever locked it');
  }

  const fresh = await pinSession(memberId);
  const locked = await answer(fresh, { pin: PIN });
  assert.equal(locked.statusCode, 200, locked.body);
  assert.deepEqual(
    [locked.json().status, locked.json().reason, locked.json().attemptsLeft],
    ['locked', 'pin_locked', 0],
  );
});

test(`${GUESSES} wrong phone numbers at once on one session: exactly 3 are weighed, then the session is locked`, async () => {
  const face = randomFace(0.25);
  const { memberId, suffix } = await memberWithPin();
  await storeTemplate(
    ctx.services,
    ctx.database.db,
    { merchantId: shop.merchantId, memberId, phoneSuffix: suffix },
    face,
  );
  const sessionId = await insertFaceSession(ctx.services, ctx.database.db, {
    merchantId: shop.merchantId,
    storeId: shop.storeIds[0],
    deviceId: kiosk.deviceId,
    status: 'step_up',
    stepUp: 'phone_suffix',
    candidates: [memberId],
    probe: face,
  });
  const wrong = (i: number) => String((Number(suffix) + 1 + i) % 10_000).padStart(4, '0');
  const responses = await Promise.all(
    Array.from({ length: GUESSES }, (_, i) => answer(sessionId, { phoneSuffix: wrong(i) })),
  );
  assert.equal(weighed(responses).length, 3, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  const stored = await session(sessionId);
  assert.deepEqual([stored.status, stored.failed_attempts], ['locked', 3]);
  assertError(await answer(sessionId, { phoneSuffix: suffix }), 403, 'face_session_locked');
});
