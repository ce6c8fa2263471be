import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CALIBRATION_CONSENT_VERSION } from './calibration-consent.ts';
import { assertError } from '../../../../test/assertions.ts';
import { captureFrames, toBase64Frames } from '../../../../test/camera.ts';
import { twoPeople } from '../../../../test/face-images.ts';
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
} from '../../../../test/test-app.ts';
import type { EngineRecognizer } from '../engine-adapter.ts';

/**
 * Liveness calibration through the HTTP API with a real face: a technician opens labelled captures at a kiosk, the
 * kiosk's attempts run the payment's live checks, and the report counts them by label. The "live" attempts are the
 * photo lit by the screen's flashes (test/camera.ts); the "print" ones the same photo that does not respond.
 */
let ctx: TestContext;
let shop: TestMerchant;
let kiosk: TestDevice;
let admin: string;
let face: Buffer;
let now = Date.now();

before(async () => {
  ctx = await createTestApp({}, { now: () => new Date(now) });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'calib');
  kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'calib-manager'), shop.merchantId, shop.storeIds[0]);
  admin = await login(ctx.app, 'calib-admin');
  face = (await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine)).a;
});
after(() => ctx.close());

const base = () => `/v1/merchants/${shop.merchantId}/liveness-captures`;
const startCapture = (payload: Record<string, unknown>, authorization = admin) =>
  ctx.app.inject({ method: 'POST', url: base(), headers: { authorization }, payload });
const report = async () =>
  (await ctx.app.inject({ method: 'GET', url: base(), headers: { authorization: admin } })).json();

async function attempt(respond: boolean) {
  const started = await deviceRequest(ctx.app, kiosk, { method: 'POST', url: '/v1/device/liveness-capture/attempts' });
  assert.equal(started.statusCode, 201, started.body);
  const { attemptId, challenge } = started.json();
  const frames = toBase64Frames(await captureFrames(face, challenge, { respond }));
  const url = `/v1/device/liveness-capture/attempts/${attemptId}/frames`;
  return {
    attemptId,
    url,
    frames,
    response: await deviceRequest(ctx.app, kiosk, { method: 'POST', url, payload: { frames } }),
  };
}

describe('liveness calibration', () => {
  test('a capture needs the current consent text, a kiosk of the merchant, and an admin', async () => {
    const deviceId = kiosk.deviceId;
    assertError(
      await startCapture({ deviceId, label: 'live', consentVersion: '2020-01-01' }),
      400,
      'consent_version_mismatch',
    );
    assertError(
      await startCapture({
        deviceId: '00000000-0000-4000-8000-000000000000',
        label: 'live',
        consentVersion: CALIBRATION_CONSENT_VERSION,
      }),
      404,
      'device_not_found',
    );
    const manager = await login(ctx.app, 'calib-manager');
    assertError(
      await startCapture({ deviceId, label: 'live', consentVersion: CALIBRATION_CONSENT_VERSION }, manager),
      403,
      'forbidden',
    );
    assertError(
      await startCapture({ deviceId, label: 'selfie', consentVersion: CALIBRATION_CONSENT_VERSION }),
      400,
      'invalid_request',
    );
    const none = await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/device/liveness-capture' });
    assert.deepEqual(none.json(), { capture: null });
    assertError(
      await deviceRequest(ctx.app, kiosk, { method: 'POST', url: '/v1/device/liveness-capture/attempts' }),
      404,
      'capture_not_open',
    );
  });

  test('live attempts pass and a print that does not respond to the flash is refused; the report counts them by label', async () => {
    const live = await startCapture({
      deviceId: kiosk.deviceId,
      label: 'live',
      note: 'front counter',
      consentVersion: CALIBRATION_CONSENT_VERSION,
    });
    assert.equal(live.statusCode, 201, live.body);
    assertError(
      await startCapture({ deviceId: kiosk.deviceId, label: 'print', consentVersion: CALIBRATION_CONSENT_VERSION }),
      409,
      'capture_already_open',
    );
    const open = await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/device/liveness-capture' });
    assert.deepEqual(open.json(), { capture: { captureId: live.json().captureId, label: 'live' } });

    const first = await attempt(true);
    assert.equal(first.response.statusCode, 200, first.response.body);
    assert.equal(first.response.json().label, 'live');
    assert.equal(first.response.json().verdict.passed, true);
    // The same attempt twice is refused, and nothing in it changes.
    assertError(
      await deviceRequest(ctx.app, kiosk, { method: 'POST', url: first.url, payload: { frames: first.frames } }),
      409,
      'attempt_used',
    );

    const ended = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/${live.json().captureId}/end`,
      headers: { authorization: admin },
    });
    assert.equal(ended.json().attempts, 1);
    assert.equal(ended.json().passed, 1);
    assertError(
      await ctx.app.inject({
        method: 'POST',
        url: `${base()}/${live.json().captureId}/end`,
        headers: { authorization: admin },
      }),
      409,
      'capture_ended',
    );

    const print = await startCapture({
      deviceId: kiosk.deviceId,
      label: 'print',
      consentVersion: CALIBRATION_CONSENT_VERSION,
    });
    assert.equal(print.statusCode, 201);
    const still = await attempt(false);
    assert.equal(still.response.statusCode, 200, still.response.body);
    assert.equal(still.response.json().verdict.passed, false);
    assert.equal(still.response.json().verdict.colour.reason, 'no_colour_response');

    const figures = await report();
    const byLabel = Object.fromEntries(figures.labels.map((l: { label: string }) => [l.label, l]));
    assert.deepEqual([byLabel.live.attempts, byLabel.live.passed, byLabel.live.errorRate], [1, 1, 0]);
    assert.deepEqual([byLabel.print.attempts, byLabel.print.passed, byLabel.print.errorRate], [1, 0, 0]);
    assert.ok(byLabel.live.log10ChanceInStep.max <= Math.log10(figures.configured.maxChanceInStep));
    assert.equal(figures.consent.version, CALIBRATION_CONSENT_VERSION);

    // Calibration never touches payments or the kiosk's spoof counter.
    const spoofFlags = await ctx.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('merchant_id', '=', shop.merchantId)
      .where('action', 'like', 'face_pay.%')
      .execute();
    assert.equal(spoofFlags.length, 0);
    const actions = (
      await ctx.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('merchant_id', '=', shop.merchantId)
        .execute()
    ).map((e) => e.action);
    assert.ok(actions.includes('liveness.capture_started') && actions.includes('liveness.capture_ended'));
  });

  test('an attempt expires, belongs to its kiosk, and a deleted capture takes its attempts with it', async () => {
    const other = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'calib-manager'),
      shop.merchantId,
      shop.storeIds[0],
    );
    const pending = await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: '/v1/device/liveness-capture/attempts',
    });
    const { attemptId, challenge } = pending.json();
    const frames = toBase64Frames(await captureFrames(face, challenge, { respond: true }));
    const url = `/v1/device/liveness-capture/attempts/${attemptId}/frames`;
    assertError(
      await deviceRequest(ctx.app, other, { method: 'POST', url, payload: { frames } }),
      404,
      'attempt_not_found',
    );
    now += 91_000;
    assertError(
      await deviceRequest(ctx.app, kiosk, { method: 'POST', url, payload: { frames } }),
      410,
      'attempt_expired',
    );

    const { captures } = await report();
    const open = captures.find((c: { endedAt: string | null }) => c.endedAt === null);
    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `${base()}/${open.captureId}`,
      headers: { authorization: admin },
    });
    assert.equal(deleted.statusCode, 204);
    const left = await ctx.database.db
      .selectFrom('liveness_capture_attempts')
      .select('id')
      .where('capture_id', '=', open.captureId)
      .execute();
    assert.equal(left.length, 0);
    assertError(
      await ctx.app.inject({ method: 'DELETE', url: `${base()}/${open.captureId}`, headers: { authorization: admin } }),
      404,
      'capture_not_found',
    );
    assert.equal((await report()).labels.find((l: { label: string }) => l.label === 'print').attempts, 0);
  });
});
