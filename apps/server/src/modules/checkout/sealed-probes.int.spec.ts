import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import type { MemberActor } from '../../platform/actors.ts';
import { topUp } from '../ledger/index.ts';
import { assertError } from '../../../test/assertions.ts';
import { toBase64Frames } from '../../../test/camera.ts';
import {
  holdsProbe,
  insertFaceSession,
  randomFace,
  storeTemplate,
  type SessionFixture,
} from '../../../test/face-sessions.ts';
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
import { createMember } from '../../../test/fixtures.ts';
import { LedgerRepository } from '../../../test/repositories.ts';

/**
 * The sealed probe (the shopper's face template from the flash frames, encrypted into the session's decision) lives
 * only while a step-up still compares against it: it is gone the moment the session is approved, asks for the PIN,
 * pays, is refused or locks; with the member's face-data deletion or consent withdrawal; and the sweeper removes what
 * an expired session or a crash left behind.
 */
let ctx: TestContext;
let shop: TestMerchant;
let kiosk: TestDevice;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'probes');
  kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'probes-manager'), shop.merchantId, shop.storeIds[0]);
});
after(() => ctx.close());

interface Shopper {
  actor: MemberActor;
  suffix: string;
  face: Float32Array;
}

let phones = 0;
/** A member with consent and face data; `terms` set up the PIN and 免密 the way the case needs. */
async function shopper(terms: { pin?: boolean; passwordFree?: boolean } = {}): Promise<Shopper> {
  const phone = `1340000${String(++phones).padStart(4, '0')}`;
  const member = await createMember(ctx.database.db, shop.merchantId, phone);
  const actor: MemberActor = { type: 'member', merchantId: shop.merchantId, memberId: member.id };
  const document = await ctx.services.consents.document(shop.merchantId);
  await ctx.services.consents.grant(actor, { version: document.version, textSha256: document.sha256 });
  const face = randomFace();
  await storeTemplate(
    ctx.services,
    ctx.database.db,
    { merchantId: shop.merchantId, memberId: member.id, phoneSuffix: phone.slice(-4) },
    face,
  );
  if (terms.pin || terms.passwordFree) await ctx.services.agreements.setPin(actor, { pin: '274951' });
  if (terms.passwordFree)
    await ctx.services.agreements.update(actor, { passwordFree: true, perPaymentLimitFen: 5000, dailyLimitFen: 20000 });
  return { actor, suffix: phone.slice(-4), face };
}

const session = (fixture: Omit<SessionFixture, 'merchantId' | 'storeId' | 'deviceId'>) =>
  insertFaceSession(ctx.services, ctx.database.db, {
    merchantId: shop.merchantId,
    storeId: shop.storeIds[0],
    deviceId: kiosk.deviceId,
    ...fixture,
  });

/** A session waiting for the last four phone digits, the shopper's face sealed in it. */
const askingSuffix = (who: Shopper, extra: Partial<SessionFixture> = {}) =>
  session({ status: 'step_up', stepUp: 'phone_suffix', candidates: [who.actor.memberId], probe: who.face, ...extra });

const answer = (sessionId: string, body: Record<string, string>) =>
  deviceRequest(ctx.app, kiosk, { method: 'POST', url: `/v1/face-sessions/${sessionId}/step-up`, payload: body });
const pay = (faceSessionId: string, key: string) =>
  deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: '/v1/payments',
    payload: { faceSessionId, idempotencyKey: key },
  });
const statusOf = async (sessionId: string) =>
  (await ctx.database.db
    .selectFrom('face_sessions')
    .select(['status', 'decision'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()) as { status: string; decision: { reason?: string } };

async function fund(memberId: string, amountFen: number): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const ledger = new LedgerRepository(trx);
    const wallet = await ledger.account(shop.merchantId, 'member_wallet', memberId);
    const clearing = await ledger.account(shop.merchantId, 'topup_clearing');
    await ledger.post(shop.merchantId, {
      ...topUp({ clearing: clearing.id, wallet: wallet.id }, amountFen),
      reference: 'top_up:till',
    });
  });
}

test('approved: the probe goes at approval, stays gone when the payment is declined, and the session then pays', async () => {
  const who = await shopper({ passwordFree: true });
  const sessionId = await askingSuffix(who);
  assert.equal(await holdsProbe(ctx.database.db, sessionId), true);
  const approved = await answer(sessionId, { phoneSuffix: who.suffix });
  assert.equal(approved.json().status, 'approved', approved.body);
  assert.equal(await holdsProbe(ctx.database.db, sessionId), false, 'an approved session no longer needs the face');

  assertError(await pay(sessionId, 'probe-pay-declined'), 409, 'insufficient_funds');
  assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
  await fund(who.actor.memberId, 10_000);
  assert.equal((await pay(sessionId, 'probe-pay-paid')).statusCode, 201);
  assert.equal((await statusOf(sessionId)).status, 'paid');
  assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
});

test('asking for the PIN: the PIN does not compare faces, so the probe goes when it is asked', async () => {
  const who = await shopper({ pin: true });
  const sessionId = await askingSuffix(who);
  const asked = await answer(sessionId, { phoneSuffix: who.suffix });
  assert.deepEqual([asked.json().status, asked.json().stepUp], ['step_up', 'pin'], asked.body);
  assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
});

test('refused: after the phone digits (no PIN to ask for) and after a failed head turn, the probe is gone', async () => {
  const who = await shopper();
  const sessionId = await askingSuffix(who);
  const refused = await answer(sessionId, { phoneSuffix: who.suffix });
  assert.deepEqual([refused.json().status, refused.json().reason], ['refused', 'pin_not_set'], refused.body);
  assert.equal(await holdsProbe(ctx.database.db, sessionId), false);

  const turning = await session({
    status: 'step_up',
    stepUp: 'head_turn',
    candidates: [who.actor.memberId],
    probe: who.face,
    headTurn: { side: 'left', turnAtMs: 800 },
  });
  const blank = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#777' } })
    .jpeg()
    .toBuffer();
  const frames = toBase64Frames([0, 400, 1200, 1600].map((atMs) => ({ image: blank, atMs })));
  const turned = await deviceRequest(ctx.app, kiosk, {
    method: 'POST',
    url: `/v1/face-sessions/${turning}/head-turn`,
    payload: { frames },
  });
  assert.equal(turned.json().status, 'refused', turned.body);
  assert.equal(await holdsProbe(ctx.database.db, turning), false);
});

test('locked: three wrong phone numbers lock the session, and the probe goes with the lock', async () => {
  const who = await shopper({ passwordFree: true });
  const sessionId = await askingSuffix(who);
  const wrong = String((Number(who.suffix) + 5000) % 10_000).padStart(4, '0');
  for (let i = 0; i < 2; i++) {
    assert.equal((await answer(sessionId, { phoneSuffix: wrong })).json().status, 'step_up');
    assert.equal(await holdsProbe(ctx.database.db, sessionId), true, 'the next answer is still compared with the face');
  }
  const locked = await answer(sessionId, { phoneSuffix: wrong });
  assert.deepEqual([locked.json().status, locked.json().attemptsLeft], ['locked', 0]);
  assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
});

test('face-data deletion ends the member’s open sessions and takes their probes; a payment approved on the deleted face is refused', async () => {
  const who = await shopper({ passwordFree: true });
  const other = await shopper({ passwordFree: true });
  await fund(who.actor.memberId, 10_000);
  const asking = await askingSuffix(who);
  const among = await askingSuffix(who, { candidates: [other.actor.memberId, who.actor.memberId] });
  const approved = await session({ status: 'approved', memberId: who.actor.memberId });
  const othersSession = await askingSuffix(other);

  const deleted = await ctx.services.faceData.deleteAll(shop.merchantId, who.actor.memberId, {
    actorType: 'member',
    actorId: who.actor.memberId,
    reason: 'member_request',
  });
  assert.equal(deleted.templatesDeleted, 1);
  for (const sessionId of [asking, among, approved]) {
    assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
    assert.deepEqual(await statusOf(sessionId).then((s) => [s.status, s.decision.reason]), [
      'refused',
      'face_data_deleted',
    ]);
  }
  assertError(await pay(approved, 'probe-pay-after-deletion'), 409, 'face_session_refused');
  assert.equal(await holdsProbe(ctx.database.db, othersSession), true, 'another member’s session is untouched');
  assert.equal((await statusOf(othersSession)).status, 'step_up');

  // A session the engine approved a moment before the deletion, written a moment after it: it cannot pay either.
  const late = await session({ status: 'approved', memberId: who.actor.memberId });
  assertError(await pay(late, 'probe-pay-late-approval'), 409, 'face_data_deleted');
  const payments = await ctx.database.db
    .selectFrom('payments')
    .select('id')
    .where('member_id', '=', who.actor.memberId)
    .execute();
  assert.equal(payments.length, 0);
});

test('consent withdrawal ends the member’s open sessions and takes their probes', async () => {
  const who = await shopper({ pin: true });
  const asking = await askingSuffix(who);
  const pin = await session({ status: 'step_up', stepUp: 'pin', memberId: who.actor.memberId, probe: who.face });
  await ctx.services.consents.withdraw(who.actor);
  for (const sessionId of [asking, pin]) {
    assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
    assert.equal((await statusOf(sessionId)).status, 'refused');
  }
  assertError(await answer(asking, { phoneSuffix: who.suffix }), 409, 'face_session_refused');
});

test('the sweeper removes probes an expired session or a crash left behind, and keeps those a live step-up needs', async () => {
  const who = await shopper({ passwordFree: true });
  const expired = await askingSuffix(who, { expiresAt: new Date(Date.now() - 1000) });
  assertError(await answer(expired, { phoneSuffix: who.suffix }), 410, 'face_session_expired');
  const leftovers = await Promise.all(
    (['locked', 'refused', 'approved', 'paid', 'awaiting_frames'] as const).map((status) =>
      session({ status, memberId: who.actor.memberId, probe: who.face }),
    ),
  );
  const live = await askingSuffix(who);
  for (const sessionId of [expired, ...leftovers, live])
    assert.equal(await holdsProbe(ctx.database.db, sessionId), true);

  const swept = await ctx.services.facePay.sweepSealedProbes();
  assert.equal(swept, 1 + leftovers.length);
  for (const sessionId of [expired, ...leftovers]) assert.equal(await holdsProbe(ctx.database.db, sessionId), false);
  assert.equal(await holdsProbe(ctx.database.db, live), true);
  assert.equal(await ctx.services.facePay.sweepSealedProbes(), 0);
  assert.equal(
    (await answer(live, { phoneSuffix: who.suffix })).json().status,
    'approved',
    'the live session still works',
  );
});
