import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as harness from '../../../apps/server/test/test-app.ts';
import { bearerToken, createApiClient, deviceSignature, unwrap } from './api-client.ts';
import { ApiError } from './api-error.ts';

let ctx: harness.TestContext;
let merchant: harness.TestMerchant;
let baseUrl: string;

before(async () => {
  ctx = await harness.createTestApp();
  merchant = await harness.createMerchant(ctx.database.db, await harness.createProvider(ctx.database.db), 'sdk');
  baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
});
after(() => ctx.close());

test('a refusal becomes an ApiError with the server code and message', async () => {
  const api = createApiClient({ baseUrl });
  const refused = await unwrap(
    api.POST('/v1/auth/login', { body: { username: 'sdk-admin', password: 'not the password' } }),
  ).catch((error: unknown) => error);
  assert.ok(refused instanceof ApiError);
  assert.equal(refused.status, 401);
  assert.equal(refused.code, 'invalid_credentials');
  assert.ok(refused.message.length > 0);
});

test('the staff token rides on every call, and an ended session is heard', async () => {
  const signIn = await unwrap(
    createApiClient({ baseUrl }).POST('/v1/auth/login', {
      body: { username: 'sdk-cashier', password: harness.TEST_PASSWORD },
    }),
  );
  const refusals: string[] = [];
  const api = createApiClient({ baseUrl, middleware: [bearerToken(signIn.token, (code) => refusals.push(code))] });
  const me = await unwrap(api.GET('/v1/auth/me'));
  assert.equal(me.role, 'cashier');
  assert.deepEqual(me.permissions, signIn.staff.permissions);
  assert.ok(me.permissions.includes('wallet.top_up') && !me.permissions.includes('device.manage'));
  await unwrap(api.POST('/v1/auth/logout'));
  await assert.rejects(unwrap(api.GET('/v1/auth/me')), { code: 'session_invalid' });
  assert.deepEqual(refusals, ['session_invalid']);
});

test('a device signs what it sends, body bytes, path and query included', async () => {
  const device = await harness.activateKiosk(
    ctx.app,
    await harness.login(ctx.app, 'sdk-manager'),
    merchant.merchantId,
    merchant.storeIds[0],
  );
  const credential = { ...device, storeId: merchant.storeIds[0], name: 'till 1' };
  const api = createApiClient({ baseUrl, middleware: [deviceSignature(credential)] });
  const profile = await unwrap(api.GET('/v1/device/profile'));
  assert.equal(profile.deviceId, device.deviceId);
  const beat = await unwrap(api.POST('/v1/device/heartbeat', { body: { appVersion: '1.2.3' } }));
  assert.ok(Date.parse(beat.serverTime) > 0);
  const found = await unwrap(
    api.GET('/v1/merchants/{merchantId}/products', {
      params: { path: { merchantId: merchant.merchantId }, query: { barcode: 'sdk-0001' } },
    }),
  );
  assert.deepEqual(
    found.products.map((p) => p.barcode),
    ['sdk-0001'],
  );
  const unsigned = createApiClient({ baseUrl });
  await assert.rejects(
    unwrap(unsigned.GET('/v1/device/profile')),
    (error: unknown) => error instanceof ApiError && error.status === 401,
  );
});
