import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp, { type Sharp } from 'sharp';
import {
  createFaceEngine,
  FaceEngineError,
  ENTRANCE_ANALYSIS,
  fuseTemplates,
  type FaceEngine,
  type AnalysisResult,
  type DetectedFace,
} from './index.ts';

// face-api's demo photo of three different women on a sofa: ships with the npm package, so no ../shared is needed.
const require = createRequire(import.meta.url);
const groupPhoto = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');

let engine: FaceEngine;
let group: AnalysisResult;
let photoBytes: Buffer;

before(async () => {
  engine = await createFaceEngine({ threads: 1 });
  photoBytes = await sharp(groupPhoto).toBuffer();
  group = await engine.analyze(photoBytes, { embedAll: true });
});
after(() => engine.dispose());

/** The region around a face, grown by `margin` of its size on each side. */
async function cropAround(face: DetectedFace, margin = 0.6): Promise<Sharp> {
  const { width = 0, height = 0 } = await sharp(photoBytes).metadata();
  const left = Math.max(0, Math.round(face.box.x - face.box.width * margin));
  const top = Math.max(0, Math.round(face.box.y - face.box.height * margin));
  const right = Math.min(width, Math.round(face.box.x + face.box.width * (1 + margin)));
  const bottom = Math.min(height, Math.round(face.box.y + face.box.height * (1 + margin)));
  return sharp(photoBytes).extract({ left, top, width: right - left, height: bottom - top });
}

const middleFace = () => [...group.faces].sort((a, b) => a.box.x - b.box.x)[1]!;

async function subjectOf(bytes: Buffer): Promise<DetectedFace> {
  const result = await engine.analyze(bytes);
  assert.ok(result.subject, 'a face is found');
  return result.subject;
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof FaceEngineError, `expected FaceEngineError, got ${String(error)}`);
    return error.code;
  }
  return 'no error';
}

test('finds the three faces of the group photo and picks a subject', () => {
  assert.equal(group.faces.length, 3);
  assert.ok(group.subject && group.faces.includes(group.subject));
  for (const face of group.faces) {
    assert.equal(face.landmarks.length, 68);
    assert.equal(face.embedding?.length, engine.embeddingDimensions);
    const norm = Math.hypot(...face.embedding!);
    assert.ok(Math.abs(norm - 1) < 1e-4);
  }
  assert.ok(typeof group.timings.detect === 'number' && typeof group.timings.embed === 'number');
});

test('a face matches a mirrored, re-framed, re-encoded copy of itself and none of the other people in the photo', async () => {
  const face = middleFace();
  const original = await subjectOf(await (await cropAround(face)).jpeg({ quality: 92 }).toBuffer());
  const copy = await (
    await cropAround(face, 0.45)
  )
    .flop()
    .modulate({ brightness: 1.05 })
    .jpeg({ quality: 60 })
    .toBuffer();
  const other = await subjectOf(copy);
  assert.equal(engine.decide(engine.similarity(original.embedding!, other.embedding!)), 'match');
  for (const stranger of group.faces.filter((f) => f !== face)) {
    assert.equal(engine.decide(engine.similarity(original.embedding!, stranger.embedding!)), 'no_match');
  }
  const template = fuseTemplates([original.embedding!, other.embedding!]);
  assert.equal(engine.decide(engine.similarity(template, original.embedding!)), 'match');
});

test('quality gates name what is wrong: too small, too dark, blurred', async () => {
  const crop = await (await cropAround(middleFace())).png().toBuffer();
  const good = await subjectOf(crop);
  assert.deepEqual(
    good.quality.reasons.filter((r) => ['face_too_small', 'too_dark', 'blurred'].includes(r)),
    [],
  );

  const small = await subjectOf(await sharp(crop).resize({ width: 90 }).png().toBuffer());
  assert.ok(small.quality.reasons.includes('face_too_small'), `reasons: ${small.quality.reasons.join(',')}`);

  const dark = await subjectOf(await sharp(crop).modulate({ brightness: 0.3 }).png().toBuffer());
  assert.ok(dark.quality.reasons.includes('too_dark'), `reasons: ${dark.quality.reasons.join(',')}`);
  assert.equal(dark.quality.ok, false);

  const blurred = await subjectOf(await sharp(crop).blur(5).png().toBuffer());
  assert.ok(blurred.quality.reasons.includes('blurred'), `reasons: ${blurred.quality.reasons.join(',')}`);

  // requireSingleGoodFace turns the first reason into the error code
  const smallResult = await engine.analyze(await sharp(crop).resize({ width: 90 }).png().toBuffer());
  assert.equal(smallResult.faces.length, 1);
  assert.equal(await codeOf(Promise.resolve().then(() => engine.requireSingleGoodFace(smallResult))), 'face_too_small');
});

test('bad input: not an image, too large, no face, more than one face', async () => {
  assert.equal(await codeOf(engine.analyze(Buffer.from('definitely not a picture'))), 'not_an_image');
  assert.equal(await codeOf(engine.analyze(photoBytes, { maxBytes: 1000 })), 'image_too_large');
  const blank = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 130, b: 140 } },
  })
    .png()
    .toBuffer();
  const empty = await engine.analyze(blank);
  assert.equal(empty.faces.length, 0);
  assert.equal(empty.subject, undefined);
  assert.equal(await codeOf(engine.analyze(blank, { requireSingleFace: true })), 'no_face');
  assert.equal(await codeOf(engine.analyze(photoBytes, { requireSingleFace: true })), 'multiple_faces');
});

test('the turn estimate follows which way the face looks: a mirrored picture reads the other way; geometry only skips identity', async () => {
  const [a, b] = [...group.faces].sort((x, y) => Math.abs(y.pose.turn) - Math.abs(x.pose.turn));
  assert.ok(a && b);
  const crop = await (await cropAround(a)).jpeg().toBuffer();
  const seen = await engine.analyze(crop, { geometryOnly: true });
  const mirrored = await engine.analyze(await sharp(crop).flop().jpeg().toBuffer(), { geometryOnly: true });
  assert.equal(seen.faces.length, 1);
  assert.equal(seen.faces[0]!.embedding, null, 'no identity is computed');
  const [turn, back] = [seen.faces[0]!.pose.turn, mirrored.faces[0]!.pose.turn];
  assert.ok(Math.abs(turn) > 5, `the most turned face of the photo reads ${turn}°`);
  assert.ok(
    Math.sign(back) === -Math.sign(turn) && Math.abs(turn + back) < Math.abs(turn) / 2,
    `${turn}° mirrored reads ${back}°`,
  );
});

test('a picture larger than the engine analyses is scaled down, and its faces come back in its own coordinates', async () => {
  const doubled = await sharp(photoBytes).resize({ width: 3840 }).jpeg({ quality: 92 }).toBuffer();
  const big = await engine.analyze(doubled, { embedAll: true });
  assert.deepEqual([big.width, big.height], [3840, group.height * 2]);
  assert.equal(big.faces.length, group.faces.length);
  for (const face of group.faces) {
    const twin = big.faces.find(
      (f) => Math.hypot(f.box.x - 2 * face.box.x, f.box.y - 2 * face.box.y) < face.box.width * 0.2,
    );
    assert.ok(twin, `the face at ${Math.round(face.box.x)},${Math.round(face.box.y)} is found at twice the place`);
    assert.ok(Math.abs(twin.box.width - 2 * face.box.width) < face.box.width * 0.2);
    assert.ok(
      Math.hypot(
        twin.landmarks[30]![0] - 2 * face.landmarks[30]![0],
        twin.landmarks[30]![1] - 2 * face.landmarks[30]![1],
      ) <
        face.box.width * 0.1,
    );
    assert.equal(engine.decide(engine.similarity(face.embedding!, twin.embedding!)), 'match');
  }
});

test('an entrance crop analysed as the entrance does (small detector input, 2-pass probe, no liveness) still matches its face and no other', async () => {
  for (const face of group.faces) {
    const crop = await (await cropAround(face, 0.5)).resize({ width: 320, withoutEnlargement: true }).jpeg().toBuffer();
    const seen = await engine.analyze(crop, { ...ENTRANCE_ANALYSIS, descriptors: true });
    assert.equal(seen.faces.length, 1);
    const probe = seen.subject!;
    assert.equal(probe.descriptors?.length, 2, 'the chip at 1.0 and its mirror only');
    assert.equal(probe.liveness.live, false, 'passive liveness is not read');
    assert.equal(seen.timings.liveness, undefined);
    assert.ok(probe.age !== null && probe.gender !== null, 'age and gender are still estimated');
    for (const other of group.faces) {
      const decision = engine.decide(engine.similarity(probe.embedding!, other.embedding!));
      assert.equal(decision, other === face ? 'match' : 'no_match');
    }
  }
});
