import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { EngineRecognizer } from '../biometrics/index.ts';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
import { activateCamera, enrolledMember, sendCrops, turnEntranceOn } from '../../../test/entrance.ts';
import { twoPeople, variant } from '../../../test/face-images.ts';
import { duckWingsCharge, TEST_PASSWORD } from '../../../test/fixtures.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  login,
  sharedRecognizer,
  type TestContext,
  type TestDevice,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { AGE_BANDS } from './demographics.ts';

/**
 * The store entrance through the API, on real face photos (two people cut from one of face-api's demo photos, and
 * other captures of them) and the real engine: crops refused with clear codes and nothing counted, entrance consent on
 * and off, visits started, joined, named and ended (exit camera, the window), their events once, and the staff view.
 * The server's clock is the test's (`clock`): device requests are signed at it, and windows pass by moving it.
 */
let ctx: TestContext;
let clock = Date.now();
let provider: string;
let faces: { a: Buffer; aAgain: Buffer; b: Buffer; bAgain: Buffer };

before(async () => {
  ctx = await createTestApp({}, { now: () => new Date(clock) });
  provider = await createProvider(ctx.database.db);
  const { a, b } = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
  faces = { a, aAgain: await variant(a), b, bAgain: await variant(b) };
});
after(() => ctx.close());

interface Shop {
  shop: TestMerchant;
  manager: string;
  door: TestDevice;
  out: TestDevice;
}

/**
 * A merchant of its own per test (each store has its own tracker): an entry camera and an exit camera in store 0.
 * The clock starts again from the real time (payments are stamped by the database's clock).
 */
async function openShop(code: string): Promise<Shop> {
  clock = Date.now();
  const shop = await createMerchant(ctx.database.db, provider, code);
  const manager = await login(ctx.app, `${code}-manager`);
  const door = await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0], {
    name: 'door',
    role: 'entry',
  });
  const out = await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0], { name: 'out', role: 'exit' });
  return { shop, manager, door, out };
}

const tick = (ms: number) => (clock += ms);

async function crops(camera: TestDevice, images: Buffer[]) {
  const response = await sendCrops(ctx.app, camera, images, tick(2000));
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { crops: Array<{ outcome: string; visitor: string | null; visitId: string | null }> })
    .crops;
}

const visitsOf = (merchantId: string) =>
  ctx.database.db
    .selectFrom('presence_visits')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('entered_at')
    .execute();

async function eventsOf(merchantId: string) {
  const rows = await ctx.database.db
    .selectFrom('outbox_events')
    .select(['type', 'aggregate_id', 'payload'])
    .where('merchant_id', '=', merchantId)
    .where('type', 'like', 'visit.%')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ type: r.type, visitId: r.aggregate_id, payload: r.payload as Record<string, unknown> }));
}

test('refused crops answer a clear code and count nothing: wrong device, bad pictures, clocks, a revoked camera', async () => {
  const { shop, manager, door } = await openShop('entrance-refusals');
  const kiosk = await activateKiosk(ctx.app, manager, shop.merchantId, shop.storeIds[0]);
  const snapshot = async () =>
    JSON.stringify({
      visits: await visitsOf(shop.merchantId),
      cameras: await ctx.database.db
        .selectFrom('presence_cameras')
        .selectAll()
        .where('merchant_id', '=', shop.merchantId)
        .orderBy('device_id')
        .execute(),
      events: await eventsOf(shop.merchantId),
    });
  const grey = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  // A whole PNG whose header (with a right checksum) claims 20,000 × 20,000 pixels.
  const claimsHuge = Buffer.from(grey);
  claimsHuge.writeUInt32BE(20_000, 16);
  claimsHuge.writeUInt32BE(20_000, 20);
  claimsHuge.writeUInt32BE(crc32(claimsHuge.subarray(12, 29)), 29);
  const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 7) % 256));
  const refusals: Array<[string, () => ReturnType<typeof sendCrops>, number, string]> = [
    ['a kiosk', () => sendCrops(ctx.app, kiosk, [faces.a], clock), 403, 'forbidden'],
    ['no crop', () => sendCrops(ctx.app, door, [], clock), 400, 'invalid_request'],
    ['five crops', () => sendCrops(ctx.app, door, Array(5).fill(faces.a), clock), 400, 'invalid_request'],
    [
      'text that is not base64',
      () => sendCrops(ctx.app, door, ['%'.repeat(200)], clock),
      400,
      'image_encoding_invalid',
    ],
    ['bytes that are no picture', () => sendCrops(ctx.app, door, [random], clock), 400, 'not_an_image'],
    ['a picture claiming 400 MP', () => sendCrops(ctx.app, door, [claimsHuge], clock), 400, 'image_too_large'],
    [
      'a cut-off picture beside a good one',
      () => sendCrops(ctx.app, door, [faces.a, faces.a.subarray(0, faces.a.length >> 1)], clock),
      400,
      'image_truncated',
    ],
    [
      'a time outside the clock window',
      () => sendCrops(ctx.app, door, [faces.a], clock - 10 * 60_000, clock),
      400,
      'crop_time_invalid',
    ],
  ];
  const before = await snapshot();
  for (const [what, send, status, code] of refusals) {
    assertError(await send(), status, code);
    assert.equal(await snapshot(), before, `${what}: nothing counted`);
  }

  const first = await crops(door, [faces.a]);
  assert.equal(first[0]!.outcome, 'entered');
  const counted = await snapshot();
  assertError(await sendCrops(ctx.app, door, [faces.aAgain], clock - 1000, clock), 409, 'crop_out_of_order');
  assert.equal(await snapshot(), counted, 'a crop taken before the last counted one counts nothing');
  // The same moment again is in order (a retry after the engine was busy).
  assert.equal((await sendCrops(ctx.app, door, [faces.aAgain], clock, clock)).statusCode, 200);

  const revoked = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${shop.merchantId}/devices/${door.deviceId}/revoke`,
    headers: { authorization: manager },
  });
  assert.equal(revoked.statusCode, 200);
  const afterRevoke = await snapshot();
  assertError(await sendCrops(ctx.app, door, [faces.a], tick(2000)), 401, 'device_revoked');
  assert.equal(await snapshot(), afterRevoke);
});

test('camera roles: staff set entry, exit or both on an entrance camera; the camera reads its own', async () => {
  const { shop, manager, door } = await openShop('entrance-roles');
  const kiosk = await activateKiosk(ctx.app, manager, shop.merchantId, shop.storeIds[0]);
  const cashier = await login(ctx.app, 'entrance-roles-cashier');
  const set = (device: string, role: string, authorization = manager) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/v1/merchants/${shop.merchantId}/devices/${device}/entrance-role`,
      headers: { authorization },
      payload: { role },
    });
  assertError(await set(kiosk.deviceId, 'exit'), 409, 'device_not_entrance_camera');
  assertError(await set(door.deviceId, 'exit', cashier), 403, 'forbidden');
  assertError(await set(shop.storeIds[1], 'exit'), 404, 'device_not_found');
  assertError(await set(door.deviceId, 'sideways'), 400, 'invalid_request');
  const changed = await set(door.deviceId, 'both');
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().role, 'both');

  const listed = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/entrance-cameras`,
    headers: { authorization: manager },
  });
  assert.deepEqual(
    (listed.json().cameras as Array<{ name: string; role: string }>).map((c) => [c.name, c.role]).sort(),
    [
      ['door', 'both'],
      ['out', 'exit'],
    ],
  );
  const { deviceRequest } = await import('../../../test/test-app.ts');
  const config = await deviceRequest(ctx.app, door, { method: 'GET', url: '/v1/entrance/config', timestamp: clock });
  assert.equal(config.statusCode, 200, config.body);
  assert.equal(config.json().role, 'both');
  assert.equal(config.json().visitWindowMinutes, 10);
  assertError(
    await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/entrance/config', timestamp: clock }),
    403,
    'forbidden',
  );
  const audit = await ctx.database.db
    .selectFrom('audit_events')
    .select('action')
    .where('merchant_id', '=', shop.merchantId)
    .where('action', '=', 'entrance.camera_role_set')
    .execute();
  assert.equal(audit.length, 3, 'two roles set when the cameras were installed, one change');
});

test('the same face is one visit and another face another; the exit camera ends one, the window the other, each event once', async () => {
  const { shop, door, out } = await openShop('entrance-visits');
  const [a] = await crops(door, [faces.a]);
  assert.deepEqual([a!.outcome, a!.visitor], ['entered', 'anonymous']);
  const [again] = await crops(door, [faces.aAgain]);
  assert.deepEqual([again!.outcome, again!.visitId], ['seen', a!.visitId]);
  const [b] = await crops(door, [faces.b]);
  assert.equal(b!.outcome, 'entered');
  assert.notEqual(b!.visitId, a!.visitId, 'the other woman in the photo is another visitor');
  const both = await crops(door, [faces.aAgain, faces.bAgain]);
  assert.deepEqual(
    both.map((c) => [c.outcome, c.visitId]),
    [
      ['seen', a!.visitId],
      ['seen', b!.visitId],
    ],
  );
  const [left] = await crops(out, [faces.a]);
  assert.deepEqual([left!.outcome, left!.visitId], ['left', a!.visitId]);
  const [stranger] = await crops(out, [faces.a]);
  assert.equal(stranger!.outcome, 'not_counted', 'seen leaving again: no new visit');

  const lastSeenB = clock - 4000;
  tick(10 * 60_000 + 1000);
  // The sweep goes through every merchant (earlier tests' visits end with this one's).
  assert.ok((await ctx.services.entrance.closeStaleVisits()) >= 1);
  assert.equal(await ctx.services.entrance.closeStaleVisits(), 0, 'a visit ends once');
  assert.equal(ctx.services.entrance.trackedFaces(), 0, 'no face is held for ended visits');

  const visits = await visitsOf(shop.merchantId);
  assert.deepEqual(
    visits.map((v) => [v.id, v.member_id, v.sightings, v.end_reason]),
    [
      [a!.visitId, null, 4, 'exit'],
      [b!.visitId, null, 2, 'timeout'],
    ],
  );
  assert.equal(visits[1]!.left_at!.getTime(), lastSeenB, 'left when last seen');
  for (const visit of visits) {
    assert.ok(AGE_BANDS.includes(visit.age_band!), 'an anonymous visit keeps an age band');
    assert.ok(['female', 'male'].includes(visit.gender!));
  }
  const events = await eventsOf(shop.merchantId);
  assert.deepEqual(
    events.map((e) => [e.type, e.visitId]),
    [
      ['visit.started', a!.visitId],
      ['visit.started', b!.visitId],
      ['visit.ended', a!.visitId],
      ['visit.ended', b!.visitId],
    ],
  );
  assert.deepEqual(Object.keys(events[2]!.payload).sort(), [
    'dwellSeconds',
    'enteredAt',
    'leftAt',
    'memberId',
    'reason',
    'storeId',
    'visitId',
  ]);
  assert.equal(events[2]!.payload.reason, 'exit');

  // After the window the same face is a new visit: the tracker forgot it.
  const [back] = await crops(door, [faces.a]);
  assert.equal(back!.outcome, 'entered');
  assert.notEqual(back!.visitId, a!.visitId);
});

test("a camera's requests sent together count in the order they reach the entrance; a crop older than one counted is refused, never counted after it", async () => {
  const { shop, door } = await openShop('entrance-together');
  const at = tick(2000);
  const takenAt = (i: number) => at + i * 300;
  // The camera app sends one request at a time; a camera that does not (or a network that reorders) may have some
  // refused, but the counted crops' times only ever rise.
  const answers = await Promise.all(
    [faces.a, faces.aAgain, faces.b, faces.bAgain, faces.a].map((crop, i) =>
      sendCrops(ctx.app, door, [crop], takenAt(i), at),
    ),
  );
  const bodies = answers.map((r) => r.body).join('\n');
  for (const r of answers)
    assert.ok(r.statusCode === 200 || (r.statusCode === 409 && r.json().error.code === 'crop_out_of_order'), bodies);
  const counted = answers.flatMap((r, i) => (r.statusCode === 200 ? [takenAt(i)] : []));
  assert.ok(counted.length > 0, bodies);
  const latest = Math.max(...counted);
  answers.forEach((r, i) => {
    if (r.statusCode === 409) assert.ok(takenAt(i) < latest, `crop ${i} was refused though none after it was counted`);
  });
  const visitsOf = (indexes: number[]) =>
    new Set(indexes.filter((i) => answers[i]!.statusCode === 200).map((i) => answers[i]!.json().crops[0].visitId));
  assert.ok(visitsOf([0, 1, 4]).size <= 1, 'A is one visit');
  assert.ok(visitsOf([2, 3]).size <= 1, 'B is one visit');
  const [camera] = await ctx.database.db
    .selectFrom('presence_cameras')
    .select('last_crop_at')
    .where('merchant_id', '=', shop.merchantId)
    .execute();
  assert.equal(camera!.last_crop_at!.getTime(), latest);
});

test('a visit not seen for the window ends at the next crop of the store too, and a merchant may set the window', async () => {
  const { shop, door } = await openShop('entrance-window');
  const admin = (await ctx.services.auth.login('entrance-window-admin', TEST_PASSWORD)).staff;
  await ctx.services.merchantSettings.update(admin, shop.merchantId, { entranceVisitWindowMinutes: 2 });
  const [a] = await crops(door, [faces.a]);
  tick(2 * 60_000 + 1);
  const [b] = await crops(door, [faces.b]);
  assert.equal(b!.outcome, 'entered');
  const visits = await visitsOf(shop.merchantId);
  assert.deepEqual(
    visits.map((v) => [v.id, v.end_reason]),
    [
      [a!.visitId, 'timeout'],
      [b!.visitId, null],
    ],
  );
  assert.equal((await eventsOf(shop.merchantId)).filter((e) => e.type === 'visit.ended').length, 1);
});

test('entrance consent through the member API: off by default, on to the exact text, off at once', async () => {
  const code = 'entrance-consent';
  const shop = await createMerchant(ctx.database.db, provider, code);
  const phone = '13700000001';
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: code, phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: code, phone, code: await lastSmsCode(ctx.database.db, phone) },
  });
  const authorization = `Bearer ${registered.json().token}`;
  const status = () =>
    ctx.app.inject({ method: 'GET', url: '/v1/member/entrance-recognition', headers: { authorization } });
  const off = (await status()).json();
  assert.equal(off.on, false);
  assert.equal(off.faceEnrolled, false);
  assert.equal(off.version, null);
  const document = (
    await ctx.app.inject({ method: 'GET', url: `/v1/members/entrance-consent-document?merchantCode=${code}` })
  ).json();
  assert.deepEqual(document, off.document);
  assert.equal(document.purpose, 'entrance_recognition');
  assert.match(document.zh, /进店识别/);
  assert.match(document.en, /10 minutes/);
  const biometric = (
    await ctx.app.inject({ method: 'GET', url: `/v1/members/consent-document?merchantCode=${code}` })
  ).json();
  assert.notEqual(document.sha256, biometric.sha256);

  const record = (textSha256: string, version = document.version) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/member/consents/entrance',
      headers: { authorization },
      payload: { version, textSha256, accepted: true },
    });
  assertError(await record(biometric.sha256), 400, 'consent_text_outdated');
  assertError(await record(document.sha256, biometric.version), 400, 'consent_text_outdated');
  const granted = await record(document.sha256);
  assert.equal(granted.statusCode, 201, granted.body);
  assert.equal((await record(document.sha256)).json().consentId, granted.json().consentId, 'the same consent');
  const on = (await status()).json();
  assert.equal(on.on, true);
  assert.equal(on.version, document.version);
  // The biometric consent is another one: giving this one gave nothing there.
  assertError(
    await ctx.app.inject({ method: 'DELETE', url: '/v1/member/consents/biometric', headers: { authorization } }),
    409,
    'consent_not_given',
  );

  const withdraw = () =>
    ctx.app.inject({ method: 'DELETE', url: '/v1/member/consents/entrance', headers: { authorization } });
  const withdrawn = await withdraw();
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.equal(withdrawn.json().on, false);
  assert.equal((await status()).json().on, false);
  assertError(await withdraw(), 409, 'consent_not_given');
  const audit = await ctx.database.db
    .selectFrom('audit_events')
    .select('action')
    .where('merchant_id', '=', shop.merchantId)
    .where('action', 'like', 'entrance.%')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['entrance.consent_granted', 'entrance.consent_withdrawn'],
  );
});

test('a member stays anonymous until they turn entrance recognition on, is named from the next crop, and anonymous again at once when they turn it off', async () => {
  const { shop, manager, door } = await openShop('entrance-members');
  const member = await enrolledMember(ctx.services, ctx.database.db, shop, {
    phone: '13800001234',
    name: '张晓燕',
    faces: [faces.a],
    entrance: false,
  });
  const presence = async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/presence`,
      headers: { authorization: manager },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  const [first] = await crops(door, [faces.aAgain]);
  assert.deepEqual([first!.outcome, first!.visitor], ['entered', 'anonymous']);
  assert.equal((await visitsOf(shop.merchantId))[0]!.member_id, null, 'not recognised: no consent to it');
  assert.deepEqual((await presence()).members, []);
  assert.equal((await presence()).anonymous.count, 1);

  await turnEntranceOn(ctx.services, member);
  const [named] = await crops(door, [faces.aAgain]);
  assert.deepEqual(
    [named!.outcome, named!.visitor, named!.visitId],
    ['seen', 'member', first!.visitId],
    'the visit already open is hers now',
  );
  const [visit] = await visitsOf(shop.merchantId);
  assert.equal(visit!.member_id, member.memberId);
  assert.deepEqual([visit!.age_band, visit!.gender], [null, null], "a member's visit keeps no demographics");

  // She pays while in the store: the staff view links it to this visit.
  const admin = (await ctx.services.auth.login('entrance-members-admin', TEST_PASSWORD)).staff;
  await ctx.services.wallets.topUp(admin, {
    merchantId: shop.merchantId,
    memberId: member.memberId,
    amountFen: 5000,
    idempotencyKey: 'entrance-members-top-up',
    channel: 'till',
    reason: 'cash',
  });
  await ctx.services.payments.pay({
    ...duckWingsCharge(shop, member.memberId),
    idempotencyKey: 'entrance-members-pay',
  });
  // A coupon she holds: staff see its name, not only a count.
  const template = await ctx.services.coupons.createTemplate(admin, shop.merchantId, {
    name: '满50减10',
    rules: { minCartFen: 5000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 1000 },
    stacking: 'stackable',
    priority: 0,
    validity: { kind: 'days', days: 30 },
    offlineOnly: false,
    perMemberCap: null,
  });
  await ctx.services.coupons.grant(admin, shop.merchantId, template.id, {
    memberId: member.memberId,
    reason: 'entrance test',
    idempotencyKey: 'entrance-members-coupon',
  });
  // The payment is stamped by the database's clock; the staff view reads "now" at the test's, which must not lag it.
  clock = Math.max(clock, Date.now() + 1_000);
  const now = await presence();
  assert.equal(now.anonymous.count, 0);
  assert.equal(now.members.length, 1);
  const shown = now.members[0];
  assert.deepEqual(
    {
      visitId: shown.visitId,
      memberId: shown.memberId,
      name: shown.name,
      phone: shown.phone,
      tier: shown.tier,
      visitCount: shown.visitCount,
      usableCoupons: shown.usableCoupons,
      usableCouponNames: shown.usableCouponNames,
      purchasesThisVisit: shown.purchasesThisVisit,
    },
    {
      visitId: first!.visitId,
      memberId: member.memberId,
      name: '张**',
      phone: '138****1234',
      tier: null,
      visitCount: 1,
      usableCoupons: 1,
      usableCouponNames: ['满50减10'],
      purchasesThisVisit: 1,
    },
  );
  assert.ok(shown.lastPurchaseAt);
  assert.ok(!JSON.stringify(now).includes('张晓燕') && !JSON.stringify(now).includes('13800001234'));

  const tracked = ctx.services.entrance.trackedFaces();
  await ctx.services.consents.withdrawEntrance(member);
  assert.deepEqual((await presence()).members, [], 'gone from the staff view at once');
  assert.equal(ctx.services.entrance.trackedFaces(), tracked - 1, 'her face is no longer held in memory');
  assert.equal((await visitsOf(shop.merchantId))[0]!.end_reason, 'consent_withdrawn', 'her visit ended then');
  const [after] = await crops(door, [faces.aAgain]);
  assert.deepEqual([after!.outcome, after!.visitor], ['entered', 'anonymous']);
  assert.notEqual(after!.visitId, first!.visitId);
  const visits = await visitsOf(shop.merchantId);
  assert.deepEqual(
    visits.map((v) => [v.member_id, v.end_reason]),
    [
      [member.memberId, 'consent_withdrawn'],
      [null, null],
    ],
  );
  assert.deepEqual(
    (await eventsOf(shop.merchantId)).map((e) => [e.type, e.payload.memberId]),
    [
      ['visit.started', null],
      ['visit.identified', member.memberId],
      ['visit.ended', member.memberId],
      ['visit.started', null],
    ],
  );
  assert.equal((await presence()).anonymous.count, 1);
});

test("a consenting member's visit starts named; the sweep ends it when the member turns recognition off elsewhere; the day's traffic", async () => {
  const { shop, manager, door } = await openShop('entrance-traffic');
  const member = await enrolledMember(ctx.services, ctx.database.db, shop, {
    phone: '13800005678',
    name: '李雷',
    faces: [faces.a],
    entrance: true,
  });
  const [named] = await crops(door, [faces.aAgain]);
  assert.deepEqual([named!.outcome, named!.visitor], ['entered', 'member']);
  const [stranger] = await crops(door, [faces.b]);
  assert.deepEqual([stranger!.outcome, stranger!.visitor], ['entered', 'anonymous']);
  await crops(door, [faces.bAgain]);

  // Another process (or no crop at all): the sweep ends her visit as soon as her consent is gone.
  await ctx.services.consents.withdrawEntrance(member);
  await ctx.services.entrance.closeStaleVisits();
  const visits = await visitsOf(shop.merchantId);
  assert.deepEqual(
    visits.map((v) => [v.member_id, v.end_reason]),
    [
      [member.memberId, 'consent_withdrawn'],
      [null, null],
    ],
  );

  const date = new Date(clock + 8 * 3_600_000).toISOString().slice(0, 10);
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/traffic?date=${date}`,
    headers: { authorization: manager },
  });
  assert.equal(response.statusCode, 200, response.body);
  const traffic = response.json();
  assert.deepEqual(traffic.visitors, { total: 2, members: 1, anonymous: 1 });
  const hour = new Date(clock + 8 * 3_600_000).getUTCHours();
  assert.deepEqual(traffic.hours[hour], { hour, members: 1, anonymous: 1 });
  assert.equal(
    traffic.hours.reduce((n: number, h: { members: number; anonymous: number }) => n + h.members + h.anonymous, 0),
    2,
  );
  const anonymous = visits[1]!;
  assert.deepEqual(traffic.demographics, [{ ageBand: anonymous.age_band, gender: anonymous.gender, visitors: 1 }]);
  assert.equal(
    traffic.medianDwellSeconds,
    Math.round((visits[0]!.left_at!.getTime() - visits[0]!.entered_at.getTime()) / 1000),
  );
  assert.deepEqual(traffic.conversion, { memberVisits: 1, withPurchase: 0 });

  const cashier = await login(ctx.app, 'entrance-traffic-cashier');
  const otherStore = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[1]}/presence`,
    headers: { authorization: cashier },
  });
  assertError(otherStore, 403, 'forbidden');
  assertError(
    await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/traffic?date=1969-12-31`,
      headers: { authorization: cashier },
    }),
    400,
    'date_invalid',
  );
});

test('a member who deletes their face data, or withdraws the biometric consent, is forgotten at the door at once', async () => {
  const { shop, door } = await openShop('entrance-forget');
  const member = await enrolledMember(ctx.services, ctx.database.db, shop, {
    phone: '13800002468',
    name: '韩梅梅',
    faces: [faces.a],
    entrance: true,
  });
  const [named] = await crops(door, [faces.aAgain]);
  assert.deepEqual([named!.outcome, named!.visitor], ['entered', 'member']);
  const tracked = ctx.services.entrance.trackedFaces();

  await ctx.services.faceData.deleteAll(shop.merchantId, member.memberId, {
    actorType: 'member',
    actorId: member.memberId,
    reason: 'member_request',
  });
  assert.equal(ctx.services.entrance.trackedFaces(), tracked - 1, 'no track holds her face any more');
  assert.deepEqual(
    (await visitsOf(shop.merchantId)).map((v) => [v.member_id, v.end_reason]),
    [[member.memberId, 'consent_withdrawn']],
    'her visit ended with her face data',
  );
  const [after] = await crops(door, [faces.aAgain]);
  assert.deepEqual([after!.outcome, after!.visitor], ['entered', 'anonymous'], 'her face is a stranger now');

  // Withdrawing the biometric consent (which deletes the face) turns entrance recognition off with it.
  const other = await openShop('entrance-forget-consent');
  const again = await enrolledMember(ctx.services, ctx.database.db, other.shop, {
    phone: '13800002468',
    name: '李梅',
    faces: [faces.a],
    entrance: true,
  });
  const [b] = await crops(other.door, [faces.aAgain]);
  assert.deepEqual([b!.outcome, b!.visitor], ['entered', 'member']);
  await ctx.services.consents.withdraw(again);
  const status = await ctx.services.consents.entranceStatus(again);
  assert.deepEqual([status.on, status.faceEnrolled], [false, false]);
  assert.deepEqual(
    (await visitsOf(other.shop.merchantId)).map((v) => [v.member_id, v.end_reason]),
    [[again.memberId, 'consent_withdrawn']],
  );
  const audit = await ctx.database.db
    .selectFrom('audit_events')
    .select('action')
    .where('merchant_id', '=', other.shop.merchantId)
    .where('target_id', '=', again.memberId)
    .execute();
  assert.ok(audit.some((a) => a.action === 'entrance.consent_withdrawn'));
});

test('a waiting read of who is in the store answers when someone enters; with nothing new it answers at its limit, unchanged; bad waits are refused', async () => {
  const { shop, manager, door } = await openShop('entrance-live');
  await enrolledMember(ctx.services, ctx.database.db, shop, {
    phone: '13800003579',
    name: '王芳',
    faces: [faces.a],
    entrance: true,
  });
  const url = `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/presence`;
  const read = async (query = '') => {
    const response = await ctx.app.inject({ method: 'GET', url: url + query, headers: { authorization: manager } });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { version: string; members: Array<{ name: string }>; anonymous: { count: number } };
  };
  const empty = await read();
  assert.deepEqual(empty.members, []);

  let answered = false;
  const waiting = read(`?after=${empty.version}&waitSeconds=25`).then((r) => ((answered = true), r));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(answered, false, 'nothing changed yet: the read waits');
  const sentAt = Date.now();
  await crops(door, [faces.aAgain]);
  const live = await waiting;
  assert.deepEqual(
    live.members.map((m) => m.name),
    ['王*'],
  );
  assert.notEqual(live.version, empty.version);
  // The read answered because the store changed, not because its 25 s ran out.
  assert.ok(Date.now() - sentAt < 20_000, 'answered on the change');

  const unchanged = await read(`?after=${live.version}&waitSeconds=1`);
  assert.equal(unchanged.version, live.version, 'nothing new: the same version at the limit');
  const stale = await read(`?after=${empty.version}&waitSeconds=25`);
  assert.equal(stale.version, live.version, 'a reader behind answers at once with the store as it is');

  for (const query of ['?after=x&waitSeconds=5', `?after=${live.version}&waitSeconds=26`, '?waitSeconds=-1']) {
    assertError(
      await ctx.app.inject({ method: 'GET', url: url + query, headers: { authorization: manager } }),
      400,
      'invalid_request',
    );
  }
});
