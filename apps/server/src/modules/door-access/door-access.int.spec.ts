import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import {
  createDoorCommandVerifier,
  DOOR_COMMAND_SCHEME,
  type DoorCommandCheck,
  type SignedDoorCommand,
} from '@shualian/device-signing';
import type { EngineRecognizer } from '../biometrics/index.ts';
import { assertError } from '../../../test/assertions.ts';
import { activateCamera, enrolledMember, sendCrops } from '../../../test/entrance.ts';
import { twoPeople, variant } from '../../../test/face-images.ts';
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
import { DOOR_REPEAT_MS } from './door-access.service.ts';
import { DOOR_COMMAND_TTL_MS, DoorKeys } from './door-keys.ts';

/**
 * Member-only doors through the API, on real face photos and the real engine, with a real relay: an HTTP server in the
 * test that checks every command with the reference verifier (`createDoorCommandVerifier`) as a door controller would.
 * The server's clock is the test's (`clock`); the relay's verifier reads the same clock.
 */
let ctx: TestContext;
let clock = Date.now();
let provider: string;
let faces: { a: Buffer; aAgain: Buffer; b: Buffer; bAgain: Buffer };
// Generous: the relay shares this process (and a loaded machine) with the server and the face engine.
const RELAY_TIMEOUT_MS = 3_000;

before(async () => {
  ctx = await createTestApp({ doorRelayTimeoutMs: RELAY_TIMEOUT_MS }, { now: () => new Date(clock) });
  provider = await createProvider(ctx.database.db);
  const { a, b } = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
  faces = { a, aAgain: await variant(a), b, bAgain: await variant(b) };
});
const relays: TestRelay[] = [];
after(async () => {
  for (const relay of relays) await relay.stop();
  await ctx.close();
});

/** A door controller on the store's network: checks each command, opens (200) or refuses (403); or hangs. */
class TestRelay {
  readonly received: Array<{ body: unknown; check: DoorCommandCheck }> = [];
  mode: 'open' | 'hang' = 'open';
  private server!: Server;
  private verifier?: Awaited<ReturnType<typeof createDoorCommandVerifier>>;

  async start(): Promise<this> {
    relays.push(this);
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/open`;
  }

  /** Installs the door's public key, as the installer does from the console. */
  async trust(door: { doorId: string; publicKey: string }): Promise<void> {
    this.verifier = await createDoorCommandVerifier({ ...door, now: () => clock });
  }

  get opened() {
    return this.received.filter((r) => r.check.ok);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    const check = await this.verifier!.verify(body);
    this.received.push({ body, check });
    if (this.mode === 'hang') return;
    response.writeHead(check.ok ? 200 : 403, { 'content-type': 'application/json' });
    response.end(JSON.stringify(check.ok ? { opened: true } : { refused: check.reason }));
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface Shop {
  shop: TestMerchant;
  manager: string;
  camera: TestDevice;
  relay: TestRelay;
  doorId: string;
  publicKey: string;
}

const tick = (ms: number) => (clock += ms);

function staff(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  authorization: string,
  payload?: object,
) {
  return ctx.app.inject({ method, url, headers: { authorization }, ...(payload && { payload }) });
}

/** A merchant of its own: a door in store 0 with a relay that trusts its key, watched by an entry camera. */
async function openShop(code: string, relayUrl?: string): Promise<Shop> {
  clock = Date.now();
  const shop = await createMerchant(ctx.database.db, provider, code);
  const manager = await login(ctx.app, `${code}-manager`);
  const camera = await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0], { role: 'entry' });
  const relay = await new TestRelay().start();
  const registered = await staff('POST', `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/doors`, manager, {
    name: '会员通道',
    relayUrl: relayUrl ?? relay.url,
  });
  assert.equal(registered.statusCode, 201, registered.body);
  const door = registered.json() as { doorId: string; publicKey: string; commandScheme: string };
  assert.equal(door.commandScheme, DOOR_COMMAND_SCHEME);
  await relay.trust(door);
  const bound = await staff('PUT', `/v1/merchants/${shop.merchantId}/devices/${camera.deviceId}/door`, manager, {
    doorId: door.doorId,
  });
  assert.equal(bound.statusCode, 200, bound.body);
  return { shop, manager, camera, relay, doorId: door.doorId, publicKey: door.publicKey };
}

interface CropAnswer {
  outcome: string;
  visitor: string | null;
  visitId: string | null;
  door: { doorId: string; outcome: string; reason: string | null; repeated: boolean } | null;
}

async function crop(camera: TestDevice, image: Buffer, ms = 2000): Promise<CropAnswer> {
  const response = await sendCrops(ctx.app, camera, [image], tick(ms));
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { crops: CropAnswer[] }).crops[0]!;
}

const doorEvents = (merchantId: string) =>
  ctx.database.db
    .selectFrom('door_events')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('at')
    .orderBy('outcome')
    .execute();

const doorAudit = async (merchantId: string) =>
  (
    await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('merchant_id', '=', merchantId)
      .where('action', 'in', ['door.opened', 'door.relay_failed', 'door.refused'])
      .orderBy('id')
      .execute()
  ).map((e) => [e.action, (e.details as { reason?: string }).reason ?? null]);

async function consentingMember(shop: TestMerchant, entrance = true) {
  return enrolledMember(ctx.services, ctx.database.db, shop, {
    phone: entrance ? '13800002001' : '13800002002',
    name: entrance ? '王芳' : '赵敏',
    faces: [faces.a],
    entrance,
  });
}

test('a consenting member opens the door once: the relay receives one verifiable command, the trail and the audit log say so', async () => {
  const { shop, manager, camera, relay, doorId } = await openShop('door-opens');
  const member = await consentingMember(shop);

  const first = await crop(camera, faces.aAgain);
  assert.equal(first.visitor, 'member');
  assert.deepEqual(first.door, { doorId, outcome: 'opened', reason: null, repeated: false });
  assert.equal(relay.received.length, 1);
  const check = relay.received[0]!.check;
  assert.ok(check.ok, JSON.stringify(check));
  assert.equal(check.command.doorId, doorId);
  assert.equal(check.command.expiresAt - check.command.issuedAt, DOOR_COMMAND_TTL_MS);
  assert.doesNotMatch(JSON.stringify(relay.received[0]!.body), new RegExp(member.memberId), 'no identity to the relay');

  // The same person a moment later (more crops while they walk through): the same answer, nothing sent.
  const again = await crop(camera, faces.a);
  assert.deepEqual(again.door, { doorId, outcome: 'opened', reason: null, repeated: true });
  assert.equal(relay.received.length, 1, 'repeated crops do not spam the relay');
  // After the repeat window the member opens it again (they came back).
  tick(DOOR_REPEAT_MS);
  assert.equal((await crop(camera, faces.aAgain)).door?.outcome, 'opened');
  assert.equal(relay.opened.length, 2);
  assert.notEqual(relay.received[1]!.body, relay.received[0]!.body);

  const events = await doorEvents(shop.merchantId);
  assert.deepEqual(
    events.map((e) => [e.outcome, e.reason, e.member_id, e.device_id, e.relay_status]),
    [
      ['opened', null, member.memberId, camera.deviceId, 200],
      ['opened', null, member.memberId, camera.deviceId, 200],
    ],
  );
  assert.ok(relay.opened.every((r, i) => r.check.ok && r.check.command.commandId === events[i]!.command_id));
  assert.deepEqual(await doorAudit(shop.merchantId), [
    ['door.opened', null],
    ['door.opened', null],
  ]);
  const listed = await staff(
    'GET',
    `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/door-events?limit=1`,
    manager,
  );
  assert.equal(listed.statusCode, 200, listed.body);
  assert.deepEqual(
    (listed.json().events as Array<{ outcome: string; memberId: string }>).map((e) => [e.outcome, e.memberId]),
    [['opened', member.memberId]],
  );
});

test('a member without entrance consent and a stranger are refused as anonymous; the relay receives nothing and the trail names nobody', async () => {
  const { shop, camera, relay, doorId } = await openShop('door-strangers');
  await consentingMember(shop, false);

  const notConsenting = await crop(camera, faces.aAgain);
  assert.equal(notConsenting.visitor, 'anonymous');
  assert.deepEqual(notConsenting.door, { doorId, outcome: 'refused', reason: 'anonymous', repeated: false });
  const stranger = await crop(camera, faces.b);
  assert.deepEqual(stranger.door, { doorId, outcome: 'refused', reason: 'anonymous', repeated: false });
  assert.equal((await crop(camera, faces.bAgain)).door?.repeated, true, 'one refusal per person in the window');
  assert.equal(relay.received.length, 0);

  const events = await doorEvents(shop.merchantId);
  assert.deepEqual(
    events.map((e) => [e.outcome, e.reason, e.member_id, e.command_id]),
    [
      ['refused', 'anonymous', null, null],
      ['refused', 'anonymous', null, null],
    ],
  );
  assert.deepEqual(await doorAudit(shop.merchantId), [
    ['door.refused', 'anonymous'],
    ['door.refused', 'anonymous'],
  ]);
  await relay.stop();
});

test('a revoked camera is refused before anything: no command, no trail', async () => {
  const { shop, manager, camera, relay } = await openShop('door-revoked');
  await consentingMember(shop);
  const revoked = await staff('POST', `/v1/merchants/${shop.merchantId}/devices/${camera.deviceId}/revoke`, manager);
  assert.equal(revoked.statusCode, 200, revoked.body);
  assertError(await sendCrops(ctx.app, camera, [faces.aAgain], tick(2000)), 401, 'device_revoked');
  assert.equal(relay.received.length, 0);
  assert.deepEqual(await doorEvents(shop.merchantId), []);
  await relay.stop();
});

test('a relay that is down or does not answer in time: relay_failed in the trail, the crop still counted, tried again at the next crop', async () => {
  // A port nobody listens on: a relay that is off.
  const gone = await new TestRelay().start();
  const goneUrl = gone.url;
  await gone.stop();
  const { shop, manager, camera, relay, doorId } = await openShop('door-relay-down', goneUrl);
  const member = await consentingMember(shop);

  const down = await crop(camera, faces.aAgain);
  assert.equal(down.outcome, 'entered', 'the visit is counted whatever the relay does');
  assert.equal(down.visitor, 'member');
  assert.deepEqual(down.door, { doorId, outcome: 'relay_failed', reason: null, repeated: false });

  // The relay comes back but hangs: the server stops waiting after its timeout.
  const moved = await staff('PATCH', `/v1/merchants/${shop.merchantId}/doors/${doorId}`, manager, {
    relayUrl: relay.url,
  });
  assert.equal(moved.statusCode, 200, moved.body);
  relay.mode = 'hang';
  const hung = await crop(camera, faces.a);
  assert.deepEqual(hung.door, { doorId, outcome: 'relay_failed', reason: null, repeated: false }, 'not a repeat');
  assert.equal(hung.outcome, 'seen');
  assert.equal(relay.received.length, 1);

  relay.mode = 'open';
  assert.equal((await crop(camera, faces.aAgain)).door?.outcome, 'opened', 'tried again at the next crop');

  const events = await doorEvents(shop.merchantId);
  assert.deepEqual(
    events.map((e) => [e.outcome, e.member_id, e.relay_status]),
    [
      ['relay_failed', member.memberId, null],
      ['relay_failed', member.memberId, null],
      ['opened', member.memberId, 200],
    ],
  );
  assert.match(events[0]!.relay_error!, /unreachable/);
  assert.match(events[1]!.relay_error!, new RegExp(`no answer within ${RELAY_TIMEOUT_MS} ms`));
  const visits = await ctx.database.db
    .selectFrom('presence_visits')
    .select(['member_id', 'sightings'])
    .where('merchant_id', '=', shop.merchantId)
    .execute();
  assert.deepEqual(visits, [{ member_id: member.memberId, sightings: 3 }]);
  await relay.stop();
});

test('a disabled door and a barred member send nothing; enabled and let back, the member opens it', async () => {
  const { shop, manager, camera, relay, doorId } = await openShop('door-disabled');
  const member = await consentingMember(shop);
  const admin = await login(ctx.app, 'door-disabled-admin');
  const disabled = await staff('PATCH', `/v1/merchants/${shop.merchantId}/doors/${doorId}`, manager, {
    enabled: false,
  });
  assert.equal(disabled.statusCode, 200, disabled.body);
  assert.equal(disabled.json().enabled, false);
  assert.deepEqual((await crop(camera, faces.aAgain)).door, {
    doorId,
    outcome: 'refused',
    reason: 'door_disabled',
    repeated: false,
  });
  tick(DOOR_REPEAT_MS);
  await staff('PATCH', `/v1/merchants/${shop.merchantId}/doors/${doorId}`, manager, { enabled: true });

  const blockUrl = `/v1/merchants/${shop.merchantId}/members/${member.memberId}/door-block`;
  const cashier = await login(ctx.app, 'door-disabled-cashier');
  assertError(await staff('PUT', blockUrl, cashier, { reason: '多次尾随他人进门' }), 403, 'forbidden');
  assertError(await staff('PUT', blockUrl, admin, { reason: '  ' }), 400, 'reason_invalid');
  assertError(
    await staff('PUT', `/v1/merchants/${shop.merchantId}/members/${doorId}/door-block`, admin, { reason: '尾随' }),
    404,
    'member_not_found',
  );
  assert.equal((await staff('PUT', blockUrl, admin, { reason: '多次尾随他人进门' })).statusCode, 204);
  assert.deepEqual((await crop(camera, faces.a)).door, {
    doorId,
    outcome: 'refused',
    reason: 'member_blocked',
    repeated: false,
  });
  assert.equal(relay.received.length, 0);

  assert.equal((await staff('DELETE', blockUrl, admin)).statusCode, 204);
  assertError(await staff('DELETE', blockUrl, admin), 404, 'member_not_blocked');
  assert.equal((await crop(camera, faces.aAgain)).door?.outcome, 'opened', 'let back: decided afresh at once');
  assert.equal(relay.opened.length, 1);
  assert.deepEqual(await doorAudit(shop.merchantId), [
    ['door.refused', 'door_disabled'],
    ['door.refused', 'member_blocked'],
    ['door.opened', null],
  ]);
  await relay.stop();
});

test('the reference verifier refuses forged, tampered, expired, early, replayed and other doors’ commands', async () => {
  const { shop, camera, relay, doorId, publicKey } = await openShop('door-verifier');
  await consentingMember(shop);
  assert.equal((await crop(camera, faces.aAgain)).door?.outcome, 'opened');
  const genuine = relay.received[0]!.body as SignedDoorCommand;
  const issuedAt = JSON.parse(genuine.payload).issuedAt as number;
  let relayClock = issuedAt;
  const verifier = await createDoorCommandVerifier({ publicKey, doorId, now: () => relayClock });

  // Signed by the key of another door (another server, or a relay that tried): not this door's key.
  const otherKeys = new DoorKeys(Buffer.alloc(32, 7));
  const forged = otherKeys.open(shop.merchantId, doorId, issuedAt).signed;
  assert.deepEqual(await verifier.verify(forged), { ok: false, reason: 'bad_signature' });
  const tampered = {
    ...genuine,
    payload: genuine.payload.replace(/"expiresAt":\d+/, `"expiresAt":${issuedAt + 59_000}`),
  };
  assert.deepEqual(await verifier.verify(tampered), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(await verifier.verify({ ...genuine, signature: 'not base64url!' }), {
    ok: false,
    reason: 'malformed',
  });
  assert.deepEqual(await verifier.verify({ payload: genuine.payload }), { ok: false, reason: 'malformed' });

  relayClock = issuedAt + DOOR_COMMAND_TTL_MS + 2_001;
  assert.deepEqual(await verifier.verify(genuine), { ok: false, reason: 'expired' });
  relayClock = issuedAt - 2_001;
  assert.deepEqual(await verifier.verify(genuine), { ok: false, reason: 'not_yet_valid' });
  relayClock = issuedAt + 1_000;
  assert.equal((await verifier.verify(genuine)).ok, true);
  assert.deepEqual(await verifier.verify(genuine), { ok: false, reason: 'replayed' });
  assert.deepEqual(await relay.opened.length, 1, 'the relay itself took it once');

  // A genuine command of another door of the merchant is not this door's.
  const store = shop.storeIds[0];
  const manager = await login(ctx.app, 'door-verifier-manager');
  const side = await staff('POST', `/v1/merchants/${shop.merchantId}/stores/${store}/doors`, manager, {
    name: '侧门',
    relayUrl: relay.url,
  });
  const sideDoor = side.json() as { doorId: string; publicKey: string };
  assert.notEqual(sideDoor.publicKey, publicKey, 'each door has a key of its own');
  const keys = new DoorKeys(Buffer.alloc(32, 1));
  assert.equal(keys.publicKey(shop.merchantId, doorId), keys.publicKey(shop.merchantId, doorId), 'derived, stable');
  const sideVerifier = await createDoorCommandVerifier({ publicKey, doorId: sideDoor.doorId, now: () => relayClock });
  assert.deepEqual(await sideVerifier.verify(genuine), { ok: false, reason: 'wrong_door' });
  await relay.stop();
});

test('staff routes: bad URLs, names, unknown cameras, other stores’ and merchants’ doors answer a code and change nothing', async () => {
  const { shop, manager, camera, relay, doorId } = await openShop('door-staff');
  const other = await createMerchant(ctx.database.db, provider, 'door-staff-other');
  const otherManager = await login(ctx.app, 'door-staff-other-manager');
  const cashier = await login(ctx.app, 'door-staff-cashier');
  const admin = await login(ctx.app, 'door-staff-admin');
  const kiosk = await activateKiosk(ctx.app, manager, shop.merchantId, shop.storeIds[0]);
  const doorsUrl = (storeId: string, merchantId = shop.merchantId) =>
    `/v1/merchants/${merchantId}/stores/${storeId}/doors`;
  const snapshot = async () =>
    JSON.stringify([
      await ctx.database.db.selectFrom('doors').selectAll().orderBy('id').execute(),
      await ctx.database.db.selectFrom('door_cameras').selectAll().orderBy('device_id').execute(),
    ]);
  const before = await snapshot();

  for (const relayUrl of ['not a url', 'ftp://192.168.1.20/open', 'http://user:pw@192.168.1.20/open', 'http://h/#x'])
    assertError(
      await staff('POST', doorsUrl(shop.storeIds[0]), manager, { name: '后门', relayUrl }),
      400,
      'relay_url_invalid',
    );
  assertError(
    await staff('POST', doorsUrl(shop.storeIds[0]), manager, { name: '   ', relayUrl: relay.url }),
    400,
    'door_name_invalid',
  );
  assertError(
    await staff('POST', doorsUrl(shop.storeIds[0]), manager, { name: '会员通道', relayUrl: relay.url }),
    409,
    'door_name_taken',
  );
  assertError(
    await staff('POST', doorsUrl(shop.storeIds[0]), manager, { name: '后门', relayUrl: relay.url, extra: 1 }),
    400,
    'invalid_request',
  );
  assertError(
    await staff('POST', doorsUrl(shop.storeIds[0]), cashier, { name: '后门', relayUrl: relay.url }),
    403,
    'forbidden',
  );
  assertError(
    await staff('POST', doorsUrl(shop.storeIds[1]), manager, { name: '后门', relayUrl: relay.url }),
    403,
    'forbidden',
  );
  assertError(
    await staff('PATCH', `/v1/merchants/${shop.merchantId}/doors/${doorId}`, manager, { relayUrl: 'gopher://x' }),
    400,
    'relay_url_invalid',
  );
  assertError(
    await staff('PATCH', `/v1/merchants/${shop.merchantId}/doors/${doorId}`, manager, {}),
    400,
    'invalid_request',
  );

  const bind = (deviceId: string, body: { doorId: string | null }, who = manager, merchantId = shop.merchantId) =>
    staff('PUT', `/v1/merchants/${merchantId}/devices/${deviceId}/door`, who, body);
  assertError(await bind(shop.storeIds[0], { doorId }), 404, 'device_not_found');
  assertError(await bind(kiosk.deviceId, { doorId }), 409, 'device_not_entrance_camera');
  assertError(await bind(camera.deviceId, { doorId: shop.storeIds[1] }), 404, 'door_not_found');
  assertError(await bind(camera.deviceId, { doorId }, cashier), 403, 'forbidden');
  // Another merchant's manager: the camera and the door of this merchant are not theirs to bind.
  assertError(await bind(camera.deviceId, { doorId }, otherManager), 403, 'forbidden');
  const otherCamera = await activateCamera(ctx.app, otherManager, other.merchantId, other.storeIds[0]);
  assertError(await bind(otherCamera.deviceId, { doorId }, otherManager, other.merchantId), 404, 'door_not_found');
  assertError(
    await staff('PATCH', `/v1/merchants/${other.merchantId}/doors/${doorId}`, otherManager, { enabled: false }),
    404,
    'door_not_found',
  );
  // A door of store 1 (the admin's) and the camera of store 0.
  const store1 = await staff('POST', doorsUrl(shop.storeIds[1]), admin, { name: '二店会员门', relayUrl: relay.url });
  assert.equal(store1.statusCode, 201, store1.body);
  const afterStore1 = await snapshot();
  assert.notEqual(afterStore1, before);
  assertError(await bind(camera.deviceId, { doorId: store1.json().doorId }, admin), 409, 'door_in_other_store');
  assert.equal(await snapshot(), afterStore1, 'nothing changed by a refused call');

  const listed = await staff('GET', doorsUrl(shop.storeIds[0]), manager);
  assert.equal(listed.statusCode, 200, listed.body);
  assert.deepEqual(
    (listed.json().doors as Array<{ name: string; cameraIds: string[]; relayUrl: string }>).map((d) => [
      d.name,
      d.cameraIds,
      d.relayUrl,
    ]),
    [['会员通道', [camera.deviceId], relay.url]],
  );
  assertError(await staff('GET', doorsUrl(other.storeIds[0], other.merchantId), manager), 403, 'forbidden');
  assertError(
    await staff('GET', `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/door-events?limit=0`, manager),
    400,
    'invalid_request',
  );

  // Unbound, the camera opens nothing and says so (door: null).
  assert.equal((await bind(camera.deviceId, { doorId: null })).statusCode, 200);
  await consentingMember(shop);
  assert.equal((await crop(camera, faces.aAgain)).door, null);
  assert.equal(relay.received.length, 0);
  await relay.stop();
});
