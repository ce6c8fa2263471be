import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { FACE_RULES } from './face-quality.ts';
import { laplacianVariance, measureFace, MEASURE_SIDE, resampleGrey, type FacePixels } from './sharpness.ts';

const rgba = (width: number, height: number, value: (x: number, y: number) => number): FacePixels => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = value(x, y);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  return { data, width, height };
};

test('a flat picture has no sharpness, and its brightness is its grey', () => {
  const flat = measureFace(rgba(120, 140, () => 90));
  assert.ok(Math.abs(flat.sharpness) < 1e-6);
  assert.ok(Math.abs(flat.brightness - 90) < 1e-3);
});

test('fine detail measures sharp; the same detail blurred measures less, the more the blur', () => {
  const stripes = (x: number, y: number) => ((Math.floor(x / 3) + Math.floor(y / 5)) % 2 ? 200 : 60);
  const crisp = measureFace(rgba(96, 96, stripes)).sharpness;
  const box = (radius: number) => (x: number, y: number) => {
    let sum = 0;
    let n = 0;
    for (let dy = -radius; dy <= radius; dy++)
      for (let dx = -radius; dx <= radius; dx++) {
        sum += stripes(x + dx, y + dy);
        n++;
      }
    return sum / n;
  };
  const soft = measureFace(rgba(96, 96, box(1))).sharpness;
  const softer = measureFace(rgba(96, 96, box(3))).sharpness;
  assert.ok(crisp > soft && soft > softer, `${crisp} > ${soft} > ${softer}`);
});

test('a large face and the same face half the size measure alike (both are resampled to one size)', () => {
  const pattern = (scale: number) => (x: number, y: number) =>
    128 + 60 * Math.sin(x / (4 * scale)) * Math.cos(y / (6 * scale));
  const large = measureFace(rgba(384, 384, pattern(4))).sharpness;
  const small = measureFace(rgba(192, 192, pattern(2))).sharpness;
  assert.ok(Math.abs(large - small) / large < 0.15, `${large} vs ${small}`);
});

test('shrinking averages the pixels it covers; enlarging interpolates between them', () => {
  const grey = Float32Array.from([0, 100, 200, 300]);
  assert.deepEqual([...resampleGrey(grey, 2, 2, 1)], [150]);
  const enlarged = resampleGrey(Float32Array.from([0, 100]), 2, 1, 4);
  assert.ok(enlarged.every((v) => v >= 0 && v <= 100));
  assert.equal(laplacianVariance(new Float32Array(MEASURE_SIDE * MEASURE_SIDE).fill(7), MEASURE_SIDE), 0);
});

// A real face: the leftmost person of face-api.js's demo photo 6 (box found by the server's engine, 297×290 px).
const require = createRequire(import.meta.url);
const sample6 = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample6.jpg');
const inner = { left: 186 + 34, top: 519 + 29, width: 268, height: 231 };
const facePixels = async (blurSigma?: number): Promise<FacePixels> => {
  const decoded = await sharp(sample6).raw().ensureAlpha().toBuffer({ resolveWithObject: true });
  let image = sharp(decoded.data, { raw: { width: decoded.info.width, height: decoded.info.height, channels: 4 } });
  if (blurSigma) image = sharp(await image.blur(blurSigma).raw().toBuffer(), { raw: { ...decoded.info, channels: 4 } });
  const { data, info } = await image.extract(inner).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

// The blur is set at the scale the face is measured on: σ 3 px of the 96 px face, as in FACE_RULES' measurement.
test('a real face in focus clears the blur bar; the same face out of focus (σ 3 px at 96 px) does not', async () => {
  const sharpFace = measureFace(await facePixels());
  const blurred = measureFace(await facePixels((3 * inner.width) / MEASURE_SIDE));
  assert.ok(sharpFace.sharpness > FACE_RULES.minSharpness * 2, `in focus: ${sharpFace.sharpness}`);
  assert.ok(blurred.sharpness < FACE_RULES.minSharpness, `blurred: ${blurred.sharpness}`);
  assert.ok(sharpFace.brightness > FACE_RULES.minBrightness && sharpFace.brightness < FACE_RULES.maxBrightness);
});
