import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { assertError, lastSmsCode } from '../../../test/assertions.ts';
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

/** Input is taken as sent: JSON types are not coerced, strings a database cannot hold are refused, oversize bodies get a 413 a client can read. */
let ctx: TestContext;
let shop: TestMerchant;
let admin: string;
let kiosk: TestDevice;
let member: { authorization: string; memberId: string };
let productId: string;

before(async () => {
  ctx = await createTestApp();
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'strict');
  admin = await login(ctx.app, 'strict-admin');
  kiosk = await activateKiosk(ctx.app, admin, shop.merchantId, shop.storeIds[0]);
  member = await signUp('13950000001');
  const products = await deviceRequest(ctx.app, kiosk, {
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/products?barcode=strict-0001`,
  });
  productId = products.json().products[0].id;
});
after(() => ctx.close());

async function signUp(phone: string, displayName = '顾客'): Promise<{ authorization: string; memberId: string }> {
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'strict', phone } });
  const code = await lastSmsCode(ctx.database.db, phone);
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'strict', phone, code, displayName },
  });
  assert.equal(registered.statusCode, 200, registered.body);
  return { authorization: `Bearer ${registered.json().token}`, memberId: registered.json().member.memberId };
}

/** A JSON body sent as exact text, so escapes such as \u0000 or a lone \ud800 reach the server as written. */
const postText = (url: string, text: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: text });

const count = async (table: 'devices' | 'audit_events' | 'members' | 'ledger_transactions') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function assertInvalidAt(response: { statusCode: number; json(): unknown }, path: string): void {
  assertError(response, 400, 'invalid_request');
  const issues = (response.json() as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues;
  assert.ok(
    issues.some((issue) => issue.path === path),
    JSON.stringify(issues),
  );
}

describe('integers are integers', () => {
  test('an amount sent as a string, a boolean or an array is refused, and nothing is booked', async () => {
    const url = `/v1/merchants/${shop.merchantId}/members/${member.memberId}/top-ups`;
    const before = await count('ledger_transactions');
    for (const [i, amountFen] of (['100', true, [500], '1e3', 100.5] as unknown[]).entries()) {
      const response = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { authorization: admin },
        payload: { amountFen, idempotencyKey: `strict-amount-${i}`, reason: 'cash at the till' },
      });
      assertInvalidAt(response, '/amountFen');
    }
    assert.equal(await count('ledger_transactions'), before);
    const wallet = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/members/${member.memberId}/wallet`,
      headers: { authorization: admin },
    });
    assert.equal(wallet.json().balanceFen, 0);

    for (const amountFen of ['100', true, [500]]) {
      const self = await ctx.app.inject({
        method: 'POST',
        url: '/v1/member/wallet/top-ups',
        headers: { authorization: member.authorization },
        payload: { amountFen, idempotencyKey: 'strict-self-1' },
      });
      assertInvalidAt(self, '/amountFen');
    }
    const limits = await ctx.app.inject({
      method: 'PUT',
      url: '/v1/member/payment-agreement',
      headers: { authorization: member.authorization },
      payload: { dailyLimitFen: '50000' },
    });
    assertInvalidAt(limits, '/dailyLimitFen');
  });

  test('a count sent as a string is refused; numbers in the query string still read as numbers', async () => {
    for (const quantity of ['2', [2], true]) {
      const response = await deviceRequest(ctx.app, kiosk, {
        method: 'POST',
        url: '/v1/face-sessions',
        payload: { items: [{ productId, quantity }] },
      });
      assertInvalidAt(response, '/items/0/quantity');
    }
    const opened = await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: '/v1/face-sessions',
      payload: { items: [{ productId, quantity: 2 }] },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/audit-events?limit=1`,
      headers: { authorization: admin },
    });
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.json().events.length, 1);
  });
});

describe('values past what the columns hold', () => {
  test('an audit page cursor past the largest safe integer, or infinite, is refused', async () => {
    for (const beforeId of ['1e308', '-1e309', '9007199254740993']) {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/v1/merchants/${shop.merchantId}/audit-events?beforeId=${beforeId}`,
        headers: { authorization: admin },
      });
      assertError(response, 400, 'invalid_request');
    }
  });

  test('a day the calendar does not have, or around year 0, is refused: settlement, payment list, receipts', async () => {
    // the schema refuses what is not a calendar date; the business day itself refuses the years before shops paid
    for (const [date, code] of [
      ['2026-02-30', 'invalid_request'],
      ['2026-13-01', 'invalid_request'],
      ['8138-15-53', 'invalid_request'],
      ['0000-01-01', 'date_invalid'],
    ]) {
      for (const list of ['settlement', 'payments']) {
        const url = `/v1/merchants/${shop.merchantId}/${list}?date=${date}`;
        assertError(await ctx.app.inject({ method: 'GET', url, headers: { authorization: admin } }), 400, code!);
      }
    }
    const yearZero = await ctx.app.inject({
      method: 'GET',
      url: '/v1/member/receipts?before=0000-06-01T00:00:00Z',
      headers: { authorization: member.authorization },
    });
    assertError(yearZero, 400, 'invalid_request');
    const leapDay = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${shop.merchantId}/settlement?date=2028-02-29`,
      headers: { authorization: admin },
    });
    assert.equal(leapDay.statusCode, 200, leapDay.body);
  });
});

describe('paths no route can take', () => {
  test('a path that is not valid percent-encoded UTF-8, or a parameter past the length limit, gets the error body', async () => {
    for (const url of [`/v1/merchants/%ED%A0%80/stores`, `/v1/face-sessions/%FF`]) {
      assertError(await ctx.app.inject({ method: 'GET', url, headers: { authorization: admin } }), 400, 'url_invalid');
    }
    const long = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${'a'.repeat(1000)}/stores`,
      headers: { authorization: admin },
    });
    assertError(long, 414, 'url_too_long');
  });
});

describe('uploads that are not multipart', () => {
  test('a multipart body cut short, or without its boundary, is refused as the client’s error', async () => {
    for (const [contentType, payload] of [
      ['multipart/form-data; boundary=x', '--x\r\ngarbage'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\ncontent-disposition: form-data; name="image"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\nabc',
      ],
      ['multipart/form-data', 'zzz'],
    ]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/v1/face/detect',
        headers: { authorization: admin, 'content-type': contentType! },
        payload,
      });
      assertError(response, 400, 'multipart_invalid');
    }
  });
});

describe('strings a database cannot hold', () => {
  const hostile = [
    { name: 'NUL', json: '"till\\u0000one"', problem: 'nul' },
    { name: 'lone high surrogate', json: '"till\\ud800one"', problem: 'lone_surrogate' },
    { name: 'lone low surrogate', json: '"\\udc00"', problem: 'lone_surrogate' },
  ];

  for (const { name, json, problem } of hostile) {
    test(`a device name with a ${name} is refused before anything is written`, async () => {
      const [devices, events] = [await count('devices'), await count('audit_events')];
      const response = await postText(
        `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/devices`,
        `{"kind":"kiosk","name":${json}}`,
        { authorization: admin },
      );
      assertError(response, 400, 'string_invalid');
      assert.deepEqual(response.json().error.details, { part: 'body', path: '/name', problem });
      assert.equal(await count('devices'), devices);
      assert.equal(await count('audit_events'), events);
    });
  }

  test('a display name with a NUL or a lone surrogate is refused, and the SMS code is still good afterwards', async () => {
    const phone = '13950000002';
    await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'strict', phone } });
    const code = await lastSmsCode(ctx.database.db, phone);
    const members = await count('members');
    for (const json of ['"x\\u0000"', '"\\ud83d"', '"\\ude00\\ud83d"']) {
      const response = await postText(
        '/v1/members/register',
        `{"merchantCode":"strict","phone":"${phone}","code":"${code}","displayName":${json}}`,
      );
      assertError(response, 400, 'string_invalid');
    }
    assert.equal(await count('members'), members);
    const registered = await ctx.app.inject({
      method: 'POST',
      url: '/v1/members/register',
      payload: { merchantCode: 'strict', phone, code, displayName: '小明 😀' },
    });
    assert.equal(registered.statusCode, 200, registered.body);
    assert.equal(registered.json().member.displayName, '小明 😀');
  });

  test('a key, a nested value, a query or a signed device body is checked too; raw bytes must be UTF-8', async () => {
    const key = await postText('/v1/auth/login', '{"username":"a","password":"b","x\\u0000":1}');
    assertError(key, 400, 'string_invalid');
    const nested = await deviceRequest(ctx.app, kiosk, {
      method: 'POST',
      url: '/v1/device/heartbeat',
      payload: { appVersion: '1.0\u0000' },
    });
    assertError(nested, 400, 'string_invalid');
    const query = await ctx.app.inject({
      method: 'GET',
      url: `/v1/members/consent-document?merchantCode=strict%00`,
      headers: {},
    });
    assertError(query, 400, 'string_invalid');
    const devices = await count('devices');
    const cesu = Buffer.concat([
      Buffer.from('{"kind":"kiosk","name":"till'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    const bytes = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/devices`,
      headers: { authorization: admin, 'content-type': 'application/json' },
      payload: cesu,
    });
    assertError(bytes, 400, 'string_invalid');
    assert.equal(await count('devices'), devices);
  });
});

describe('bodies over the limit', () => {
  /** A client that writes the whole request before it reads anything, as simple HTTP clients do. */
  function sendWholeThenRead(port: number, path: string, size: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.pause();
      socket.on('error', reject);
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: shop\r\ncontent-type: application/json\r\ncontent-length: ${size}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(size, 0x20), (error) => {
        if (error) return reject(error);
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('end', () => {
          const status = Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);
          resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
        });
        socket.resume();
      });
    });
  }

  test('get a readable 413 with the error body, not a connection reset', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as net.AddressInfo;
    for (const [path, size] of [
      ['/v1/auth/login', 16 * 1024 * 1024],
      ['/v1/member/face', 16 * 1024 * 1024],
    ] as const) {
      const response = await sendWholeThenRead(port, path, size);
      assert.equal(response.status, 413, `${path}: ${response.body}`);
      assert.equal(JSON.parse(response.body).error.code, 'body_too_large');
    }
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  });
});
