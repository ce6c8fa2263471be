import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createMerchant,
  createProvider,
  createTestApp,
  deviceRequest,
  activateKiosk,
  login,
  sharedRecognizer,
  type TestContext,
  type TestDevice,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { captureFrames, captureHeadTurn, faceAxis, toBase64Frames } from '../../../test/camera.ts';
import { challengeAsShown } from '../biometrics/index.ts';
import { twoPeople, variant } from '../../../test/face-images.ts';
import type { EngineRecognizer } from '../biometrics/index.ts';

/**
 * Face enrollment and face payment end to end through the HTTP API, with real faces: two people cut from one of
 * face-api.js's demo photos. The kiosk camera is played by test/camera.ts (the photo lit by the screen flashes).
 */
let ctx: TestContext;
let shop: TestMerchant;
let kiosk: TestDevice;
let now = Date.now();
let personA: Buffer;
let personB: Buffer;
let productId: string;

const PIN_A = '274951';

before(async () => {
  ctx = await createTestApp({}, { now: () => new Date(now) });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'facepay');
  kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'facepay-manager'), shop.merchantId, shop.storeIds[0]);
  const people = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
  personA = people.a;
  personB = people.b;
  const products = await deviceRequest(ctx.app, kiosk, {
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/products?barcode=facepay-0001`,
  });
  productId = products.json().products[0].id;
});
after(() => ctx.close());

async function member(
  phone: string,
  options: { consent?: boolean } = {},
): Promise<{ authorization: string; memberId: string }> {
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'facepay', phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'facepay', phone, code: await lastSmsCode(ctx.database.db, phone), displayName: '顾客' },
  });
  const authorization = `Bearer ${registered.json().token}`;
  if (options.consent !== false) {
    const document = (
      await ctx.app.inject({ method: 'GET', url: '/v1/members/consent-document?merchantCode=facepay' })
    ).json();
    await ctx.app.inject({
      method: 'POST',
      url: '/v1/member/consents',
      headers: { authorization },
      payload: { version: document.version, textSha256: document.sha256, accepted: true },
    });
  }
  return { authorization, memberId: registered.json().member.memberId };
}

const enroll = (authorization: string, images: Buffer[]) =>
  ctx.app.inject({
    method: 'POST',
    url: '/v1/member/face',
    headers: { authorization },
    payload: { frames: images.map((i) => i.toString('base64')) },
  });

async function openSession(quantity = 1) {
  const response = await deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: '/v1/face-sessions',
    payload: { items: [{ productId, quantity }] },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

async function look(photo: Buffer, options: { respond?: boolean; quantity?: number } = {}) {
  const session = await openSession(options.quantity);
  const frames = toBase64Frames(await captureFrames(photo, session.challenge, { respond: options.respond }));
  const response = await deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: `/v1/face-sessions/${session.sessionId}/frames`,
    payload: { frames },
  });
  return { session, response };
}

const stepUp = (sessionId: string, answer: Record<string, string>) =>
  deviceRequest(ctx.app, kiosk, { method: 'POST', url: `/v1/face-sessions/${sessionId}/step-up`, payload: answer });

const headTurn = (sessionId: string, frames: Array<{ image: Buffer; atMs: number }>) =>
  deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: `/v1/face-sessions/${sessionId}/head-turn`,
    payload: { frames: toBase64Frames(frames) },
  });

const walletOf = async (authorization: string) =>
  (await ctx.app.inject({ method: 'GET', url: '/v1/member/wallet', headers: { authorization } })).json()
    .balanceFen as number;

let a: { authorization: string; memberId: string };
let b: { authorization: string; memberId: string };

describe('enrollment', () => {
  test('members enroll with consent; a face already enrolled for another member is refused and logged', async () => {
    a = await member('13800000001');
    b = await member('13800000002');
    const enrolledA = await enroll(a.authorization, [personA, await variant(personA)]);
    assert.equal(enrolledA.statusCode, 201, enrolledA.body);
    assert.equal(enrolledA.json().templateCount, 2);
    assert.equal((await enroll(b.authorization, [personB])).statusCode, 201);

    const impostor = await member('13800000003');
    assertError(await enroll(impostor.authorization, [await variant(personA)]), 409, 'face_already_enrolled');
    const reviews = await ctx.database.db
      .selectFrom('enrollment_reviews')
      .selectAll()
      .where('member_id', '=', impostor.memberId)
      .execute();
    assert.equal(reviews[0]?.matched_member_id, a.memberId);

    const reenrolled = await enroll(a.authorization, [personA]);
    assert.equal(reenrolled.json().replacedPrevious, true);
    const summary = (
      await ctx.app.inject({ method: 'GET', url: '/v1/member/face', headers: { authorization: a.authorization } })
    ).json();
    assert.equal(summary.templateCount, 1);
    assert.equal(summary.rawImagesKept, 0);
    const stored = await ctx.database.db
      .selectFrom('face_templates')
      .select('ciphertext')
      .where('member_id', '=', a.memberId)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.ciphertext, /^[\d.,\s-]+$/, 'templates are stored encrypted');
  });

  test('frames that are not a usable face, or not an image, are refused with reasons', async () => {
    const c = await member('13800000004');
    const blank = await (
      await import('sharp')
    )
      .default({ create: { width: 320, height: 240, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer();
    const noFace = await enroll(c.authorization, [blank]);
    assertError(noFace, 400, 'no_usable_frame');
    assertError(
      await enroll(c.authorization, [Buffer.from('this is plain text, not a picture at all; '.repeat(5))]),
      400,
      'not_an_image',
    );
    assertError(
      await ctx.app.inject({
        method: 'POST',
        url: '/v1/member/face',
        headers: { authorization: c.authorization },
        payload: { frames: ['%%%'.repeat(50)] },
      }),
      400,
      'image_encoding_invalid',
    );
  });
});

describe('paying by face', () => {
  test('person A pays (at once or after the step-up the policy asks for); retries never charge twice', async () => {
    await ctx.app.inject({
      method: 'PUT',
      url: '/v1/member/pin',
      headers: { authorization: a.authorization },
      payload: { pin: PIN_A },
    });
    await ctx.app.inject({
      method: 'PUT',
      url: '/v1/member/payment-agreement',
      headers: { authorization: a.authorization },
      payload: { passwordFree: true, perPaymentLimitFen: 5000, dailyLimitFen: 20000 },
    });
    const cashier = await login(ctx.app, 'facepay-cashier');
    await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${shop.merchantId}/members/${a.memberId}/top-ups`,
      headers: { authorization: cashier },
      payload: { amountFen: 10_000, idempotencyKey: 'facepay-top-up-a', reason: 'cash at the till' },
    });

    const { session, response } = await look(await variant(personA));
    assert.equal(response.statusCode, 200, response.body);
    let state = response.json();
    if (state.status === 'step_up' && state.stepUp === 'phone_suffix')
      state = (await stepUp(session.sessionId, { phoneSuffix: '0001' })).json();
    if (state.status === 'step_up' && state.stepUp === 'pin')
      state = (await stepUp(session.sessionId, { pin: PIN_A })).json();
    assert.equal(state.status, 'approved', JSON.stringify(state));
    assert.equal(state.member.maskedPhone, '138****0001');

    const pay = (key: string) =>
      deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: '/v1/payments',
        payload: { faceSessionId: session.sessionId, idempotencyKey: key },
      });
    const paid = await pay('kiosk-pay-0001');
    assert.equal(paid.statusCode, 201, paid.body);
    assert.equal(paid.json().amountFen, 2500);
    assert.deepEqual((await pay('kiosk-pay-0001')).json(), paid.json());
    assertError(await pay('kiosk-pay-0002'), 409, 'face_session_used');
    assert.equal(await walletOf(a.authorization), 7500);
    const receipts = (
      await ctx.app.inject({ method: 'GET', url: '/v1/member/receipts', headers: { authorization: a.authorization } })
    ).json().receipts;
    assert.equal(receipts[0].kind, 'payment');
    assert.equal(receipts[0].body.items[0].lineTotalFen, 2500);
    assert.equal(receipts[0].body.discountFen, 300);
  });

  test('the first frame sent early, during the flash, leads to the same decision; a bad one is refused and changes nothing', async () => {
    const session = await openSession();
    const frames = toBase64Frames(await captureFrames(await variant(personA), session.challenge));
    const early = (image: string) =>
      deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${session.sessionId}/first-look`,
        payload: { image },
      });
    assertError(
      await early(Buffer.from('not a picture, only words; '.repeat(8)).toString('base64')),
      400,
      'not_an_image',
    );
    const look = await early(frames[0]!.image);
    assert.equal(look.statusCode, 202, look.body);
    assert.equal(look.json().usable, true);
    const decided = await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: `/v1/face-sessions/${session.sessionId}/frames`,
      payload: { frames },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.ok(['approved', 'step_up'].includes(decided.json().status), decided.body);
    assert.equal(decided.json().reason === 'spoof_suspected', false);
    assertError(await early(frames[0]!.image), 409, 'face_session_wrong_state');
  });

  test('a busy kiosk says when it really showed each colour; frames line up with those times, and times that cannot be are refused', async () => {
    const session = await openSession();
    const late = [0, 140, 60, 170, 90, 40, 150, 80, 120, 50, 100];
    const shownAtMs = late.map((ms, i) =>
      i === 0 ? 0 : (session.challenge.steps[i]?.startMs ?? session.challenge.totalMs) + ms,
    );
    const frames = toBase64Frames(
      await captureFrames(await variant(personA), challengeAsShown(session.challenge, shownAtMs)!),
    );
    const send = (payload: object) =>
      deviceRequest(ctx.app, kiosk, { method: 'POST', url: `/v1/face-sessions/${session.sessionId}/frames`, payload });

    assertError(await send({ frames, shownAtMs: shownAtMs.slice(1) }), 400, 'flash_times_invalid');
    assertError(
      await send({ frames, shownAtMs: shownAtMs.map((ms, i) => (i === 5 ? ms - 200 : ms)) }),
      400,
      'flash_times_invalid',
    );
    assertError(await send({ frames, shownAtMs: [...shownAtMs.slice(0, -1), 'late'] }), 400, 'invalid_request');
    const unchanged = await deviceRequest(ctx.app, kiosk, {
      method: 'GET',
      url: `/v1/face-sessions/${session.sessionId}`,
    });
    assert.equal(unchanged.json().status, 'awaiting_frames', unchanged.body);

    const decided = await send({ frames, shownAtMs });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.ok(['approved', 'step_up'].includes(decided.json().status), decided.body);
    assert.notEqual(decided.json().reason, 'spoof_suspected', decided.body);
  });

  test("person B's face never charges A", async () => {
    const before = await walletOf(a.authorization);
    const { session, response } = await look(personB);
    assert.equal(response.statusCode, 200, response.body);
    const state = response.json();
    if (state.member) assert.notEqual(state.member.maskedPhone, '138****0001');
    if (state.status === 'step_up' && state.stepUp === 'phone_suffix') {
      const answered = (await stepUp(session.sessionId, { phoneSuffix: '0001' })).json();
      assert.notEqual(answered.status, 'approved', 'B claiming A’s phone suffix must not be accepted');
    }
    if (state.status === 'approved') {
      const paid = await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: '/v1/payments',
        payload: { faceSessionId: session.sessionId, idempotencyKey: 'kiosk-pay-b-01' },
      });
      assert.notEqual(paid.json().memberId, a.memberId);
    }
    assert.equal(await walletOf(a.authorization), before);
  });

  test('a still photo that does not react to the flashes is asked to turn its head, cannot, and is refused as a spoof', async () => {
    const photo = await variant(personA);
    const { session, response } = await look(photo, { respond: false });
    assert.equal(response.statusCode, 200, response.body);
    const state = response.json();
    assert.equal(state.status, 'step_up', JSON.stringify(state));
    assert.equal(state.stepUp, 'head_turn');
    assert.equal(state.reason, 'flash_not_visible');
    assert.equal(state.member, null, 'nobody is named before liveness is proven');
    assert.ok(['left', 'right'].includes(state.headTurn.side));
    assertError(await stepUp(session.sessionId, { phoneSuffix: '0001' }), 400, 'step_up_mismatch');

    const frames = await captureHeadTurn(photo, state.headTurn, await faceAxis(await sharedRecognizer(), photo), {
      follow: false,
    });
    const answered = await headTurn(session.sessionId, frames);
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status, 'refused');
    assert.equal(answered.json().reason, 'spoof_suspected');
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('target_id', '=', session.sessionId)
      .where('action', '=', 'face_pay.spoof_suspected')
      .executeTakeFirstOrThrow();
    const details = audit.details as { reason: string; headTurn: { passed: boolean; reason: string } };
    assert.equal(details.reason, 'spoof_suspected');
    assert.deepEqual([details.headTurn.passed, details.headTurn.reason], [false, 'no_turn']);
    assertError(await headTurn(session.sessionId, frames), 409, 'face_session_refused');
  });

  test('where the flash does not show on the face (strong light), A turns their head as asked and pays', async () => {
    const photo = await variant(personA);
    const axis = await faceAxis(await sharedRecognizer(), photo);
    const { session, response } = await look(photo, { respond: false });
    const state = response.json();
    assert.equal(state.stepUp, 'head_turn', JSON.stringify(state));
    const answered = await headTurn(session.sessionId, await captureHeadTurn(photo, state.headTurn, axis));
    assert.equal(answered.statusCode, 200, answered.body);
    let after = answered.json();
    if (after.status === 'step_up' && after.stepUp === 'phone_suffix')
      after = (await stepUp(session.sessionId, { phoneSuffix: '0001' })).json();
    assert.equal(after.status, 'approved', JSON.stringify(after));
    assert.equal(after.member.maskedPhone, '138****0001');
    const decision = (
      await ctx.database.db
        .selectFrom('face_sessions')
        .select('decision')
        .where('id', '=', session.sessionId)
        .executeTakeFirstOrThrow()
    ).decision as {
      headTurnVerdict: {
        passed: boolean;
        peakDeg: number;
        sameShopper: boolean;
        parallax?: { passed: boolean; residualIod: number; noiseIod: number; excessIod: number; chancePlanar: number };
      };
    };
    assert.equal(decision.headTurnVerdict.passed, true);
    assert.equal(decision.headTurnVerdict.sameShopper, true);
    // The parallax check is computed from the engine's landmarks and kept with the verdict; with the merchant setting
    // off (the default) it does not refuse.
    const parallax = decision.headTurnVerdict.parallax;
    assert.ok(
      parallax && parallax.residualIod > 0 && parallax.noiseIod > 0 && parallax.excessIod >= 0,
      JSON.stringify(decision.headTurnVerdict),
    );
  });

  test('a turn to the wrong side, or another face doing the turn, is refused; so is a head turn nobody asked for', async () => {
    const photo = await variant(personA);
    const axis = await faceAxis(await sharedRecognizer(), photo);
    const wrong = await look(photo, { respond: false });
    const wrongAnswer = await headTurn(
      wrong.session.sessionId,
      await captureHeadTurn(photo, wrong.response.json().headTurn, axis, { follow: 'wrong_side' }),
    );
    assert.equal(wrongAnswer.json().status, 'refused', wrongAnswer.body);

    const swapped = await look(photo, { respond: false });
    const other = await captureHeadTurn(
      personB,
      swapped.response.json().headTurn,
      await faceAxis(await sharedRecognizer(), personB),
    );
    const swappedAnswer = await headTurn(swapped.session.sessionId, other);
    assert.equal(swappedAnswer.json().status, 'refused', swappedAnswer.body);
    const decision = (
      await ctx.database.db
        .selectFrom('face_sessions')
        .select('decision')
        .where('id', '=', swapped.session.sessionId)
        .executeTakeFirstOrThrow()
    ).decision as { headTurnVerdict: { sameShopper: boolean } };
    assert.equal(decision.headTurnVerdict.sameShopper, false);

    const lit = await look(personA, { quantity: 3 });
    assertError(await headTurn(lit.session.sessionId, other), 400, 'step_up_mismatch');
    assertError(
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${lit.session.sessionId}/head-turn`,
        payload: { frames: [] },
      }),
      400,
      'invalid_request',
    );
  });

  test('with the head turn switched off by the merchant, a photo is refused at once', async () => {
    const admin = await login(ctx.app, 'facepay-admin');
    const off = await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/merchants/${shop.merchantId}/settings`,
      headers: { authorization: admin },
      payload: { headTurnWhenFlashNotVisible: false },
    });
    assert.equal(off.statusCode, 200, off.body);
    try {
      const { response } = await look(await variant(personA), { respond: false });
      assert.equal(response.json().status, 'refused');
      assert.equal(response.json().reason, 'spoof_suspected');
    } finally {
      await ctx.app.inject({
        method: 'PATCH',
        url: `/v1/merchants/${shop.merchantId}/settings`,
        headers: { authorization: admin },
        payload: { headTurnWhenFlashNotVisible: true },
      });
    }
  });

  test('above the password-free limit the PIN is asked; wrong PINs lock the session and notify the member', async () => {
    const { session, response } = await look(personA, { quantity: 3 });
    let state = response.json();
    if (state.status === 'step_up' && state.stepUp === 'phone_suffix')
      state = (await stepUp(session.sessionId, { phoneSuffix: '0001' })).json();
    assert.equal(state.status, 'step_up', JSON.stringify(state));
    assert.equal(state.stepUp, 'pin');
    assertError(await stepUp(session.sessionId, { phoneSuffix: '0001' }), 400, 'step_up_mismatch');
    for (let i = 0; i < 2; i++)
      assert.equal((await stepUp(session.sessionId, { pin: '000001' })).json().status, 'step_up');
    assert.equal((await stepUp(session.sessionId, { pin: '000001' })).json().status, 'locked');
    assertError(await stepUp(session.sessionId, { pin: PIN_A }), 403, 'face_session_locked');
    const receipts = (
      await ctx.app.inject({ method: 'GET', url: '/v1/member/receipts', headers: { authorization: a.authorization } })
    ).json().receipts;
    assert.equal(receipts[0].kind, 'notice');
  });

  test('a session locked because the PIN itself locked shows no attempts left', async () => {
    const admin = await login(ctx.app, 'facepay-admin');
    const settings = `/v1/merchants/${shop.merchantId}/settings`;
    // more step-up answers per session than wrong PINs per member: the PIN's own lock ends the session first
    const raised = await ctx.app.inject({
      method: 'PATCH',
      url: settings,
      headers: { authorization: admin },
      payload: { maxStepUpFailures: 10 },
    });
    assert.equal(raised.statusCode, 200, raised.body);
    try {
      const { session, response } = await look(personA, { quantity: 3 });
      let state = response.json();
      if (state.status === 'step_up' && state.stepUp === 'phone_suffix')
        state = (await stepUp(session.sessionId, { phoneSuffix: '0001' })).json();
      assert.equal(state.stepUp, 'pin', JSON.stringify(state));
      for (let i = 0; i < 10 && state.status === 'step_up'; i++)
        state = (await stepUp(session.sessionId, { pin: '000002' })).json();
      assert.equal(state.status, 'locked');
      assert.equal(state.reason, 'pin_locked');
      assert.equal(state.attemptsLeft, 0);
      assert.equal(
        (await deviceRequest(ctx.app, kiosk, { method: 'GET', url: `/v1/face-sessions/${session.sessionId}` })).json()
          .attemptsLeft,
        0,
      );
    } finally {
      await ctx.app.inject({
        method: 'PATCH',
        url: settings,
        headers: { authorization: admin },
        payload: { maxStepUpFailures: 3 },
      });
    }
  });

  test('unknown, expired and wrong-state sessions are refused', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    assertError(
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${unknown}/frames`,
        payload: { frames: [{ image: personA.toString('base64'), atMs: 0 }] },
      }),
      404,
      'face_session_not_found',
    );
    const session = await openSession();
    assertError(
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: '/v1/payments',
        payload: { faceSessionId: session.sessionId, idempotencyKey: 'too-early-01' },
      }),
      409,
      'face_session_wrong_state',
    );
    now += 91_000;
    assertError(
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${session.sessionId}/frames`,
        payload: { frames: [{ image: personA.toString('base64'), atMs: 0 }] },
      }),
      410,
      'face_session_expired',
    );
    assertError(
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: '/v1/face-sessions',
        payload: { items: [{ productId: unknown, quantity: 1 }] },
      }),
      400,
      'product_unknown',
    );
    assertError(
      await deviceRequest(ctx.app, kiosk, { method: 'POST', url: '/v1/face-sessions', payload: { items: [] } }),
      400,
      'invalid_request',
    );
  });

  test('after A deletes their face data, A is not recognised at once', async () => {
    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: '/v1/member/face',
      headers: { authorization: a.authorization },
    });
    assert.equal(deleted.json().templatesDeleted, 1);
    const { response } = await look(await variant(personA));
    const state = response.json();
    assert.notEqual(state.member?.maskedPhone, '138****0001');
    assert.notEqual(state.status, 'approved');
    const templates = await ctx.database.db
      .selectFrom('face_templates')
      .selectAll()
      .where('member_id', '=', a.memberId)
      .execute();
    assert.equal(templates.length, 0);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', a.memberId)
      .execute();
    assert.ok(audit.some((e) => e.action === 'biometric.deleted'));
  });
});
