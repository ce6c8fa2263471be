import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  canonicalRequest,
  DEVICE_HEADERS,
  importPublicKey,
  SIGNATURE_SCHEME,
  verifyRequest,
  type SignableRequest,
} from '@shualian/device-signing';
import { ProductRepository, TenancyRepository } from '../../../test/repositories.ts';
import { assertError } from '../../../test/assertions.ts';
import { createProvider, createTestApp, login } from '../../../test/test-app.ts';

// The worked example of docs/device-signing.md, read from the page itself so the page cannot drift from the code.
const page = readFileSync(new URL('../../../../../docs/device-signing.md', import.meta.url), 'utf8');
const blocks = new Map([...page.matchAll(/^```\w+ ([\w-]+)\n([\s\S]*?)\n```$/gm)].map((m) => [m[1]!, m[2]!]));
const block = (name: string) => {
  const text = blocks.get(name);
  assert.ok(text !== undefined, `docs/device-signing.md has no block ${name}`);
  return text;
};

interface ExampleRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function parseRequest(text: string): ExampleRequest {
  const [head, ...rest] = text.split('\n\n');
  const [requestLine, ...headerLines] = head!.split('\n');
  const [method, path] = requestLine!.split(' ');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
    }),
  );
  return { method: method!, path: path!, headers, body: rest.join('\n\n') };
}

const examples = [1, 2].map((n) => ({
  n,
  request: parseRequest(block(`example-${n}-request`)),
  bodySha256: block(`example-${n}-body-sha256`),
  canonical: block(`example-${n}-canonical`),
}));

const signable = (request: ExampleRequest): SignableRequest => ({
  method: request.method,
  path: request.path,
  timestamp: Number(request.headers[DEVICE_HEADERS.timestamp]),
  nonce: request.headers[DEVICE_HEADERS.nonce]!,
  body: new TextEncoder().encode(request.body),
});

/** The same signature in DER, as OpenSSL would write it: the page says the server refuses this form. */
function toDer(p1363: string): string {
  const bytes = Buffer.from(p1363, 'base64url');
  const integer = (half: Buffer) => {
    let value = half.subarray(half.findIndex((b) => b !== 0));
    if (value[0]! & 0x80) value = Buffer.concat([Buffer.from([0]), value]);
    return Buffer.concat([Buffer.from([0x02, value.length]), value]);
  };
  const body = Buffer.concat([integer(bytes.subarray(0, 32)), integer(bytes.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64url');
}

test('the worked example: body hashes, canonical requests and signatures are what @shualian/device-signing makes', async () => {
  const publicKey = await importPublicKey(block('example-public-key'));
  for (const { n, request, bodySha256, canonical } of examples) {
    for (const header of Object.values(DEVICE_HEADERS))
      assert.ok(request.headers[header], `example ${n} sends ${header}`);
    assert.equal(createHash('sha256').update(request.body).digest('hex'), bodySha256, `example ${n} body hash`);
    assert.equal(await canonicalRequest(signable(request)), canonical, `example ${n} canonical request`);
    assert.equal(canonical.split('\n')[0], SIGNATURE_SCHEME);
    assert.equal(canonical.split('\n').at(-1), bodySha256);

    const signature = request.headers[DEVICE_HEADERS.signature]!;
    assert.equal(signature.length, 86);
    assert.equal(await verifyRequest(publicKey, signable(request), signature), true, `example ${n} signature verifies`);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    assert.equal(await verifyRequest(publicKey, signable(request), flipped), false);
    assert.equal(
      await verifyRequest(publicKey, signable(request), toDer(signature)),
      false,
      'a DER signature is refused',
    );
  }
  assert.equal(examples[1]!.bodySha256, createHash('sha256').update('').digest('hex'));
});

test('the published private key belongs to the published public key and signs what the server verifies', async () => {
  const jwk = JSON.parse(block('example-private-key-jwk')) as JsonWebKey;
  const privateKey = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const publicKey = await importPublicKey(block('example-public-key'));
  const exported = await crypto.subtle.exportKey('jwk', publicKey);
  assert.deepEqual([exported.x, exported.y], [jwk.x, jwk.y]);
  const { signRequest } = await import('@shualian/device-signing');
  const request = signable(examples[0]!.request);
  assert.equal(await verifyRequest(publicKey, request, await signRequest(privateKey, request)), true);
});

test('the OpenAPI document specifies the device signature scheme', async () => {
  const ctx = await createTestApp();
  try {
    const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const scheme = document.components.securitySchemes.deviceSignature;
    assert.equal(scheme.name, DEVICE_HEADERS.signature);
    for (const needed of [
      SIGNATURE_SCHEME,
      ...Object.values(DEVICE_HEADERS),
      'P-256',
      'SHA-256',
      'P1363',
      'base64url',
      'SubjectPublicKeyInfo',
      'lower-case hex',
      createHash('sha256').update('').digest('hex'),
      'docs/device-signing.md',
    ]) {
      assert.ok(scheme.description.includes(needed), `the deviceSignature scheme mentions ${needed}`);
    }
    const activate = document.paths['/v1/devices/activate'].post;
    assert.match(activate.requestBody.content['application/json'].schema.properties.publicKey.description, /SPKI/);
  } finally {
    await ctx.close();
  }
});

test("a server accepts the worked example's requests as written, once each", async () => {
  const first = examples[0]!.request;
  const sentAt = Number(first.headers[DEVICE_HEADERS.timestamp]);
  const ctx = await createTestApp({}, { now: () => new Date(sentAt) });
  try {
    const db = ctx.database.db;
    const merchantId = first.headers[DEVICE_HEADERS.merchant]!;
    const providerId = await createProvider(db, 'signing-admin');
    const storeId = randomUUID();
    await new TenancyRepository(db).insertMerchant({
      id: merchantId,
      provider_id: providerId,
      code: 'signing',
      name: 'Signing',
    });
    await new TenancyRepository(db).insertStore({
      merchant_id: merchantId,
      id: storeId,
      code: 'S1',
      name: 'Store',
      address: null,
      store_group: null,
    });
    await new ProductRepository(db).insertMany([
      {
        merchant_id: merchantId,
        id: randomUUID(),
        sku: 'W1',
        barcode: '6901234567892',
        name: 'Water',
        name_en: null,
        unit: 'bottle',
        price_fen: 200,
        member_price_fen: null,
      },
    ]);
    const registered = await ctx.app.inject({
      method: 'POST',
      url: `/v1/merchants/${merchantId}/stores/${storeId}/devices`,
      headers: { authorization: await login(ctx.app, 'signing-admin') },
      payload: { kind: 'kiosk', name: 'till' },
    });
    const activated = await ctx.app.inject({
      method: 'POST',
      url: '/v1/devices/activate',
      payload: { activationCode: registered.json().activationCode, publicKey: block('example-public-key') },
    });
    assert.equal(activated.statusCode, 200, activated.body);
    // The device id is not signed: the example's requests, sent with this server's id for the device, verify as they are.
    const send = (request: ExampleRequest) =>
      ctx.app.inject({
        method: request.method as 'GET' | 'POST',
        url: request.path,
        headers: { ...request.headers, [DEVICE_HEADERS.device]: activated.json().deviceId },
        payload: request.body || undefined,
      });

    const heartbeat = await send(first);
    assert.equal(heartbeat.statusCode, 200, heartbeat.body);
    assert.ok(Date.parse(heartbeat.json().serverTime) > 0);
    const lookup = await send(examples[1]!.request);
    assert.equal(lookup.statusCode, 200, lookup.body);
    assert.deepEqual(
      lookup.json().products.map((p: { barcode: string }) => p.barcode),
      ['6901234567892'],
    );
    assertError(await send(first), 401, 'device_request_replayed');
  } finally {
    await ctx.close();
  }
});
