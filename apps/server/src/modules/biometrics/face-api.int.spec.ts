import { assertError } from '../../../test/assertions.ts';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import type { EngineRecognizer } from './engine-adapter.ts';
import { MAX_IMAGE_BYTES } from './engine-adapter.ts';
import { samplePhoto, twoPeople, variant } from '../../../test/face-images.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  sharedRecognizer,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

let ctx: TestContext;
let shop: TestMerchant;
let staff: string;
let people: { a: Buffer; b: Buffer };

before(async () => {
  ctx = await createTestApp({ identifyPerStaffPerHour: 3 });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db, 'faceapi-provider'), 'faceapi');
  staff = await login(ctx.app, 'faceapi-admin');
  people = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
});
after(() => ctx.close());

/** A multipart/form-data body with the given image parts. */
function multipart(parts: Record<string, { bytes: Buffer; type?: string }>, authorization = staff) {
  const boundary = `----shualian${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const [name, part] of Object.entries(parts)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpg"\r\nContent-Type: ${part.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
    );
    chunks.push(part.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization },
  };
}

const post = (url: string, parts: Record<string, { bytes: Buffer; type?: string }>) =>
  ctx.app.inject({ method: 'POST', url, ...multipart(parts) });

test('detect finds every face of a group photo with quality reasons, and names the subject', async () => {
  const response = await post('/v1/face/detect', { image: { bytes: await readFile(samplePhoto(1)) } });
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.ok(body.faces.length >= 3, `found ${body.faces.length}`);
  assert.ok(body.subject !== null);
  assert.ok(
    body.faces.some((f: { reasons: string[] }) => f.reasons.includes('bad_pose')),
    'the tilted heads are named',
  );
  assert.equal('embedding' in body.faces[0], false, 'no biometric vector leaves the server');
  assert.ok(body.timingsMs.detect > 0);
});

test('verify: the same person matches across captures, two people do not', async () => {
  const same = await post('/v1/face/verify', {
    imageA: { bytes: people.a },
    imageB: { bytes: await variant(people.a) },
  });
  assert.equal(same.statusCode, 200, same.body);
  assert.equal(same.json().same, true);
  const different = await post('/v1/face/verify', { imageA: { bytes: people.a }, imageB: { bytes: people.b } });
  assert.equal(different.json().same, false);
  assert.ok(different.json().similarity < same.json().similarity);
});

test('verify refuses a group photo, a blank picture, a dark face', async () => {
  assertError(
    await post('/v1/face/verify', { imageA: { bytes: people.a }, imageB: { bytes: await readFile(samplePhoto(1)) } }),
    400,
    'multiple_faces',
  );
  const blank = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080' } })
    .jpeg()
    .toBuffer();
  assertError(await post('/v1/face/verify', { imageA: { bytes: people.a }, imageB: { bytes: blank } }), 400, 'no_face');
});

test('bad uploads: not an image, too large, missing field, not multipart, no sign-in', async () => {
  assertError(
    await post('/v1/face/detect', { image: { bytes: Buffer.from('not a picture at all') } }),
    400,
    'not_an_image',
  );
  assertError(
    await post('/v1/face/detect', { image: { bytes: Buffer.from('%PDF-1.4'), type: 'application/pdf' } }),
    400,
    'not_an_image',
  );
  assertError(
    await post('/v1/face/detect', { image: { bytes: Buffer.alloc(MAX_IMAGE_BYTES + 1024, 7) } }),
    400,
    'image_too_large',
  );
  assertError(await post('/v1/face/verify', { imageA: { bytes: people.a } }), 400, 'image_missing');
  assertError(
    await ctx.app.inject({
      method: 'POST',
      url: '/v1/face/detect',
      headers: { authorization: staff },
      payload: { image: 'x' },
    }),
    400,
    'multipart_required',
  );
  assertError(
    await ctx.app.inject({
      method: 'POST',
      url: '/v1/face/detect',
      ...multipart({ image: { bytes: people.a } }),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    }),
    401,
    'session_missing',
  );
});

test('identify searches only this merchant’s gallery', async () => {
  const engine = await sharedRecognizer();
  const analysis = await engine.analyze(people.a);
  ctx.services.gallery.putMember(shop.merchantId, '00000000-0000-4000-8000-00000000000a', '1234', [
    { templateId: 't-a', vector: analysis.embedding! },
  ]);
  const found = await post(`/v1/merchants/${shop.merchantId}/face/identify`, {
    image: { bytes: await variant(people.a) },
  });
  assert.equal(found.statusCode, 200, found.body);
  assert.equal(found.json().matches[0].memberId, '00000000-0000-4000-8000-00000000000a');
  assert.equal(found.json().matches[0].match, true);
  const other = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'faceapi2');
  const elsewhere = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${other.merchantId}/face/identify`,
    ...multipart({ image: { bytes: people.a } }),
  });
  assertError(elsewhere, 404, 'merchant_not_found');
});

test('identify-by-photo is for merchant admins: a cashier or a store manager gets 403, and nothing is searched', async () => {
  const url = `/v1/merchants/${shop.merchantId}/face/identify`;
  for (const username of ['faceapi-cashier', 'faceapi-manager']) {
    const response = await ctx.app.inject({
      method: 'POST',
      url,
      ...multipart({ image: { bytes: people.a } }, await login(ctx.app, username)),
    });
    assertError(response, 403, 'forbidden');
  }
  const searches = await ctx.database.db
    .selectFrom('audit_events')
    .select('actor_id')
    .where('action', '=', 'face.identified')
    .execute();
  const staffIds = await ctx.database.db
    .selectFrom('staff_users')
    .select('id')
    .where('username', 'in', ['faceapi-cashier', 'faceapi-manager'])
    .execute();
  assert.equal(searches.filter((s) => staffIds.some((u) => u.id === s.actor_id)).length, 0);
});

test('every search is audited with who ran it and whom it found; each staff member has an hourly allowance', async () => {
  const engine = await sharedRecognizer();
  const memberId = '00000000-0000-4000-8000-0000000000bb';
  ctx.services.gallery.putMember(shop.merchantId, memberId, '5678', [
    { templateId: 't-b', vector: (await engine.analyze(people.b)).embedding! },
  ]);
  const url = `/v1/merchants/${shop.merchantId}/face/identify`;
  const provider = await login(ctx.app, 'faceapi-provider');
  for (let i = 0; i < ctx.config.identifyPerStaffPerHour; i++) {
    const found = await ctx.app.inject({ method: 'POST', url, ...multipart({ image: { bytes: people.b } }, provider) });
    assert.equal(found.statusCode, 200, found.body);
    assert.equal(found.json().matches[0].memberId, memberId);
  }
  const limited = await ctx.app.inject({ method: 'POST', url, ...multipart({ image: { bytes: people.b } }, provider) });
  assertError(limited, 429, 'identify_limit');
  assert.ok(limited.json().error.details.retryAfterSeconds > 0);
  // The allowance is the staff member's own: the merchant admin still searches.
  assert.equal((await post(url, { image: { bytes: people.b } })).statusCode, 200);

  const providerId = (
    await ctx.database.db
      .selectFrom('staff_users')
      .select('id')
      .where('username', '=', 'faceapi-provider')
      .executeTakeFirstOrThrow()
  ).id;
  const events = await ctx.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('merchant_id', '=', shop.merchantId)
    .where('action', '=', 'face.identified')
    .where('actor_id', '=', providerId)
    .execute();
  assert.equal(events.length, ctx.config.identifyPerStaffPerHour);
  for (const event of events) {
    assert.equal(event.actor_type, 'staff');
    assert.deepEqual(event.details.matchedMemberIds, [memberId]);
  }
});
