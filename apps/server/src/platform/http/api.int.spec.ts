import { assertError } from '../../../test/assertions.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  deviceRequest,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

let ctx: TestContext;
let alpha: TestMerchant;
let beta: TestMerchant;
let foreign: TestMerchant;

before(async () => {
  ctx = await createTestApp();
  const provider = await createProvider(ctx.database.db, 'p1-admin');
  alpha = await createMerchant(ctx.database.db, provider, 'alpha');
  beta = await createMerchant(ctx.database.db, provider, 'beta');
  foreign = await createMerchant(ctx.database.db, await createProvider(ctx.database.db, 'p2-admin'), 'foreign');
});
after(() => ctx.close());

describe('system routes', () => {
  test('healthz answers 200 when the database answers, with a request id', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'ok');
    assert.ok(response.headers['x-request-id']);
  });

  test('openapi.json is a valid OpenAPI 3 document naming every operation', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    const document = response.json();
    assert.match(document.openapi, /^3\./);
    await SwaggerParser.validate(structuredClone(document));
    const operationIds = Object.values(
      document.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    const required = [
      ...[
        'login',
        'registerDevice',
        'activateDevice',
        'deviceHeartbeat',
        'revokeDevice',
        'listDevices',
        'listProducts',
      ],
      ...['detectFaces', 'verifyFaces', 'identifyFace'],
      ...['requestOtp', 'registerMember', 'recordConsent', 'enrollFace', 'deleteFaceData', 'topUpWallet', 'getWallet'],
      ...['createFaceSession', 'submitFaceFrames', 'verifyStepUp', 'createPayment', 'refundPayment', 'listReceipts'],
    ];
    for (const id of required) {
      assert.ok(operationIds.includes(id), `missing operation ${id}`);
    }
    assert.equal(new Set(operationIds).size, operationIds.length, 'operationIds are unique');
  });

  test('the docs page is served, security headers are set', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /swagger/i);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('an unknown route gets the error shape', async () => {
    assertError(await ctx.app.inject({ method: 'GET', url: '/nope' }), 404, 'route_not_found');
  });
});

describe('staff authentication', () => {
  test('a wrong password and an unknown user are refused alike', async () => {
    for (const username of ['alpha-admin', 'nobody']) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { username, password: 'wrong' },
      });
      assertError(response, 401, 'invalid_credentials');
    }
  });

  test('invalid bodies get 400 with the error shape', async () => {
    const cases = [
      { payload: { username: 'alpha-admin' } },
      { payload: { username: 'alpha-admin', password: 'x', extra: true } },
      { payload: { username: { nested: true }, password: 'x' } },
      { payload: '{not json', headers: { 'content-type': 'application/json' } },
    ];
    for (const { payload, headers } of cases) {
      const response = await ctx.app.inject({ method: 'POST', url: '/v1/auth/login', payload, headers });
      assert.equal(response.statusCode, 400, response.body);
      assert.ok(response.json().error.code);
    }
  });

  test('a bearer token works until logout', async () => {
    const authorization = await login(ctx.app, 'alpha-admin');
    const me = await ctx.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization } });
    assert.equal(me.json().role, 'merchant_admin');
    assert.ok(me.json().permissions.includes('settings.manage'), 'a merchant admin may change the settings');
    await ctx.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: { authorization } });
    assertError(
      await ctx.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization } }),
      401,
      'session_invalid',
    );
    assertError(await ctx.app.inject({ method: 'GET', url: '/v1/auth/me' }), 401, 'session_missing');
  });
});

describe('tenancy isolation', () => {
  test('a merchant admin sees only its merchant', async () => {
    const authorization = await login(ctx.app, 'alpha-admin');
    const merchants = await ctx.app.inject({ method: 'GET', url: '/v1/merchants', headers: { authorization } });
    assert.deepEqual(
      merchants.json().merchants.map((m: { id: string }) => m.id),
      [alpha.merchantId],
    );
    for (const url of [
      `/v1/merchants/${beta.merchantId}/stores`,
      `/v1/merchants/${beta.merchantId}/devices`,
      `/v1/merchants/${beta.merchantId}/products`,
      `/v1/merchants/${beta.merchantId}/audit-events`,
    ]) {
      assertError(await ctx.app.inject({ method: 'GET', url, headers: { authorization } }), 403, 'forbidden');
    }
    const register = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${beta.merchantId}/stores/${beta.storeIds[0]}/devices`,
      headers: { authorization },
      payload: { kind: 'kiosk', name: 'sneaky' },
    });
    assertError(register, 403, 'forbidden');
  });

  test("another provider's merchant does not even exist for you", async () => {
    const authorization = await login(ctx.app, 'p1-admin');
    const ok = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${beta.merchantId}/stores`,
      headers: { authorization },
    });
    assert.equal(ok.statusCode, 200);
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${foreign.merchantId}/stores`,
      headers: { authorization },
    });
    assertError(response, 404, 'merchant_not_found');
  });

  test('a store manager manages devices of its own store only; a cashier none', async () => {
    const manager = await login(ctx.app, 'alpha-manager');
    const otherStore = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${alpha.merchantId}/stores/${alpha.storeIds[1]}/devices`,
      headers: { authorization: manager },
      payload: { kind: 'kiosk', name: 'x' },
    });
    assertError(otherStore, 403, 'forbidden');
    const cashier = await login(ctx.app, 'alpha-cashier');
    const byCashier = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${alpha.merchantId}/stores/${alpha.storeIds[0]}/devices`,
      headers: { authorization: cashier },
      payload: { kind: 'kiosk', name: 'x' },
    });
    assertError(byCashier, 403, 'forbidden');
    const said = async (authorization: string) =>
      (await ctx.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization } })).json().permissions;
    assert.ok((await said(manager)).includes('device.manage'), 'the manager is told it may manage devices');
    assert.ok(!(await said(cashier)).includes('device.manage'), 'the cashier is told it may not');
  });

  test('a device reads its own merchant only', async () => {
    const device = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'alpha-manager'),
      alpha.merchantId,
      alpha.storeIds[0],
    );
    const own = await deviceRequest(ctx.app, device, {
      method: 'GET',
      url: `/v1/merchants/${alpha.merchantId}/products?barcode=alpha-0001`,
    });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(
      own.json().products.map((p: { priceFen: number }) => p.priceFen),
      [2800],
    );
    const other = await deviceRequest(ctx.app, device, {
      method: 'GET',
      url: `/v1/merchants/${beta.merchantId}/products`,
    });
    assertError(other, 403, 'forbidden');
  });
});

describe('device trust', () => {
  test('activation, signed heartbeat, and online state', async () => {
    const manager = await login(ctx.app, 'alpha-manager');
    const device = await activateKiosk(ctx.app, manager, alpha.merchantId, alpha.storeIds[0]);
    const heartbeat = await deviceRequest(ctx.app, device, {
      method: 'POST',
      url: '/v1/device/heartbeat',
      payload: { appVersion: '1.2.3' },
    });
    assert.equal(heartbeat.statusCode, 200, heartbeat.body);
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${alpha.merchantId}/devices`,
      headers: { authorization: manager },
    });
    const listed = list.json().devices.find((d: { id: string }) => d.id === device.deviceId);
    assert.equal(listed.status, 'active');
    assert.equal(listed.online, true);
    assert.equal(listed.appVersion, '1.2.3');
    assert.equal('publicKey' in listed, false);
  });

  test('an activation code works once', async () => {
    const manager = await login(ctx.app, 'alpha-manager');
    const registered = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${alpha.merchantId}/stores/${alpha.storeIds[0]}/devices`,
      headers: { authorization: manager },
      payload: { kind: 'entrance_camera', name: 'door' },
    });
    const { activationCode } = registered.json();
    const { generateDeviceKeyPair } = await import('@shualian/device-signing');
    const keys = await generateDeviceKeyPair();
    const first = await ctx.app.inject({
      method: 'POST',
      url: '/v1/devices/activate',
      payload: { activationCode: activationCode.toLowerCase(), publicKey: keys.publicKey },
    });
    assert.equal(first.statusCode, 200, first.body);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/v1/devices/activate',
      payload: { activationCode, publicKey: keys.publicKey },
    });
    assertError(again, 401, 'activation_code_invalid');
    const badKey = await ctx.app.inject({
      method: 'POST',
      url: '/v1/devices/activate',
      payload: { activationCode, publicKey: 'A'.repeat(60) },
    });
    assertError(badKey, 400, 'public_key_invalid');
  });

  test('an activation code leads with its merchant; the code without it, and codes from before, still work', async () => {
    const manager = await login(ctx.app, 'alpha-manager');
    const register = async () =>
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/v1/merchants/${alpha.merchantId}/stores/${alpha.storeIds[0]}/devices`,
          headers: { authorization: manager },
          payload: { kind: 'entrance_camera', name: 'door' },
        })
      ).json().activationCode as string;
    const { generateDeviceKeyPair } = await import('@shualian/device-signing');
    const { publicKey } = await generateDeviceKeyPair();
    const activate = (activationCode: string) =>
      ctx.app.inject({ method: 'POST', url: '/v1/devices/activate', payload: { activationCode, publicKey } });

    const code = await register();
    assert.match(code, /^ALPHA-[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const secret = code.slice('ALPHA-'.length);
    assertError(await activate(`beta-${secret}`), 401, 'activation_code_invalid');
    assertError(await activate(`nobody-${secret}`), 401, 'activation_code_invalid');
    assert.equal((await activate(`alpha ${secret.replaceAll('-', '').toLowerCase()}`)).statusCode, 200);
    const secretOnly = (await register()).slice('ALPHA-'.length);
    assert.equal((await activate(secretOnly)).statusCode, 200);

    // A code issued before codes named their merchant: stored as the hash of its 15 letters and digits.
    const { createHash, randomUUID } = await import('node:crypto');
    const deviceId = randomUUID();
    await ctx.database.db
      .insertInto('devices')
      .values({
        merchant_id: alpha.merchantId,
        id: deviceId,
        store_id: alpha.storeIds[0],
        kind: 'kiosk',
        name: 'from before',
        status: 'pending',
        activation_code_hash: createHash('sha256').update('K7QM2XRP9TCH4Z8').digest('hex'),
        activation_expires_at: new Date(Date.now() + 3_600_000),
        created_by: randomUUID(),
      })
      .execute();
    const legacy = await activate('k7qm2-xrp9t-ch4z8');
    assert.equal(legacy.statusCode, 200, legacy.body);
    assert.equal(legacy.json().deviceId, deviceId);
  });

  test('a replayed request is refused', async () => {
    const device = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'alpha-manager'),
      alpha.merchantId,
      alpha.storeIds[0],
    );
    const request = {
      method: 'POST' as const,
      url: '/v1/device/heartbeat',
      payload: {},
      nonce: 'fixed-nonce-123',
      timestamp: Date.now(),
    };
    assert.equal((await deviceRequest(ctx.app, device, request)).statusCode, 200);
    assertError(await deviceRequest(ctx.app, device, request), 401, 'device_request_replayed');
  });

  test('a stale or future-dated request is refused', async () => {
    const device = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'alpha-manager'),
      alpha.merchantId,
      alpha.storeIds[0],
    );
    const skew = ctx.config.deviceClockSkewSeconds * 1000;
    for (const timestamp of [Date.now() - skew - 5000, Date.now() + skew + 5000]) {
      assertError(
        await deviceRequest(ctx.app, device, { method: 'POST', url: '/v1/device/heartbeat', payload: {}, timestamp }),
        401,
        'device_request_stale',
      );
    }
  });

  test('a tampered body, a foreign key or missing headers are refused', async () => {
    const device = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'alpha-manager'),
      alpha.merchantId,
      alpha.storeIds[0],
    );
    const { signedHeaders, generateDeviceKeyPair } = await import('@shualian/device-signing');
    const headers = await signedHeaders(device, {
      method: 'POST',
      path: '/v1/device/heartbeat',
      body: '{"appVersion":"1"}',
    });
    const tampered = await ctx.app.inject({
      method: 'POST',
      url: '/v1/device/heartbeat',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"appVersion":"2"}',
    });
    assertError(tampered, 401, 'device_signature_invalid');
    const impostor = { ...device, privateKey: (await generateDeviceKeyPair()).privateKey };
    assertError(
      await deviceRequest(ctx.app, impostor, { method: 'POST', url: '/v1/device/heartbeat', payload: {} }),
      401,
      'device_signature_invalid',
    );
    assertError(
      await ctx.app.inject({ method: 'POST', url: '/v1/device/heartbeat', payload: {} }),
      401,
      'device_signature_missing',
    );
  });

  test('a revoked device is refused at once', async () => {
    const manager = await login(ctx.app, 'alpha-manager');
    const device = await activateKiosk(ctx.app, manager, alpha.merchantId, alpha.storeIds[0]);
    const revoke = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${alpha.merchantId}/devices/${device.deviceId}/revoke`,
      headers: { authorization: manager },
    });
    assert.equal(revoke.statusCode, 200, revoke.body);
    assert.equal(revoke.json().status, 'revoked');
    assertError(
      await deviceRequest(ctx.app, device, { method: 'POST', url: '/v1/device/heartbeat', payload: {} }),
      401,
      'device_revoked',
    );
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${alpha.merchantId}/devices/${device.deviceId}/revoke`,
      headers: { authorization: manager },
    });
    assertError(again, 409, 'device_already_revoked');
  });

  test('another merchant cannot revoke your device', async () => {
    const device = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'alpha-manager'),
      alpha.merchantId,
      alpha.storeIds[0],
    );
    const betaAdmin = await login(ctx.app, 'beta-admin');
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${alpha.merchantId}/devices/${device.deviceId}/revoke`,
      headers: { authorization: betaAdmin },
    });
    assertError(response, 403, 'forbidden');
    const heartbeat = await deviceRequest(ctx.app, device, {
      method: 'POST',
      url: '/v1/device/heartbeat',
      payload: {},
    });
    assert.equal(heartbeat.statusCode, 200);
  });

  test('device actions are in the audit log', async () => {
    const admin = await login(ctx.app, 'alpha-admin');
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${alpha.merchantId}/audit-events?limit=200`,
      headers: { authorization: admin },
    });
    const actions = new Set(response.json().events.map((e: { action: string }) => e.action));
    for (const action of ['device.registered', 'device.activated', 'device.revoked'])
      assert.ok(actions.has(action), action);
  });
});

describe('rate limits', () => {
  test('login attempts beyond the limit get 429 with the error shape', async () => {
    const limited = await createTestApp({ authRateLimitPerMinute: 3 });
    try {
      const attempt = () =>
        limited.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'x', password: 'y' } });
      for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
      assertError(await attempt(), 429, 'rate_limited');
    } finally {
      await limited.close();
    }
  });
});
