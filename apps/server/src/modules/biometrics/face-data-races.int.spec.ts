import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { MemberActor } from '../../platform/actors.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import { twoPeople } from '../../../test/face-images.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  sharedRecognizer,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';
import type { EngineRecognizer } from './engine-adapter.ts';
import type { Recognizer } from './face.ports.ts';
import { createMember, updateSettings } from '../../../test/fixtures.ts';

/**
 * A consent withdrawal or a face-data deletion that arrives while the member's enrollment is being analysed is never
 * lost: either the enrollment stores nothing and says why, or it completes first and the withdrawal or deletion removes
 * what it stored. Afterwards the database and the gallery agree, and the face is not recognised.
 *
 * The enrollment is held after its analysis, before it writes, by wrapping the real engine: the analysis is real, only
 * its answer is delayed until the test lets it go.
 */
let ctx: TestContext;
let shop: TestMerchant;
let face: Buffer;
let embedding: Float32Array;

let pause: { reached: () => void; release: Promise<void> } | undefined;
/** The next analysis finishes, then waits: `reached` when it waits, `release()` to let it go on. */
function holdNextAnalysis(): { reached: Promise<void>; release: () => void } {
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  pause = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
  return { reached: reachedPromise, release };
}

async function heldRecognizer(): Promise<Recognizer> {
  const engine = await sharedRecognizer();
  return {
    model: engine.model,
    thresholds: engine.thresholds,
    analyze: async (image) => {
      const analysis = await engine.analyze(image);
      const hold = pause;
      pause = undefined;
      if (hold) {
        hold.reached();
        await hold.release;
      }
      return analysis;
    },
    inspect: (image, options) => engine.inspect(image, options),
    strangerChance: (score, gallery) => engine.strangerChance(score, gallery),
    identify: (search, gallery, payChance) => engine.identify(search, gallery, payChance),
    headPose: (image) => engine.headPose(image),
    faceColour: (image, box) => engine.faceColour(image, box),
    similarity: (a, b) => engine.similarity(a, b),
    fuse: (embeddings) => engine.fuse(embeddings),
  };
}

before(async () => {
  ctx = await createTestApp({}, { recognizer: heldRecognizer });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'races');
  await updateSettings(ctx.services, shop, { keepRawImages: true });
  face = (await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine)).a;
  embedding = (await (await sharedRecognizer()).analyze(face)).embedding!;
});
after(() => ctx.close());

let phones = 0;
async function consentingMember(): Promise<MemberActor> {
  const phone = `1350000${String(++phones).padStart(4, '0')}`;
  const member = await createMember(ctx.database.db, shop.merchantId, phone);
  const actor: MemberActor = { type: 'member', merchantId: shop.merchantId, memberId: member.id };
  const document = await ctx.services.consents.document(shop.merchantId);
  await ctx.services.consents.grant(actor, { version: document.version, textSha256: document.sha256 });
  return actor;
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => {
      if (error instanceof DomainError) return { ok: false as const, kind: error.kind, code: error.code };
      throw error;
    },
  );

const deleteFace = (actor: MemberActor) =>
  ctx.services.faceData.deleteAll(actor.merchantId, actor.memberId, {
    actorType: 'member',
    actorId: actor.memberId,
    reason: 'member_request',
  });

/** Nothing of the member's face is left: no template, no image, not in the gallery; the face is nobody. */
async function assertNoFaceData(actor: MemberActor): Promise<void> {
  const templates = await ctx.database.db
    .selectFrom('face_templates')
    .select('id')
    .where('member_id', '=', actor.memberId)
    .execute();
  const images = await ctx.database.db
    .selectFrom('face_images')
    .select('id')
    .where('member_id', '=', actor.memberId)
    .execute();
  assert.deepEqual([templates.length, images.length], [0, 0], 'templates and images stored');
  const found = ctx.services.gallery
    .search(shop.merchantId, embedding, { k: 5 })
    .matches.filter((m) => m.memberId === actor.memberId);
  assert.deepEqual(found, [], 'the gallery still recognises the face');
}

test('a consent withdrawal sent while the enrollment is analysed: the enrollment stores nothing and says consent was withdrawn', async () => {
  const actor = await consentingMember();
  const { reached, release } = holdNextAnalysis();
  const enrolling = settle(ctx.services.faceData.enroll(actor, [face]));
  await reached;
  assert.deepEqual(await ctx.services.consents.withdraw(actor), { templatesDeleted: 0, imagesDeleted: 0 });
  release();
  assert.deepEqual(await enrolling, { ok: false, kind: 'forbidden', code: 'consent_withdrawn' });
  await assertNoFaceData(actor);
  assert.equal(await ctx.services.consents.active(shop.merchantId, actor.memberId), undefined);
});

test('a face-data deletion sent while the enrollment is analysed: the enrollment stores nothing and says the data was deleted', async () => {
  const actor = await consentingMember();
  const { reached, release } = holdNextAnalysis();
  const enrolling = settle(ctx.services.faceData.enroll(actor, [face]));
  await reached;
  assert.deepEqual(await deleteFace(actor), { templatesDeleted: 0, imagesDeleted: 0 });
  release();
  assert.deepEqual(await enrolling, { ok: false, kind: 'conflict', code: 'face_data_deleted' });
  await assertNoFaceData(actor);

  // The member may enroll again afterwards: only an enrollment that overlapped the deletion is refused.
  const again = await ctx.services.faceData.enroll(actor, [face]);
  assert.equal(again.templateCount, 1);
  await deleteFace(actor);
  await assertNoFaceData(actor);
});

test('withdrawals and deletions sent as the enrollment goes to write: whichever wins, nothing of the face is left', async () => {
  const outcomes: string[] = [];
  // Sent with the release, or a little after it, so that either side may get to the member's row first.
  const lags = [0, 0, 5, 5, 20, 20, 60, 60];
  for (const [round, lag] of lags.entries()) {
    const actor = await consentingMember();
    const { reached, release } = holdNextAnalysis();
    const enrolling = settle(ctx.services.faceData.enroll(actor, [face]));
    await reached;
    release();
    await delay(lag);
    const removing = round % 2 === 0 ? settle(ctx.services.consents.withdraw(actor)) : settle(deleteFace(actor));
    const [enrolled, removed] = await Promise.all([enrolling, removing]);
    assert.equal(removed.ok, true, JSON.stringify(removed));
    if (enrolled.ok)
      assert.equal(
        (removed as { value: { templatesDeleted: number } }).value.templatesDeleted,
        1,
        'the enrollment completed first, so the removal took its template',
      );
    else assert.ok(['consent_withdrawn', 'face_data_deleted'].includes(enrolled.code), enrolled.code);
    outcomes.push(enrolled.ok ? 'enrolled, then removed' : enrolled.code);
    await assertNoFaceData(actor);
  }
  console.log(`# outcomes: ${outcomes.join('; ')}`);
});
