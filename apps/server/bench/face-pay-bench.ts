/**
 * End-to-end face-pay latency on one server process: the kiosk's calls from frames in to payment done
 * (submitFaceFrames → verifyStepUp when asked → createPayment), with real faces and the real engine.
 * The member is enrolled from one crop of face-api.js's demo photo; each run pays with another capture of them.
 * With --first-look the kiosk's head start is played too: the first frame is sent (and analysed) before the clock
 * starts, as the kiosk sends it while the screen is still flashing.
 *
 *   npx tsx apps/server/bench/face-pay-bench.ts [--runs 20] [--frames 12] [--first-look]
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/face-pay-bench.ts
 */
import { parseArgs } from 'node:util';
import { captureFrames, toBase64Frames } from '../test/camera.ts';
import { twoPeople, variant } from '../test/face-images.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  deviceRequest,
  login,
  sharedRecognizer,
} from '../test/test-app.ts';
import type { EngineRecognizer } from '../src/modules/biometrics/engine-adapter.ts';
import { updateSettings } from '../test/fixtures.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    frames: { type: 'string', default: '12' },
    'first-look': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const maxFrames = Number(values.frames);

const ctx = await createTestApp();
const db = ctx.database.db;
const shop = await createMerchant(db, await createProvider(db), 'bench');
await updateSettings(ctx.services, shop, {
  maxPaymentsPerMemberPerHour: 100_000,
  maxStepUpsPerDevicePerHour: 100_000,
  cashierMaxTopUpFen: 1_000_000,
});
const kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'bench-manager'), shop.merchantId, shop.storeIds[0]);
const face = (await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine)).a;

const phone = '13600000001';
await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'bench', phone } });
const sms = await db.selectFrom('sms_outbox').select('body').where('phone', '=', phone).executeTakeFirstOrThrow();
const registered = await ctx.app.inject({
  method: 'POST',
  url: '/v1/members/register',
  payload: { merchantCode: 'bench', phone, code: sms.body.match(/(\d{6})/)![1] },
});
const authorization = `Bearer ${registered.json().token}`;
const document = (
  await ctx.app.inject({ method: 'GET', url: '/v1/members/consent-document?merchantCode=bench' })
).json();
await ctx.app.inject({
  method: 'POST',
  url: '/v1/member/consents',
  headers: { authorization },
  payload: { version: document.version, textSha256: document.sha256, accepted: true },
});
const enrolled = await ctx.app.inject({
  method: 'POST',
  url: '/v1/member/face',
  headers: { authorization },
  payload: { frames: [face.toString('base64')] },
});
if (enrolled.statusCode !== 201) throw new Error(`enrollment failed: ${enrolled.body}`);
await ctx.app.inject({ method: 'PUT', url: '/v1/member/pin', headers: { authorization }, payload: { pin: '274951' } });
await ctx.app.inject({
  method: 'PUT',
  url: '/v1/member/payment-agreement',
  headers: { authorization },
  payload: { passwordFree: true, perPaymentLimitFen: 20_000, dailyLimitFen: 1_000_000 },
});
await ctx.app.inject({
  method: 'POST',
  url: `/v1/merchants/${shop.merchantId}/members/${registered.json().member.memberId}/top-ups`,
  headers: { authorization: await login(ctx.app, 'bench-admin') },
  payload: { amountFen: 1_000_000, idempotencyKey: 'bench-top-up-1', reason: 'bench float' },
});
const productId = (
  await deviceRequest(ctx.app, kiosk, {
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/products?barcode=bench-0001`,
  })
).json().products[0].id;
const capture = await variant(face);

const latencies: number[] = [];
const outcomes: Record<string, number> = {};
for (let run = 0; run < runs + 1; run++) {
  const session = (
    await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: '/v1/face-sessions',
      payload: { items: [{ productId, quantity: 1 }] },
    })
  ).json();
  const frames = toBase64Frames(await captureFrames(capture, session.challenge, { maxFrames }));
  if (values['first-look']) {
    const look = await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: `/v1/face-sessions/${session.sessionId}/first-look`,
      payload: { image: frames[0]!.image },
    });
    if (look.statusCode !== 202) throw new Error(`run ${run}: ${look.body}`);
  }
  const start = performance.now();
  let state = (
    await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: `/v1/face-sessions/${session.sessionId}/frames`,
      payload: { frames },
    })
  ).json();
  const path = [state.status === 'step_up' ? state.stepUp : state.status];
  if (state.status === 'step_up' && state.stepUp === 'phone_suffix')
    state = (
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${session.sessionId}/step-up`,
        payload: { phoneSuffix: '0001' },
      })
    ).json();
  if (state.status === 'step_up' && state.stepUp === 'pin')
    state = (
      await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: `/v1/face-sessions/${session.sessionId}/step-up`,
        payload: { pin: '274951' },
      })
    ).json();
  if (state.status !== 'approved') throw new Error(`run ${run}: ${JSON.stringify(state)}`);
  const paid = await deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: '/v1/payments',
    payload: { faceSessionId: session.sessionId, idempotencyKey: `bench-pay-${run}` },
  });
  if (paid.statusCode !== 201) throw new Error(`run ${run}: ${paid.body}`);
  if (run === 0) continue; // the first run warms the models up
  latencies.push(performance.now() - start);
  outcomes[path.join('>')] = (outcomes[path.join('>')] ?? 0) + 1;
}
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!);
console.log(
  JSON.stringify({
    database: ctx.database.kind,
    runs,
    framesPerSession: maxFrames,
    firstLook: values['first-look'],
    latencyMs: { p50: pct(50), p95: pct(95), max: pct(100) },
    outcomes,
  }),
);
await ctx.close();
