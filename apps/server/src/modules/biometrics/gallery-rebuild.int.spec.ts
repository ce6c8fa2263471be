import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createServices } from '../../container.ts';
import type { MemberActor } from '../../platform/actors.ts';
import { createMember } from '../../../test/fixtures.ts';
import { twoPeople } from '../../../test/face-images.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  sharedRecognizer,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';
import { EngineGallery, type EngineRecognizer } from './engine-adapter.ts';

/**
 * On start the galleries are rebuilt from the encrypted templates alone: every enrolled member is back in their
 * merchant's gallery, in the partition of their phone's last four digits (asked of the members module).
 */
let ctx: TestContext;
let shop: TestMerchant;
let other: TestMerchant;
let faces: { a: Buffer; b: Buffer };

before(async () => {
  ctx = await createTestApp({ masterKey: randomBytes(32) });
  const provider = await createProvider(ctx.database.db);
  shop = await createMerchant(ctx.database.db, provider, 'rebuild');
  other = await createMerchant(ctx.database.db, provider, 'rebuild-other');
  faces = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
});
after(() => ctx.close());

async function enrolled(merchant: TestMerchant, phone: string, face: Buffer): Promise<MemberActor> {
  const row = await createMember(ctx.database.db, merchant.merchantId, phone);
  const actor: MemberActor = { type: 'member', merchantId: merchant.merchantId, memberId: row.id };
  const document = await ctx.services.consents.document(merchant.merchantId);
  await ctx.services.consents.grant(actor, { version: document.version, textSha256: document.sha256 });
  await ctx.services.faceData.enroll(actor, [face]);
  return actor;
}

test('a restarted server finds every enrolled member again, by merchant and phone suffix', async () => {
  const a = await enrolled(shop, '13700001234', faces.a);
  const b = await enrolled(shop, '13700005678', faces.b);
  const c = await enrolled(other, '13700009999', faces.a);

  const gallery = new EngineGallery();
  const restarted = createServices(ctx.database.db, ctx.config, { recognizer: sharedRecognizer, gallery });
  assert.equal(await restarted.faceData.loadGalleries(), 3);

  const recognizer = await sharedRecognizer();
  const probe = (await recognizer.analyze(faces.a)).embedding!;
  const best = (merchantId: string, phoneSuffix?: string) =>
    gallery.search(merchantId, probe, { k: 1, phoneSuffix }).matches[0]?.memberId;
  assert.equal(best(shop.merchantId), a.memberId);
  assert.equal(best(shop.merchantId, '1234'), a.memberId);
  assert.equal(best(shop.merchantId, '5678'), b.memberId, 'the other member is in the partition of their suffix');
  assert.equal(best(shop.merchantId, '9999'), undefined);
  assert.equal(best(other.merchantId), c.memberId);
  assert.equal(best(other.merchantId, '1234'), undefined);
  assert.deepEqual(gallery.extent(shop.merchantId), ctx.services.gallery.extent(shop.merchantId));
});
