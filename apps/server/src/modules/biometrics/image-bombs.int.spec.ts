import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { blankPng, blankRgbPng, gifImage, svgImage, truncated } from '@shualian/face-engine/testing';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import { captureFrames, toBase64Frames } from '../../../test/camera.ts';
import { twoPeople, variant } from '../../../test/face-images.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  deviceRequest,
  login,
  sharedRecognizer,
  type TestContext,
  type TestDevice,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { EngineRecognizer } from './engine-adapter.ts';

/**
 * Hostile pictures at every entry point that takes one. A picture is checked (format by its bytes, structure to its
 * end, declared size) before anything decodes it, large ones are analysed scaled down, and the analysis runs in
 * worker threads: one upload cannot take face payment down for everyone, and a refused picture writes nothing.
 */
let ctx: TestContext;
let shop: TestMerchant;
let kiosk: TestDevice;
let staff: string;
let person: Buffer;
let productId: string;
const bombs: Record<string, { bytes: Buffer; code: string }> = {};

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'bombs');
  kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'bombs-manager'), shop.merchantId, shop.storeIds[0]);
  staff = await login(ctx.app, 'bombs-admin');
  person = (await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine)).a;
  productId = (
    await deviceRequest(ctx.app, kiosk, {
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/products?barcode=bombs-0001`,
    })
  ).json().products[0].id;
  bombs['20000² PNG'] = { bytes: blankPng(20_000, 20_000), code: 'image_too_large' };
  bombs['16000² PNG'] = { bytes: blankPng(16_000, 16_000), code: 'image_too_large' };
  bombs['SVG'] = { bytes: svgImage(20_000), code: 'image_format_unsupported' };
  bombs['GIF'] = { bytes: await gifImage(), code: 'image_format_unsupported' };
  bombs['truncated JPEG'] = { bytes: truncated(person), code: 'image_truncated' };
});
after(() => ctx.close());

async function member(phone: string): Promise<{ authorization: string; memberId: string }> {
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'bombs', phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'bombs', phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  const authorization = `Bearer ${registered.json().token}`;
  const document = (
    await ctx.app.inject({ method: 'GET', url: '/v1/members/consent-document?merchantCode=bombs' })
  ).json();
  await ctx.app.inject({
    method: 'POST',
    url: '/v1/member/consents',
    headers: { authorization },
    payload: { version: document.version, textSha256: document.sha256, accepted: true },
  });
  return { authorization, memberId: registered.json().member.memberId };
}

const enroll = (c: TestContext, authorization: string, images: Buffer[]) =>
  c.app.inject({
    method: 'POST',
    url: '/v1/member/face',
    headers: { authorization },
    payload: { frames: images.map((i) => i.toString('base64')) },
  });

async function openSession() {
  const response = await deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: '/v1/face-sessions',
    payload: { items: [{ productId, quantity: 1 }] },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const submitFrames = (sessionId: string, frames: Array<{ image: string; atMs: number }>) =>
  deviceRequest(ctx.app, kiosk, { method: 'POST', url: `/v1/face-sessions/${sessionId}/frames`, payload: { frames } });

const sessionRow = (sessionId: string) =>
  ctx.database.db
    .selectFrom('face_sessions')
    .select(['status', 'decision', 'failed_attempts'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
const templatesOf = async (memberId: string) =>
  (await ctx.database.db.selectFrom('face_templates').select('id').where('member_id', '=', memberId).execute()).length;

describe('one upload cannot take face payment down', () => {
  test('a blank 6000×4000 PNG sent to enrollFace is refused, and the next enrollment and face payment go through', async () => {
    const shopper = await member('13900000001');
    assertError(await enroll(ctx, shopper.authorization, [await blankRgbPng(6000, 4000)]), 400, 'no_usable_frame');
    assert.equal(await templatesOf(shopper.memberId), 0, 'nothing is stored');

    const enrolled = await enroll(ctx, shopper.authorization, [person]);
    assert.equal(enrolled.statusCode, 201, enrolled.body);
    await ctx.app.inject({
      method: 'PUT',
      url: '/v1/member/pin',
      headers: { authorization: shopper.authorization },
      payload: { pin: '274951' },
    });
    await ctx.app.inject({
      method: 'PUT',
      url: '/v1/member/payment-agreement',
      headers: { authorization: shopper.authorization },
      payload: { passwordFree: true, perPaymentLimitFen: 5000, dailyLimitFen: 20000 },
    });
    await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${shop.merchantId}/members/${shopper.memberId}/top-ups`,
      headers: { authorization: staff },
      payload: { amountFen: 10_000, idempotencyKey: 'bombs-top-up-1', reason: 'cash at the till' },
    });

    const session = await openSession();
    const frames = toBase64Frames(await captureFrames(await variant(person), session.challenge));
    let state = (await submitFrames(session.sessionId, frames)).json();
    if (state.status === 'step_up' && state.stepUp === 'phone_suffix') {
      state = (
        await deviceRequest(ctx.app, kiosk, {
          method: 'POST',
          url: `/v1/face-sessions/${session.sessionId}/step-up`,
          payload: { phoneSuffix: '0001' },
        })
      ).json();
    }
    if (state.status === 'step_up' && state.stepUp === 'pin') {
      state = (
        await deviceRequest(ctx.app, kiosk, {
          method: 'POST',
          url: `/v1/face-sessions/${session.sessionId}/step-up`,
          payload: { pin: '274951' },
        })
      ).json();
    }
    assert.equal(state.status, 'approved', JSON.stringify(state));
    const paid = await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: '/v1/payments',
      payload: { faceSessionId: session.sessionId, idempotencyKey: 'bombs-pay-0001' },
    });
    assert.equal(paid.statusCode, 201, paid.body);
  });

  test('an analysis that overruns its deadline answers 503 and writes nothing', async () => {
    const hurried = await EngineRecognizer.load({ workers: 1, jobDeadlineMs: 1 });
    const other = await createTestApp({}, { recognizer: async () => hurried });
    try {
      await createMerchant(other.database.db, await createProvider(other.database.db), 'bombs');
      await other.app.inject({
        method: 'POST',
        url: '/v1/members/otp',
        payload: { merchantCode: 'bombs', phone: '13900000009' },
      });
      const code = await lastSmsCode(other.database.db, '13900000009');
      const registered = (
        await other.app.inject({
          method: 'POST',
          url: '/v1/members/register',
          payload: { merchantCode: 'bombs', phone: '13900000009', code },
        })
      ).json();
      const authorization = `Bearer ${registered.token}`;
      const document = (
        await other.app.inject({ method: 'GET', url: '/v1/members/consent-document?merchantCode=bombs' })
      ).json();
      await other.app.inject({
        method: 'POST',
        url: '/v1/member/consents',
        headers: { authorization },
        payload: { version: document.version, textSha256: document.sha256, accepted: true },
      });
      assertError(await enroll(other, authorization, [person]), 503, 'face_analysis_failed');
      const stored = await other.database.db.selectFrom('face_templates').select('id').execute();
      assert.equal(stored.length, 0);
      assert.equal(hurried.faceEngine.stats().replaced, 1, 'the worker that overran was replaced');
    } finally {
      await other.close();
      await hurried.close();
    }
  });
});

describe('every picture passes the gate, at every entry point', () => {
  test('a kiosk frame that is not the first is checked like the first; a refused request changes nothing', async () => {
    const session = await openSession();
    const frames = toBase64Frames(await captureFrames(await variant(person), session.challenge));
    const before = await sessionRow(session.sessionId);
    for (const [name, bomb] of Object.entries(bombs)) {
      const hostile = frames.map((f, i) => (i === 5 ? { ...f, image: bomb.bytes.toString('base64') } : f));
      const response = await submitFrames(session.sessionId, hostile);
      assertError(response, 400, bomb.code);
      assert.equal(response.json().error.details.field, 'frames[5].image', name);
      assert.deepEqual(await sessionRow(session.sessionId), before, `${name}: the session is untouched`);
    }
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', session.sessionId)
      .execute();
    assert.deepEqual(events, []);
    assert.equal(
      (await submitFrames(session.sessionId, frames)).statusCode,
      200,
      'the same session decides on good frames',
    );
  });

  test('a first look is checked like a frame, and so is every head-turn frame', async () => {
    const session = await openSession();
    for (const bomb of Object.values(bombs)) {
      const look = await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${session.sessionId}/first-look`,
        payload: { image: bomb.bytes.toString('base64') },
      });
      assertError(look, 400, bomb.code);
    }
    assert.equal((await sessionRow(session.sessionId)).status, 'awaiting_frames');

    // A still picture does not react to the flashes: the enrolled shopper is asked to turn their head.
    const photo = await variant(person);
    const turning = await openSession();
    const flat = toBase64Frames(await captureFrames(photo, turning.challenge, { respond: false }));
    const state = (await submitFrames(turning.sessionId, flat)).json();
    assert.equal(state.stepUp, 'head_turn', JSON.stringify(state));
    const before = await sessionRow(turning.sessionId);
    for (const [name, bomb] of Object.entries(bombs)) {
      const frames = [
        { image: photo.toString('base64'), atMs: 0 },
        { image: bomb.bytes.toString('base64'), atMs: state.headTurn.turnAtMs + 200 },
      ];
      const turn = await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${turning.sessionId}/head-turn`,
        payload: { frames },
      });
      assertError(turn, 400, bomb.code);
      assert.equal(turn.json().error.details.field, 'frames[1].image', name);
      assert.deepEqual(await sessionRow(turning.sessionId), before, `${name}: the session is untouched`);
    }
  });

  test('enrollment frames: any hostile frame refuses the enrollment and stores nothing', async () => {
    const shopper = await member('13900000002');
    for (const [name, bomb] of Object.entries(bombs)) {
      const response = await enroll(ctx, shopper.authorization, [person, bomb.bytes]);
      assertError(response, 400, bomb.code);
      assert.equal(response.json().error.details.field, 'frames[1]', name);
    }
    assert.equal(await templatesOf(shopper.memberId), 0);
  });

  test('staff uploads to detect, verify and identify: the bytes decide, whatever type the upload claims', async () => {
    const post = (url: string, parts: Record<string, Buffer>) => {
      const boundary = `----bombs${Date.now()}`;
      const chunks = Object.entries(parts).flatMap(([name, bytes]) => [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        bytes,
        Buffer.from('\r\n'),
      ]);
      const payload = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
      return ctx.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: staff },
      });
    };
    for (const bomb of Object.values(bombs)) {
      assertError(await post('/v1/face/detect', { image: bomb.bytes }), 400, bomb.code);
      assertError(await post('/v1/face/verify', { imageA: person, imageB: bomb.bytes }), 400, bomb.code);
      assertError(await post(`/v1/merchants/${shop.merchantId}/face/identify`, { image: bomb.bytes }), 400, bomb.code);
    }
    const detected = await post('/v1/face/detect', { image: person });
    assert.equal(detected.statusCode, 200, detected.body);
    assert.equal(detected.json().faces.length, 1);
  });
});
