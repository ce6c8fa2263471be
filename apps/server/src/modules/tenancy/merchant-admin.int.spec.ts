import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { assertError } from '../../../test/assertions.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  deviceRequest,
  login,
  TEST_PASSWORD,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

let ctx: TestContext;
let alpha: TestMerchant;
let beta: TestMerchant;

before(async () => {
  ctx = await createTestApp();
  const provider = await createProvider(ctx.database.db, 'admin-provider');
  alpha = await createMerchant(ctx.database.db, provider, 'alpha');
  beta = await createMerchant(ctx.database.db, provider, 'beta');
  await createProvider(ctx.database.db, 'other-provider');
});
after(() => ctx.close());

type Method = 'GET' | 'POST' | 'PATCH';
async function call(username: string, method: Method, url: string, payload?: object) {
  return ctx.app.inject({ method, url, headers: { authorization: await login(ctx.app, username) }, payload });
}

function auditEvents(merchantId: string, action: string) {
  return ctx.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

const count = async (table: 'merchants' | 'stores' | 'products' | 'staff_users' | 'audit_events') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('merchants', () => {
  test('a provider admin creates a merchant, audited; its code is unique; nobody else creates one', async () => {
    const created = await call('admin-provider', 'POST', '/v1/merchants', { code: 'gamma', name: 'Gamma 零食' });
    assert.equal(created.statusCode, 201, created.body);
    const merchant = created.json();
    assert.equal(merchant.code, 'gamma');
    assert.equal(merchant.name, 'Gamma 零食');
    assert.ok(Date.parse(merchant.createdAt));

    const listed = await call('admin-provider', 'GET', '/v1/merchants');
    assert.ok(listed.json().merchants.some((m: { id: string }) => m.id === merchant.id));
    const elsewhere = await call('other-provider', 'GET', '/v1/merchants');
    assert.equal(elsewhere.json().merchants.length, 0);
    const events = await auditEvents(merchant.id, 'merchant.created');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.details, { code: 'gamma', name: 'Gamma 零食' });

    const before = { merchants: await count('merchants'), audit: await count('audit_events') };
    assertError(
      await call('admin-provider', 'POST', '/v1/merchants', { code: 'gamma', name: 'again' }),
      409,
      'merchant_code_taken',
    );
    assertError(await call('alpha-admin', 'POST', '/v1/merchants', { code: 'delta', name: 'Delta' }), 403, 'forbidden');
    assertError(
      await call('alpha-cashier', 'POST', '/v1/merchants', { code: 'delta', name: 'Delta' }),
      403,
      'forbidden',
    );
    assertError(
      await call('admin-provider', 'POST', '/v1/merchants', { code: 'Not A Code', name: 'x' }),
      400,
      'invalid_request',
    );
    assert.deepEqual({ merchants: await count('merchants'), audit: await count('audit_events') }, before);
  });

  test('a new merchant is set up through the API: a store, its first admin, who then runs it', async () => {
    const merchant = (
      await call('admin-provider', 'POST', '/v1/merchants', { code: 'epsilon', name: 'Epsilon' })
    ).json();
    const store = await call('admin-provider', 'POST', `/v1/merchants/${merchant.id}/stores`, {
      code: 'E1',
      name: 'Epsilon 1',
    });
    assert.equal(store.statusCode, 201, store.body);
    const admin = await call('admin-provider', 'POST', `/v1/merchants/${merchant.id}/staff`, {
      username: 'Epsilon-Boss',
      displayName: 'Boss',
      password: 'a long enough password',
      role: 'merchant_admin',
    });
    assert.equal(admin.statusCode, 201, admin.body);
    assert.equal(admin.json().username, 'epsilon-boss');
    const signedIn = await ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { username: 'epsilon-boss', password: 'a long enough password' },
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.deepEqual(signedIn.json().staff.merchantId, merchant.id);
    const authorization = `Bearer ${signedIn.json().token}`;
    const product = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${merchant.id}/products`,
      headers: { authorization },
      payload: { sku: 'E-1', name: 'Tea', priceFen: 800 },
    });
    assert.equal(product.statusCode, 201, product.body);
    assert.equal(product.json().unit, '件');
  });
});

describe('stores', () => {
  test('a merchant admin opens and edits stores; every change is audited with old and new values', async () => {
    const created = await call('alpha-admin', 'POST', `/v1/merchants/${alpha.merchantId}/stores`, {
      code: 'SH-09',
      name: '静安店',
      address: '上海市静安区南京西路 1 号',
      storeGroup: 'east',
    });
    assert.equal(created.statusCode, 201, created.body);
    const store = created.json();
    assert.deepEqual(
      {
        code: store.code,
        name: store.name,
        address: store.address,
        storeGroup: store.storeGroup,
        merchantId: store.merchantId,
      },
      {
        code: 'SH-09',
        name: '静安店',
        address: '上海市静安区南京西路 1 号',
        storeGroup: 'east',
        merchantId: alpha.merchantId,
      },
    );
    const listed = await call('alpha-admin', 'GET', `/v1/merchants/${alpha.merchantId}/stores`);
    assert.ok(listed.json().stores.some((s: { id: string }) => s.id === store.id));

    const updated = await call('alpha-admin', 'PATCH', `/v1/merchants/${alpha.merchantId}/stores/${store.id}`, {
      name: '静安旗舰店',
      address: null,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json().name, '静安旗舰店');
    assert.equal(updated.json().address, null);
    assert.equal(updated.json().storeGroup, 'east');

    const events = await auditEvents(alpha.merchantId, 'store.updated');
    assert.deepEqual(events.at(-1)!.details, {
      changes: { name: { from: '静安店', to: '静安旗舰店' }, address: { from: '上海市静安区南京西路 1 号', to: null } },
    });
    assert.equal(events.at(-1)!.actor_type, 'staff');
    assert.equal((await auditEvents(alpha.merchantId, 'store.created')).length, 1);
  });

  test('duplicate codes, unknown stores, other merchants and store roles are refused, and nothing is written', async () => {
    const before = { stores: await count('stores'), audit: await count('audit_events') };
    const url = `/v1/merchants/${alpha.merchantId}/stores`;
    assertError(await call('alpha-admin', 'POST', url, { code: 'S0', name: 'copy' }), 409, 'store_code_taken');
    assertError(
      await call('alpha-admin', 'PATCH', `${url}/${alpha.storeIds[1]}`, { code: 'S0' }),
      409,
      'store_code_taken',
    );
    assertError(await call('alpha-admin', 'PATCH', `${url}/${randomUUID()}`, { name: 'x' }), 404, 'store_not_found');
    assertError(
      await call('alpha-admin', 'PATCH', `${url}/${beta.storeIds[0]}`, { name: 'x' }),
      404,
      'store_not_found',
    );
    assertError(await call('beta-admin', 'POST', url, { code: 'B9', name: 'x' }), 403, 'forbidden');
    assertError(await call('alpha-manager', 'POST', url, { code: 'M9', name: 'x' }), 403, 'forbidden');
    assertError(await call('alpha-manager', 'PATCH', `${url}/${alpha.storeIds[0]}`, { name: 'x' }), 403, 'forbidden');
    assertError(await call('alpha-admin', 'PATCH', `${url}/${alpha.storeIds[0]}`, {}), 400, 'invalid_request');
    assertError(await call('alpha-admin', 'POST', url, { code: 'ok', name: 'x', extra: 1 }), 400, 'invalid_request');
    assertError(await call('other-provider', 'POST', url, { code: 'P9', name: 'x' }), 404, 'merchant_not_found');
    assert.deepEqual({ stores: await count('stores'), audit: await count('audit_events') }, before);
  });
});

describe('products', () => {
  const products = (merchant: TestMerchant) => `/v1/merchants/${merchant.merchantId}/products`;

  test('a product with barcode, price, member price and category is found by the kiosk and priced into carts', async () => {
    const created = await call('alpha-admin', 'POST', products(alpha), {
      sku: 'COKE-330',
      barcode: '6901234567892',
      name: '可口可乐 330ml',
      nameEn: 'Coca-Cola 330ml',
      unit: '罐',
      priceFen: 350,
      memberPriceFen: 300,
      category: 'drinks',
    });
    assert.equal(created.statusCode, 201, created.body);
    const product = created.json();
    assert.deepEqual(
      { ...product, id: undefined },
      {
        id: undefined,
        sku: 'COKE-330',
        barcode: '6901234567892',
        name: '可口可乐 330ml',
        nameEn: 'Coca-Cola 330ml',
        unit: '罐',
        priceFen: 350,
        memberPriceFen: 300,
        category: 'drinks',
        active: true,
      },
    );

    const kiosk = await activateKiosk(
      ctx.app,
      await login(ctx.app, 'alpha-manager'),
      alpha.merchantId,
      alpha.storeIds[0],
    );
    const scanned = await deviceRequest(ctx.app, kiosk, {
      method: 'GET',
      url: `${products(alpha)}?barcode=6901234567892`,
    });
    assert.deepEqual(
      scanned.json().products.map((p: { id: string }) => p.id),
      [product.id],
    );
    const drinks = await call('alpha-cashier', 'GET', `${products(alpha)}?category=drinks`);
    assert.deepEqual(
      drinks.json().products.map((p: { sku: string }) => p.sku),
      ['COKE-330'],
    );

    const cart = { items: [{ productId: product.id, quantity: 2 }] };
    const before = await deviceRequest(ctx.app, kiosk, { method: 'POST', url: '/v1/face-sessions', payload: cart });
    assert.equal(before.statusCode, 201, before.body);
    assert.equal(before.json().amountFen, 600);

    const repriced = await call('alpha-admin', 'PATCH', `${products(alpha)}/${product.id}`, {
      priceFen: 400,
      memberPriceFen: 320,
    });
    assert.equal(repriced.statusCode, 200, repriced.body);
    assert.deepEqual([repriced.json().priceFen, repriced.json().memberPriceFen], [400, 320]);
    const after = await deviceRequest(ctx.app, kiosk, { method: 'POST', url: '/v1/face-sessions', payload: cart });
    assert.equal(after.json().amountFen, 640);
    const events = await auditEvents(alpha.merchantId, 'product.updated');
    assert.deepEqual(events.at(-1)!.details, {
      changes: { priceFen: { from: 350, to: 400 }, memberPriceFen: { from: 300, to: 320 } },
    });

    const cleared = await call('alpha-admin', 'PATCH', `${products(alpha)}/${product.id}`, { memberPriceFen: null });
    assert.equal(cleared.json().memberPriceFen, null);
    const unchanged = await call('alpha-admin', 'PATCH', `${products(alpha)}/${product.id}`, { priceFen: 400 });
    assert.equal(unchanged.statusCode, 200);
    assert.equal(
      (await auditEvents(alpha.merchantId, 'product.updated')).length,
      events.length + 1,
      'no event for no change',
    );

    const deactivated = await call('alpha-admin', 'POST', `${products(alpha)}/${product.id}/deactivate`);
    assert.equal(deactivated.statusCode, 200, deactivated.body);
    assert.equal(deactivated.json().active, false);
    const gone = await deviceRequest(ctx.app, kiosk, {
      method: 'GET',
      url: `${products(alpha)}?barcode=6901234567892`,
    });
    assert.deepEqual(gone.json().products, []);
    const refused = await deviceRequest(ctx.app, kiosk, { method: 'POST', url: '/v1/face-sessions', payload: cart });
    assertError(refused, 400, 'product_unknown');
    const inactive = await call('alpha-admin', 'GET', `${products(alpha)}?status=inactive`);
    assert.deepEqual(
      inactive.json().products.map((p: { id: string }) => p.id),
      [product.id],
    );
    assert.equal((await call('alpha-admin', 'POST', `${products(alpha)}/${product.id}/deactivate`)).statusCode, 200);
    assert.equal((await auditEvents(alpha.merchantId, 'product.deactivated')).length, 1, 'twice is once');

    const back = await call('alpha-admin', 'POST', `${products(alpha)}/${product.id}/reactivate`);
    assert.equal(back.json().active, true);
    const found = await deviceRequest(ctx.app, kiosk, {
      method: 'GET',
      url: `${products(alpha)}?barcode=6901234567892`,
    });
    assert.equal(found.json().products.length, 1);
    assert.equal((await auditEvents(alpha.merchantId, 'product.reactivated')).length, 1);
    assert.equal((await auditEvents(alpha.merchantId, 'product.created')).length, 1);
  });

  test('duplicate barcodes and SKUs, bad prices, store roles and other merchants are refused, and nothing is written', async () => {
    const before = { products: await count('products'), audit: await count('audit_events') };
    const base = { sku: 'NEW-1', name: 'New', priceFen: 100 };
    assertError(
      await call('alpha-admin', 'POST', products(alpha), { ...base, barcode: 'alpha-0001' }),
      409,
      'product_barcode_taken',
    );
    assertError(await call('alpha-admin', 'POST', products(alpha), { ...base, sku: 'A' }), 409, 'product_sku_taken');
    assertError(
      await call('alpha-admin', 'POST', products(alpha), { ...base, memberPriceFen: 101 }),
      400,
      'member_price_above_price',
    );
    for (const priceFen of [0, -5, 1.5, 'abc', 1e12]) {
      assertError(await call('alpha-admin', 'POST', products(alpha), { ...base, priceFen }), 400, 'invalid_request');
    }
    assertError(
      await call('alpha-admin', 'POST', products(alpha), { ...base, barcode: 'has space' }),
      400,
      'invalid_request',
    );
    assertError(await call('alpha-cashier', 'POST', products(alpha), base), 403, 'forbidden');
    assertError(await call('alpha-manager', 'POST', products(alpha), base), 403, 'forbidden');
    assertError(await call('beta-admin', 'POST', products(alpha), base), 403, 'forbidden');

    const [duck] = (await call('alpha-admin', 'GET', `${products(alpha)}?barcode=alpha-0001`)).json().products;
    const duckUrl = `${products(alpha)}/${duck.id}`;
    assertError(await call('alpha-admin', 'PATCH', duckUrl, { barcode: 'alpha-0002' }), 409, 'product_barcode_taken');
    assertError(await call('alpha-admin', 'PATCH', duckUrl, { memberPriceFen: 2801 }), 400, 'member_price_above_price');
    assertError(await call('alpha-admin', 'PATCH', duckUrl, { priceFen: 2000 }), 400, 'member_price_above_price');
    assertError(await call('alpha-admin', 'PATCH', duckUrl, { active: false }), 400, 'invalid_request');
    assertError(await call('alpha-cashier', 'POST', `${duckUrl}/deactivate`), 403, 'forbidden');
    assertError(
      await call('alpha-admin', 'PATCH', `${products(alpha)}/${randomUUID()}`, { name: 'x' }),
      404,
      'product_not_found',
    );
    const betaDuck = (await call('beta-admin', 'GET', products(beta))).json().products[0];
    assertError(
      await call('alpha-admin', 'POST', `${products(alpha)}/${betaDuck.id}/deactivate`),
      404,
      'product_not_found',
    );
    assert.deepEqual({ products: await count('products'), audit: await count('audit_events') }, before);
    assert.equal(
      (await call('alpha-admin', 'GET', `${products(alpha)}?barcode=alpha-0001`)).json().products[0].priceFen,
      2800,
    );
  });

  test('two admins adding the same barcode at once: one product, one clear refusal', async () => {
    const authorization = await login(ctx.app, 'alpha-admin');
    const add = (sku: string) =>
      ctx.app.inject({
        method: 'POST',
        url: products(alpha),
        headers: { authorization },
        payload: { sku, barcode: '4006381333931', name: 'Pen', priceFen: 500 },
      });
    const answers = await Promise.all(['PEN-1', 'PEN-2', 'PEN-3', 'PEN-4'].map(add));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409))
      assertError(refused, 409, 'product_barcode_taken');
    const all = await call('alpha-admin', 'GET', `${products(alpha)}?barcode=4006381333931&status=all`);
    assert.equal(all.json().products.length, 1);
  });
});

describe('staff', () => {
  const staffUrl = (merchant: TestMerchant) => `/v1/merchants/${merchant.merchantId}/staff`;
  const signIn = (username: string, password: string) =>
    ctx.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username, password } });
  const me = (authorization: string) =>
    ctx.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization } });

  test('an admin creates a cashier in a store, changes the role, disables, enables and resets the password', async () => {
    const created = await call('alpha-admin', 'POST', staffUrl(alpha), {
      username: 'li.wei',
      displayName: '李伟',
      password: 'first password 1',
      role: 'cashier',
      storeId: alpha.storeIds[1],
    });
    assert.equal(created.statusCode, 201, created.body);
    const person = created.json();
    assert.deepEqual(
      { role: person.role, storeId: person.storeId, disabled: person.disabled, merchantId: person.merchantId },
      { role: 'cashier', storeId: alpha.storeIds[1], disabled: false, merchantId: alpha.merchantId },
    );
    assert.equal('password' in person || 'passwordHash' in person, false);
    const session = `Bearer ${(await signIn('li.wei', 'first password 1')).json().token}`;
    assert.equal((await me(session)).json().role, 'cashier');

    const promoted = await call('alpha-admin', 'PATCH', `${staffUrl(alpha)}/${person.staffId}`, {
      role: 'store_manager',
    });
    assert.equal(promoted.statusCode, 200, promoted.body);
    assert.deepEqual([promoted.json().role, promoted.json().storeId], ['store_manager', alpha.storeIds[1]]);
    assert.equal((await me(session)).json().role, 'store_manager', 'the new role holds from the next request');
    const admin = await call('alpha-admin', 'PATCH', `${staffUrl(alpha)}/${person.staffId}`, {
      role: 'merchant_admin',
    });
    assert.deepEqual([admin.json().role, admin.json().storeId], ['merchant_admin', null]);
    const back = await call('alpha-admin', 'PATCH', `${staffUrl(alpha)}/${person.staffId}`, {
      role: 'cashier',
      storeId: alpha.storeIds[0],
    });
    assert.deepEqual([back.json().role, back.json().storeId], ['cashier', alpha.storeIds[0]]);

    const disabled = await call('alpha-admin', 'POST', `${staffUrl(alpha)}/${person.staffId}/disable`);
    assert.equal(disabled.json().disabled, true);
    assert.ok(disabled.json().disabledAt);
    assertError(await me(session), 401, 'session_invalid');
    assertError(await signIn('li.wei', 'first password 1'), 401, 'invalid_credentials');
    const listed = await call('alpha-admin', 'GET', staffUrl(alpha));
    assert.equal(listed.json().staff.find((s: { staffId: string }) => s.staffId === person.staffId).disabled, true);

    await call('alpha-admin', 'POST', `${staffUrl(alpha)}/${person.staffId}/enable`);
    const again = await signIn('li.wei', 'first password 1');
    assert.equal(again.statusCode, 200, again.body);
    const reset = await call('alpha-admin', 'POST', `${staffUrl(alpha)}/${person.staffId}/password`, {
      password: 'second password 2',
    });
    assert.equal(reset.statusCode, 200, reset.body);
    assertError(await me(`Bearer ${again.json().token}`), 401, 'session_invalid');
    assertError(await signIn('li.wei', 'first password 1'), 401, 'invalid_credentials');
    assert.equal((await signIn('li.wei', 'second password 2')).statusCode, 200);

    const actions = ['staff.created', 'staff.updated', 'staff.disabled', 'staff.enabled', 'staff.password_reset'];
    for (const action of actions) {
      const events = (await auditEvents(alpha.merchantId, action)).filter((e) => e.target_id === person.staffId);
      assert.ok(events.length > 0, action);
      assert.doesNotMatch(JSON.stringify(events.map((e) => e.details)), /password \d/);
    }
    const changes = (await auditEvents(alpha.merchantId, 'staff.updated')).map((e) => e.details);
    assert.deepEqual(changes[0], { changes: { role: { from: 'cashier', to: 'store_manager' } } });
  });

  test('a password reset by an admin lifts a sign-in lock, and so does enabling the account', async () => {
    const created = await call('alpha-admin', 'POST', staffUrl(alpha), {
      username: 'zhao.min',
      displayName: '赵敏',
      password: 'first password 3',
      role: 'cashier',
      storeId: alpha.storeIds[0],
    });
    const staffId = created.json().staffId as string;
    const lockOut = async () => {
      for (let i = 0; i < 8; i++) await signIn('zhao.min', `wrong guess ${i}`);
      assertError(await signIn('zhao.min', 'first password 3'), 429, 'account_locked');
    };
    await lockOut();
    const reset = await call('alpha-admin', 'POST', `${staffUrl(alpha)}/${staffId}/password`, {
      password: 'second password 4',
    });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal((await signIn('zhao.min', 'second password 4')).statusCode, 200, 'the reset lifts the lock');

    for (let i = 0; i < 8; i++) await signIn('zhao.min', `wrong again ${i}`);
    assertError(await signIn('zhao.min', 'second password 4'), 429, 'account_locked');
    await call('alpha-admin', 'POST', `${staffUrl(alpha)}/${staffId}/disable`);
    await call('alpha-admin', 'POST', `${staffUrl(alpha)}/${staffId}/enable`);
    assert.equal((await signIn('zhao.min', 'second password 4')).statusCode, 200, 'enabling lifts the lock');
  });

  test('bad placements, taken usernames, other merchants and self-changes are refused, and nothing is written', async () => {
    const before = { staff: await count('staff_users'), audit: await count('audit_events') };
    const person = { username: 'new.person', displayName: 'New', password: 'long password 99' };
    const url = staffUrl(alpha);
    assertError(await call('alpha-admin', 'POST', url, { ...person, role: 'cashier' }), 400, 'store_required');
    assertError(
      await call('alpha-admin', 'POST', url, { ...person, role: 'merchant_admin', storeId: alpha.storeIds[0] }),
      400,
      'store_not_allowed',
    );
    assertError(
      await call('alpha-admin', 'POST', url, { ...person, role: 'cashier', storeId: randomUUID() }),
      404,
      'store_not_found',
    );
    assertError(
      await call('alpha-admin', 'POST', url, { ...person, role: 'cashier', storeId: beta.storeIds[0] }),
      404,
      'store_not_found',
    );
    assertError(
      await call('alpha-admin', 'POST', url, { ...person, role: 'provider_admin' }),
      403,
      'role_not_assignable',
    );
    assertError(
      await call('alpha-admin', 'POST', url, { ...person, username: 'Alpha-Cashier', role: 'merchant_admin' }),
      409,
      'username_taken',
    );
    assertError(
      await call('alpha-admin', 'POST', url, { ...person, password: 'short', role: 'merchant_admin' }),
      400,
      'invalid_request',
    );
    assertError(
      await call('alpha-manager', 'POST', url, { ...person, role: 'cashier', storeId: alpha.storeIds[0] }),
      403,
      'forbidden',
    );
    assertError(await call('alpha-cashier', 'GET', url), 403, 'forbidden');
    assertError(await call('beta-admin', 'POST', url, { ...person, role: 'merchant_admin' }), 403, 'forbidden');

    const list = (await call('alpha-admin', 'GET', url)).json().staff as Array<{ staffId: string; username: string }>;
    const self = list.find((s) => s.username === 'alpha-admin')!;
    const cashier = list.find((s) => s.username === 'alpha-cashier')!;
    assertError(
      await call('alpha-admin', 'PATCH', `${url}/${self.staffId}`, { role: 'cashier', storeId: alpha.storeIds[0] }),
      409,
      'staff_self_change',
    );
    assertError(await call('alpha-admin', 'POST', `${url}/${self.staffId}/disable`), 409, 'staff_self_change');
    assertError(
      await call('alpha-admin', 'PATCH', `${url}/${cashier.staffId}`, {
        role: 'merchant_admin',
        storeId: alpha.storeIds[0],
      }),
      400,
      'store_not_allowed',
    );
    assertError(
      await call('alpha-admin', 'PATCH', `${url}/${cashier.staffId}`, { storeId: null }),
      400,
      'store_required',
    );
    assertError(
      await call('alpha-admin', 'PATCH', `${url}/${cashier.staffId}`, { storeId: beta.storeIds[0] }),
      404,
      'store_not_found',
    );
    const betaCashier = (await call('beta-admin', 'GET', staffUrl(beta)))
      .json()
      .staff.find((s: { username: string }) => s.username === 'beta-cashier');
    assertError(await call('alpha-admin', 'POST', `${url}/${betaCashier.staffId}/disable`), 404, 'staff_not_found');
    assertError(
      await call('alpha-admin', 'POST', `${url}/${betaCashier.staffId}/password`, { password: 'long password 99' }),
      404,
      'staff_not_found',
    );
    assert.deepEqual({ staff: await count('staff_users'), audit: await count('audit_events') }, before);
    assert.equal((await signIn('alpha-cashier', TEST_PASSWORD)).statusCode, 200);
  });
});
