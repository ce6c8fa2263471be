import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateDeviceKeyPair, signedHeaders } from '@shualian/device-signing';
import fc from 'fast-check';
import { sql } from 'kysely';
import sharp from 'sharp';
import { lastSmsCode } from '../../../test/assertions.ts';
import { samplePhoto } from '../../../test/face-images.ts';
import { arbitraryFor, RawJson, toJsonText, type Schema } from '../../../test/json-schema-arbitrary.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  createTestApp,
  login,
  TEST_PASSWORD,
  type TestContext,
  type TestDevice,
  type TestMerchant,
} from '../../../test/test-app.ts';

/**
 * Schema-driven fuzzing of every operation in the OpenAPI document: parameters, queries and bodies drawn from each
 * operation's own JSON schemas, mixed with hostile values (NUL, lone surrogates, huge strings, -0, 1e309, numbers as
 * text, wrong shapes, deep nesting, bytes that are not UTF-8), sent with the credentials the operation asks for.
 * Whatever is sent: no 5xx, the server keeps answering, a refusal has the error body, and a refused request writes
 * nothing. Besides the random draws, a sweep makes each value of one good request hostile in turn, which must be
 * refused: a string with a NUL or a lone surrogate, a number as text, true or 1e309, a boolean as text. Reproduce a run with FUZZ_SEED; FUZZ_RUNS sets the number of requests per operation.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261211);
const RUNS = Number(process.env.FUZZ_RUNS ?? 14);
// Requests that carry images run the face engine; fewer of them keep the suite within its time budget.
const IMAGE_RUNS = Math.max(4, Math.round(RUNS / 2));

/**
 * Refusals that must write: the attempt they refuse is itself what is recorded. Each entry names the table, the
 * error codes (any code where absent) and why writing on that refusal is right.
 */
const WRITES_ON_REFUSAL: Array<{ table: string; codes?: string[]; why: string }> = [
  {
    table: 'device_nonces',
    why: 'a signed request spends its nonce once its signature verifies, even when the operation then refuses it',
  },
  { table: 'otp_challenges', codes: ['otp_invalid'], why: 'a wrong SMS code counts against the attempts of that code' },
  { table: 'payment_agreements', codes: ['pin_wrong', 'pin_locked'], why: 'a wrong PIN counts towards the PIN lock' },
  {
    table: 'rate_counters',
    why: "an identify-by-photo search counts against the staff member's hourly limit as it is attempted, whatever the picture turns out to be",
  },
  {
    table: 'staff_users',
    codes: ['invalid_credentials', 'account_locked'],
    why: "a wrong password counts towards the account's sign-in lock",
  },
];
const mayWrite = (table: string, code: unknown) =>
  WRITES_ON_REFUSAL.some((w) => w.table === table && (!w.codes || w.codes.includes(String(code))));

/** 503s that are answers, not faults: a switch or a review the merchant set. */
const DELIBERATE_503 = new Set(['face_pay_disabled', 'device_under_review']);

/** Multipart image fields of operations whose document does not describe a multipart body. */
const MULTIPART_IMAGE_FIELDS: Record<string, string[]> = {
  detectFaces: ['image'],
  verifyFaces: ['imageA', 'imageB'],
  identifyFace: ['image'],
};

/** Operations that spend the credential they are called with get a fresh one each time. */
const SPENDS_CREDENTIAL = new Set(['logout']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: Method;
  path: string;
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components?: { schemas?: Record<string, Schema> };
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType?: string; bytes: Buffer }
  | { kind: 'multipart'; parts: Array<{ name: string; filename?: string; contentType?: string; data: Buffer }> };
interface Case {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Body;
  credential: 'right' | 'none' | 'wrong';
  scheme: number;
  /** Made hostile on purpose from a good request: must be refused. */
  mustRefuse?: boolean;
}

let ctx: TestContext;
let shop: TestMerchant;
let admin: string;
let kiosk: TestDevice;
let memberToken: string;
let document: OpenApi;
let knownStrings: string[];
let knownByName: Record<string, string[]>;
let images: Array<{ name: string; type: string; data: Buffer }>;
let settingsAtStart: unknown;

before(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  shop = await createMerchant(db, await createProvider(db), 'fuzz');
  const elsewhere = await createMerchant(db, await createProvider(db), 'elsewhere');
  admin = await login(ctx.app, 'fuzz-admin');
  kiosk = await activateKiosk(ctx.app, admin, shop.merchantId, shop.storeIds[0]);
  // a pending device the fuzzer may revoke, never the kiosk it signs with
  const victim = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[0]}/devices`,
    headers: { authorization: admin },
    payload: { kind: 'kiosk', name: 'spare' },
  });

  const phone = '13960000001';
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'fuzz', phone } });
  const registered = await ctx.app.inject({
    method: 'POST',
    url: '/v1/members/register',
    payload: { merchantCode: 'fuzz', phone, code: await lastSmsCode(db, phone) },
  });
  memberToken = `Bearer ${registered.json().token}`;
  const consent = (
    await ctx.app.inject({ method: 'GET', url: '/v1/members/consent-document?merchantCode=fuzz' })
  ).json();
  await ctx.app.inject({
    method: 'POST',
    url: '/v1/member/consents',
    headers: { authorization: memberToken },
    payload: { version: consent.version, textSha256: consent.sha256, accepted: true },
  });

  const products = await db
    .selectFrom('products')
    .select(['id', 'barcode'])
    .where('merchant_id', '=', shop.merchantId)
    .execute();
  const session = await signed(
    'POST',
    '/v1/face-sessions',
    Buffer.from(JSON.stringify({ items: [{ productId: products[0]!.id, quantity: 1 }] })),
  );
  assert.equal(session.statusCode, 201, session.body);

  // a second device to activate and a second phone to register, so those operations can succeed too
  const spare = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${shop.merchantId}/stores/${shop.storeIds[1]}/devices`,
    headers: { authorization: admin },
    payload: { kind: 'entrance_camera', name: 'door' },
  });
  const newcomer = '13960000002';
  await ctx.app.inject({ method: 'POST', url: '/v1/members/otp', payload: { merchantCode: 'fuzz', phone: newcomer } });

  images = await imagePool();
  const base64Images = images.flatMap((i) => [
    i.data.toString('base64'),
    `data:${i.type};base64,${i.data.toString('base64')}`,
  ]);
  knownByName = {
    merchantId: [shop.merchantId],
    storeId: shop.storeIds,
    memberId: [registered.json().member.memberId],
    deviceId: [victim.json().device.id],
    sessionId: [session.json().sessionId],
    faceSessionId: [session.json().sessionId],
    productId: products.map((p) => p.id),
    barcode: products.map((p) => p.barcode ?? ''),
    merchantCode: ['fuzz'],
    phone: [phone, newcomer],
    code: [await lastSmsCode(db, newcomer)],
    phoneSuffix: ['0001'],
    username: ['fuzz-admin'],
    password: [TEST_PASSWORD],
    activationCode: [spare.json().activationCode],
    publicKey: [(await generateDeviceKeyPair()).publicKey],
    version: [consent.version],
    textSha256: [consent.sha256],
    pin: ['135790'],
    currentPin: ['135790'],
    image: base64Images,
    frames: base64Images,
  };
  knownStrings = [...new Set(Object.values(knownByName).flat()), elsewhere.merchantId];
  settingsAtStart = (
    await db.selectFrom('merchants').select('settings').where('id', '=', shop.merchantId).executeTakeFirstOrThrow()
  ).settings;
  document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
after(() => ctx?.close());

/** Small pictures, good and bad: what a kiosk or an integrator might send, and what an attacker would. */
async function imagePool() {
  const face = await sharp(samplePhoto(1)).resize({ width: 320 }).jpeg().toBuffer();
  const noise = await sharp(Buffer.from(Array.from({ length: 48 * 48 * 3 }, (_, i) => (i * 97) % 256)), {
    raw: { width: 48, height: 48, channels: 3 },
  })
    .png()
    .toBuffer();
  const grey = { create: { width: 64, height: 64, channels: 3 as const, background: { r: 128, g: 128, b: 128 } } };
  const png = await sharp(grey).png().toBuffer();
  const webp = await sharp(grey).webp().toBuffer();
  const gif = await sharp(grey).gif().toBuffer();
  // a PNG whose header claims 20000 × 20000 pixels, cut short after the header
  const claimsHuge = Buffer.from(png.subarray(0, 33));
  claimsHuge.writeUInt32BE(20_000, 16);
  claimsHuge.writeUInt32BE(20_000, 20);
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"><rect width="100%" height="100%"/></svg>'.padEnd(
      200,
      ' ',
    ),
  );
  const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 7) % 256));
  return [
    { name: 'face.jpg', type: 'image/jpeg', data: face },
    { name: 'noise.png', type: 'image/png', data: noise },
    { name: 'grey.webp', type: 'image/webp', data: webp },
    { name: 'grey.gif', type: 'image/gif', data: gif },
    { name: 'truncated.jpg', type: 'image/jpeg', data: face.subarray(0, Math.floor(face.length / 2)) },
    { name: 'huge-header.png', type: 'image/png', data: claimsHuge },
    { name: 'big.svg', type: 'image/svg+xml', data: svg },
    { name: 'random.bin', type: 'image/jpeg', data: random },
  ];
}

function signed(method: string, url: string, body: Buffer | undefined) {
  return signedHeaders(kiosk, { method, path: url, body: body ?? new Uint8Array() }).then((headers) =>
    ctx.app.inject({
      method: method as Method,
      url,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body,
    }),
  );
}

function operations(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase() as Method, path })),
  );
}

/** Percent-encodes a value for a URL; a lone surrogate becomes the bytes a careless encoder would send for it. */
function encodePart(value: unknown): string {
  const text = typeof value === 'string' ? value : toJsonText(value);
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function multipartBody(parts: Extract<Body, { kind: 'multipart' }>['parts']): { contentType: string; bytes: Buffer } {
  const boundary = '----shualian-fuzz-boundary';
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}\r\n` +
        `${part.contentType ? `content-type: ${part.contentType}\r\n` : ''}\r\n`,
    ),
    part.data,
    Buffer.from('\r\n'),
  ]);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    bytes: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  };
}

const hostileBodies = (): fc.Arbitrary<Body> =>
  fc.constantFrom<Body>(
    { kind: 'raw', contentType: 'application/json', bytes: Buffer.from('{"a":') },
    { kind: 'raw', contentType: 'application/json', bytes: Buffer.from('') },
    {
      kind: 'raw',
      contentType: 'application/json',
      bytes: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    },
    { kind: 'raw', contentType: 'application/json', bytes: Buffer.from('\ufeff{}') },
    { kind: 'raw', contentType: 'application/json', bytes: Buffer.from(`"${'a'.repeat(900_000)}"`) },
    { kind: 'raw', contentType: 'application/json', bytes: Buffer.alloc(2 * 1024 * 1024, 0x20) },
    {
      kind: 'raw',
      contentType: 'application/json',
      bytes: Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`),
    },
    { kind: 'raw', contentType: 'application/json; charset=latin1', bytes: Buffer.from('{}') },
    { kind: 'raw', contentType: 'text/plain', bytes: Buffer.from('{}') },
    { kind: 'raw', contentType: 'application/x-www-form-urlencoded', bytes: Buffer.from('a=1&a=2') },
    { kind: 'raw', contentType: 'multipart/form-data; boundary=x', bytes: Buffer.from('--x\r\ngarbage') },
    { kind: 'raw', contentType: 'multipart/form-data', bytes: Buffer.from('no boundary') },
    {
      kind: 'raw',
      contentType: 'multipart/form-data; boundary=x',
      bytes: Buffer.from(
        '--x\r\ncontent-disposition: form-data; name="image"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\ncut',
      ),
    },
    { kind: 'raw', contentType: undefined, bytes: Buffer.from('{}') },
  );

type Hostility = { params: number; query: number; body: number };
const calm: Hostility = { params: 0, query: 0, body: 0 };

/** Parameters, query and body for an operation, each part as hostile as asked. */
function partsArbitrary(op: Operation, components: Record<string, Schema>, hostility: Hostility, knownOnly = false) {
  const options = (h: number) => ({ components, knownStrings, knownByName, hostility: h, maxArray: 4, knownOnly });
  const parameters = op.parameters ?? [];
  const params = fc.record(
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, arbitraryFor(p.schema, options(hostility.params), p.name)]),
    ),
  );
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const query = fc.record(
    Object.fromEntries(queryParameters.map((p) => [p.name, arbitraryFor(p.schema, options(hostility.query), p.name)])),
    { requiredKeys: hostility.query > 0 ? [] : queryParameters.filter((p) => p.required).map((p) => p.name) },
  );
  const jsonSchema = op.requestBody?.content['application/json']?.schema;
  const multipartFields =
    Object.keys(op.requestBody?.content['multipart/form-data']?.schema?.properties ?? {}).length > 0
      ? Object.keys(op.requestBody!.content['multipart/form-data']!.schema!.properties!)
      : MULTIPART_IMAGE_FIELDS[op.operationId];
  let body: fc.Arbitrary<Body>;
  if (jsonSchema) {
    body = arbitraryFor(jsonSchema, options(hostility.body)).map((value) => ({ kind: 'json' as const, value }));
  } else if (multipartFields) body = multipartArbitrary(multipartFields, hostility.body > 0);
  else body = fc.constant({ kind: 'none' as const });
  if (hostility.body > 0) body = fc.oneof({ arbitrary: body, weight: 4 }, { arbitrary: hostileBodies(), weight: 1 });
  return fc.record({ params, query, body });
}

/** Mostly one hostile part in an otherwise good request, so the hostile value gets past the checks of the others. */
function caseArbitrary(op: Operation, components: Record<string, Schema>): fc.Arbitrary<Case> {
  const h = 0.3;
  return fc
    .tuple(
      fc.oneof(
        { arbitrary: partsArbitrary(op, components, calm), weight: 2 },
        { arbitrary: partsArbitrary(op, components, { ...calm, params: h }), weight: 1 },
        { arbitrary: partsArbitrary(op, components, { ...calm, query: h }), weight: 1 },
        { arbitrary: partsArbitrary(op, components, { ...calm, body: h }), weight: 3 },
        { arbitrary: partsArbitrary(op, components, { params: h, query: h, body: h }), weight: 1 },
      ),
      fc.constantFrom<Case['credential']>(...Array<'right'>(8).fill('right'), 'none', 'wrong'),
      fc.nat({ max: 7 }),
    )
    .map(([parts, credential, scheme]) => ({ ...parts, credential, scheme }) as Case);
}

/**
 * A good request built from known values only, then the same request once for each of its values with that value
 * made hostile: a NUL or a lone surrogate in each string, each number as text, as true or as 1e309, each boolean as
 * text. Every field meets the classic hostile values with everything else in order, whatever the random draw.
 */
function sweep(op: Operation, components: Record<string, Schema>, seed: number): Case[] {
  const [parts] = fc.sample(partsArbitrary(op, components, calm, true), { seed, numRuns: 1 });
  const base: Case = { ...parts!, credential: 'right', scheme: 0 };
  // in a URL every value is text, so a number written as text is no change there
  const variants = (value: unknown, inUrl: boolean): unknown[] => {
    if (typeof value === 'string') return [`${value}\u0000`, `\ud800${value}`];
    if (typeof value === 'number') return [...(inUrl ? [] : [String(value)]), true, new RawJson('1e309')];
    if (typeof value === 'boolean') return inUrl ? [] : [String(value)];
    return [];
  };
  const cases: Case[] = [];
  for (const part of ['params', 'query'] as const) {
    for (const [key, value] of Object.entries(base[part])) {
      for (const variant of variants(value, true)) {
        cases.push({ ...base, [part]: { ...base[part], [key]: variant }, mustRefuse: true });
      }
    }
  }
  if (base.body.kind === 'json') {
    const root = base.body.value;
    for (const path of leafPaths(root)) {
      for (const variant of variants(valueAt(root, path), false)) {
        cases.push({ ...base, body: { kind: 'json', value: replaceAt(root, path, variant) }, mustRefuse: true });
      }
    }
  }
  return cases;
}

function leafPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.slice(0, 2).flatMap((item, i) => leafPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]));
  }
  return [path];
}

const valueAt = (value: unknown, path: Array<string | number>): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[key!] = replaceAt(copy[key!], rest, replacement);
  return copy;
}

function multipartArbitrary(fields: string[], hostile: boolean): fc.Arbitrary<Body> {
  const part = (name: string) =>
    fc.record({
      image: fc.constantFrom(...images),
      name: hostile ? fc.constantFrom(name, name, name, 'other', '\u0000') : fc.constant(name),
      declaredType: hostile
        ? fc.constantFrom<string | undefined>(undefined, 'image/jpeg', 'image/png', 'image/svg+xml', 'text/plain')
        : fc.constant(undefined),
    });
  return fc.tuple(...fields.map(part), fc.nat({ max: 5 })).map((drawn) => {
    const roll = drawn.pop() as number;
    const parts: Extract<Body, { kind: 'multipart' }>['parts'] = (
      drawn as Array<{ image: (typeof images)[number]; name: string; declaredType?: string }>
    ).map((p) => ({
      name: p.name,
      filename: p.image.name,
      contentType: p.declaredType ?? p.image.type,
      data: p.image.data,
    }));
    if (hostile && roll === 0) parts.pop();
    if (hostile && roll === 1) parts.push({ name: 'note', data: Buffer.from('hello') });
    return { kind: 'multipart', parts };
  });
}

/** The request for a case, with its credentials (signing it, or signing in first where the operation spends them). */
async function prepare(op: Operation, c: Case) {
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodePart(c.params[name]));
  const query = Object.entries(c.query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${encodePart(key)}=${encodePart(v === undefined ? '' : v)}`),
  );
  if (query.length) url += `?${query.join('&')}`;

  let payload: Buffer | undefined;
  let contentType: string | undefined;
  if (c.body.kind === 'json') {
    payload = Buffer.from(toJsonText(c.body.value));
    contentType = 'application/json';
  } else if (c.body.kind === 'raw') {
    payload = c.body.bytes;
    contentType = c.body.contentType;
  } else if (c.body.kind === 'multipart') {
    ({ bytes: payload, contentType } = multipartBody(c.body.parts));
  }

  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  const schemes = op.security ?? [];
  if (schemes.length > 0 && c.credential !== 'none') {
    const scheme = Object.keys(schemes[c.scheme % schemes.length]!)[0];
    if (c.credential === 'wrong') {
      headers.authorization = 'Bearer not-a-token';
    } else if (scheme === 'staffSession') {
      headers.authorization = SPENDS_CREDENTIAL.has(op.operationId) ? await login(ctx.app, 'fuzz-admin') : admin;
    } else if (scheme === 'memberSession') {
      headers.authorization = memberToken;
    } else if (scheme === 'deviceSignature') {
      Object.assign(
        headers,
        await signedHeaders(kiosk, { method: op.method, path: url, body: payload ?? new Uint8Array() }),
      );
    }
  }
  return { method: op.method, url, headers, payload };
}

let tables: string[] | undefined;

/** Row count and a hash of the contents of every table, in one query. */
async function fingerprint(): Promise<Map<string, string>> {
  const db = ctx.database.db;
  tables ??= (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(
      db,
    )
  ).rows.map((r) => r.name);
  const parts = tables.map(
    (t) =>
      sql`select ${t}::text as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as f from ${sql.table(t)} x`,
  );
  const rows = await sql<{ t: string; f: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.rows.map((r) => [r.t, r.f]));
}

const describeCase = (op: Operation, c: Case) =>
  `${op.method} ${op.path} ${JSON.stringify(c, (_k, v: unknown) => {
    if (v instanceof RawJson) return v.toString();
    if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer')
      return `<${(v as { data: unknown[] }).data.length} bytes>`;
    return v;
  })}`;

test('every operation in the OpenAPI document, fuzzed from its own schemas', async (t) => {
  const ops = operations(document);
  const components = document.components?.schemas ?? {};
  console.log(`fuzz seed ${SEED} (FUZZ_SEED), ${RUNS} requests per operation (FUZZ_RUNS), ${ops.length} operations`);
  assert.ok(ops.length > 20, 'the document lists the operations');

  for (const [index, op] of ops.entries()) {
    await t.test(`${op.operationId} (${op.method} ${op.path})`, async () => {
      // multipart uploads, or JSON bodies with a base64 image (the only strings of 100 characters or more)
      const takesImages =
        Boolean(MULTIPART_IMAGE_FIELDS[op.operationId]) ||
        JSON.stringify(op.requestBody ?? {}).includes('"minLength":100');
      const cases = [
        ...fc.sample(caseArbitrary(op, components), { seed: SEED + index, numRuns: takesImages ? IMAGE_RUNS : RUNS }),
        ...sweep(op, components, SEED + index),
      ];
      const failures: string[] = [];
      const outcomes = new Map<string, number>();
      let before = await fingerprint();
      for (const c of cases) {
        const request = await prepare(op, c);
        if (SPENDS_CREDENTIAL.has(op.operationId)) before = await fingerprint(); // signing in wrote a session
        const response = await ctx.app.inject(request);
        const afterwards = await fingerprint();
        const status = response.statusCode;
        let body: { error?: { code?: unknown; message?: unknown } } | undefined;
        try {
          body = response.json();
        } catch {
          body = undefined;
        }
        const code = body?.error?.code;
        const outcome = `${status}${typeof code === 'string' ? ` ${code}` : ''}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        const deliberate = status === 503 && typeof code === 'string' && DELIBERATE_503.has(code);
        if (c.mustRefuse && status < 400) {
          failures.push(`${status} accepted a hostile value: ${describeCase(op, c)}`);
        }
        if (status >= 500 && !deliberate) {
          failures.push(`${status} ${response.body.slice(0, 160)} for ${describeCase(op, c)}`);
        } else if (status >= 400) {
          if (typeof code !== 'string' || typeof body?.error?.message !== 'string')
            failures.push(
              `${status} without the error body: ${response.body.slice(0, 160)} for ${describeCase(op, c)}`,
            );
          for (const [table, print] of afterwards) {
            if (print !== before.get(table) && !mayWrite(table, code))
              failures.push(`${status} ${String(code)} wrote to ${table} for ${describeCase(op, c)}`);
          }
        }
        before = afterwards;
      }
      console.log(
        `${op.operationId}: ${[...outcomes]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([o, n]) => `${o} ×${n}`)
          .join(', ')}`,
      );
      const health = await ctx.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200, 'the server still answers');
      await ctx.database.db
        .updateTable('merchants')
        .set({ settings: JSON.stringify(settingsAtStart) })
        .where('id', '=', shop.merchantId)
        .execute();
      assert.deepEqual(failures, [], `seed ${SEED + index}: ${failures.length} failing request(s)`);
    });
  }
});
