/**
 * A kiosk reads its profile from the server: its merchant's code (for receipt links) and whether it may offer the demo
 * camera. Only the demo merchant seeded on first start has it, and no API can give it to any other merchant.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedDemo, DEMO_PASSWORD } from '../../demo/seed.ts';
import { assertError } from '../../../test/assertions.ts';
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
let dataDir: string;
let shop: TestMerchant;
let demoMerchantId: string;

before(async () => {
  ctx = await createTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'shualian-profile-'));
  const demo = await seedDemo(ctx.services, { dataDir });
  demoMerchantId = demo.merchantId;
  // Another merchant of the demo provider, made through the API as a provider admin would.
  const providerId = await createProvider(ctx.database.db);
  shop = await createMerchant(ctx.database.db, providerId, 'corner');
});
after(async () => {
  await ctx.close();
  await rm(dataDir, { recursive: true, force: true });
});

const demoLogin = async (username: string) => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  assert.equal(response.statusCode, 200, response.body);
  return `Bearer ${response.json().token}`;
};

test("a kiosk learns its merchant's code from its profile; a non-demo merchant's kiosk never gets the demo camera", async () => {
  const kiosk = await activateKiosk(ctx.app, await login(ctx.app, 'corner-manager'), shop.merchantId, shop.storeIds[0]);
  const profile = await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/device/profile' });
  assert.equal(profile.statusCode, 200, profile.body);
  assert.deepEqual(
    { ...(profile.json() as Record<string, unknown>), deviceId: undefined },
    {
      deviceId: undefined,
      merchantId: shop.merchantId,
      merchantCode: 'corner',
      merchantName: 'Merchant corner',
      storeId: shop.storeIds[0],
      kind: 'kiosk',
      name: 'till 1',
      demoCamera: false,
    },
  );
  assertError(
    await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/device/demo-camera' }),
    404,
    'demo_camera_unavailable',
  );
  // Unsigned, nobody gets either.
  assert.equal((await ctx.app.inject({ method: 'GET', url: '/v1/device/profile' })).statusCode, 401);
  assert.equal((await ctx.app.inject({ method: 'GET', url: '/v1/device/demo-camera' })).statusCode, 401);
});

test("the demo merchant's kiosk has the demo camera and the demo member's photo", async () => {
  const manager = await demoLogin('manager');
  const me = (await ctx.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: manager } })).json();
  const kiosk = await activateKiosk(ctx.app, manager, demoMerchantId, me.storeId);
  const profile = (await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/device/profile' })).json();
  assert.equal(profile.merchantCode, 'yabo');
  assert.equal(profile.demoCamera, true);
  const picture = await deviceRequest(ctx.app, kiosk, { method: 'GET', url: '/v1/device/demo-camera' });
  assert.equal(picture.statusCode, 200);
  const jpeg = Buffer.from(picture.json().image, 'base64');
  assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
  assert.equal(picture.json().memberName, '演示会员');
});

test('no API turns the demo camera on for another merchant', async () => {
  const provider = await demoLogin('provider');
  // A new merchant asked for as a demo: the field is not part of the request.
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/v1/merchants',
    headers: { authorization: provider },
    payload: { code: 'fake-demo', name: 'Fake demo', demo: true },
  });
  assertError(created, 400, 'invalid_request');
  // Settings do not carry it either, by any name.
  const admin = await login(ctx.app, 'corner-admin');
  for (const payload of [{ demo: true }, { demoCamera: true }]) {
    const settings = await ctx.app.inject({
      method: 'PATCH',
      url: `/v1/merchants/${shop.merchantId}/settings`,
      headers: { authorization: admin },
      payload,
    });
    assert.equal(settings.statusCode, 400, `${JSON.stringify(payload)}: ${settings.body}`);
  }
  const merchant = await ctx.database.db
    .selectFrom('merchants')
    .select('demo')
    .where('id', '=', shop.merchantId)
    .executeTakeFirstOrThrow();
  assert.equal(merchant.demo, false);

  // And no operation of the document takes a field of that name anywhere in its body.
  const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<string, { operationId: string; requestBody?: unknown; parameters?: Array<{ name: string }> }>
    >;
  };
  for (const methods of Object.values(document.paths)) {
    for (const op of Object.values(methods)) {
      const body = JSON.stringify(op.requestBody ?? {});
      assert.doesNotMatch(body, /"demo(Camera)?"\s*:/, `${op.operationId} takes no demo field`);
      for (const parameter of op.parameters ?? []) assert.doesNotMatch(parameter.name, /^demo/i, op.operationId);
    }
  }
});
