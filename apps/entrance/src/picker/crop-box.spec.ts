import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CROP_SHAPE, cropRect, encodeWithin } from './crop-box.ts';

const frame = { width: 1280, height: 720 };

test('a crop is a square around the face with the margin on every side, sent at most maxSide wide', () => {
  const rect = cropRect({ x: 500, y: 200, width: 100, height: 120 }, frame);
  const side = 120 * (1 + 2 * CROP_SHAPE.margin);
  assert.equal(rect.side, side);
  assert.equal(rect.x, Math.round(550 - side / 2));
  assert.equal(rect.y, Math.round(260 - side / 2));
  assert.equal(rect.outSide, Math.min(side, CROP_SHAPE.maxSide));
  const near = cropRect({ x: 400, y: 100, width: 300, height: 300 }, frame);
  assert.equal(near.outSide, CROP_SHAPE.maxSide, 'a face near the camera is scaled down');
});

test('a face at the edge of the picture is cropped inside it: the square moves in rather than leaving the frame', () => {
  const corner = cropRect({ x: 0, y: 0, width: 100, height: 100 }, frame);
  assert.deepEqual([corner.x, corner.y], [0, 0]);
  const right = cropRect({ x: 1230, y: 650, width: 50, height: 70 }, frame);
  assert.equal(right.x + right.side, 1280);
  assert.equal(right.y + right.side, 720);
  const huge = cropRect({ x: 100, y: 0, width: 700, height: 700 }, frame);
  assert.equal(huge.side, 720, 'never larger than the frame');
  assert.ok(huge.x >= 0 && huge.x + huge.side <= 1280);
});

test('encoding tries falling qualities until the crop fits, and settles for the last', async () => {
  const tried: number[] = [];
  const sizes: Record<number, number> = { 0.85: 90_000, 0.72: 50_000, 0.6: 30_000 };
  const fitted = await encodeWithin(async (q) => (tried.push(q), { size: sizes[q]!, q }));
  assert.deepEqual(tried, [0.85, 0.72]);
  assert.equal(fitted.q, 0.72);
  const never = await encodeWithin(async (q) => ({ size: 1e9, q }));
  assert.equal(never.q, 0.6);
});
