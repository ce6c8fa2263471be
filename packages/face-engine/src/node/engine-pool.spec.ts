import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { FaceEngineError, FacePoolError } from '../errors.ts';
import { templateDimensions } from '../template.ts';
import { svgImage, truncated } from '../testing.ts';
import { FaceEnginePool } from './engine-pool.ts';

const require = createRequire(import.meta.url);
const groupPhoto = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');

let pool: FaceEnginePool;
let photo: Buffer;
// A 1×20000 px strip (500 bytes): the detectors pad it square, a 20000² float tensor the wasm heap cannot hold. The
// gate refuses it (longest side); this pool's gate is opened so the engine's own failure is what the test meets.
let strip: Buffer;

before(async () => {
  pool = await FaceEnginePool.start({ size: 2, maxQueue: 4, limits: { maxSide: 50_000, analysisMaxSide: 50_000 } });
  photo = await readFile(groupPhoto);
  strip = await sharp({ create: { width: 1, height: 20_000, channels: 3, background: '#888888' } })
    .png()
    .toBuffer();
});
after(() => pool.close());

async function failure(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the job to fail');
}

test('the workers analyse pictures with the whole engine', async () => {
  const result = await pool.analyze(photo, { colour: true });
  assert.equal(result.faces.length, 3);
  assert.ok(result.subject && result.faces.includes(result.subject), 'the subject is one of the faces');
  assert.equal(result.subject.embedding?.length, templateDimensions());
  assert.equal(result.subjectColour, null, 'a colour only for a picture of one face');
  const geometry = await pool.analyze(photo, { geometryOnly: true });
  assert.equal(geometry.faces[0]!.embedding, null);
});

test("a picture's own problem comes back as its error; the worker stays", async () => {
  const before = pool.stats().replaced;
  const svg = await failure(pool.analyze(svgImage()));
  assert.ok(svg instanceof FaceEngineError && svg.code === 'image_format_unsupported', String(svg));
  const cut = await failure(
    pool.faceColour(truncated(await sharp(photo).png().toBuffer()), { x: 0, y: 0, width: 10, height: 10 }),
  );
  assert.ok(cut instanceof FaceEngineError && cut.code === 'image_truncated', String(cut));
  assert.equal(pool.stats().replaced, before);
});

test('a worker whose engine fails is replaced: only its job fails, the other worker carries on, the next job succeeds', async () => {
  const before = pool.stats().replaced;
  const [broken, other] = await Promise.allSettled([pool.analyze(strip), pool.analyze(photo)]);
  assert.equal(broken.status, 'rejected');
  const error = (broken as PromiseRejectedResult).reason;
  assert.ok(error instanceof FacePoolError && error.code === 'face_analysis_failed', String(error));
  assert.deepEqual(error.details, { reason: 'engine_failed' });
  assert.equal(other.status, 'fulfilled', 'the job on the other worker is answered');
  assert.equal(pool.stats().replaced, before + 1);
  assert.equal((await pool.analyze(photo)).faces.length, 3);
});

test('a job past its deadline has its worker terminated and replaced; the next job succeeds', async () => {
  const before = pool.stats().replaced;
  const error = await failure(pool.analyze(photo, { deadlineMs: 1 }));
  assert.ok(error instanceof FacePoolError && error.code === 'face_analysis_failed', String(error));
  assert.deepEqual(error.details, { reason: 'deadline_exceeded' });
  assert.equal(pool.stats().replaced, before + 1);
  assert.equal((await pool.analyze(photo)).faces.length, 3);
});

test('when the queue is full, a job is refused at once as face_engine_busy', async () => {
  while (pool.stats().ready < 2) await new Promise((resolve) => setTimeout(resolve, 100)); // the replacement loading
  const jobs = Array.from({ length: 7 }, () => pool.analyze(photo, { geometryOnly: true }));
  const settled = await Promise.allSettled(jobs);
  const busy = settled.filter(
    (s) => s.status === 'rejected' && (s.reason as FacePoolError).code === 'face_engine_busy',
  );
  assert.equal(busy.length, 1, '2 running and 4 waiting are taken; the 7th is not');
  assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 6);
});
