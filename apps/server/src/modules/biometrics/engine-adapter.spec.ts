import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { faceColour, isAlone } from './engine-adapter.ts';

test('the face colour is read inside the face box, not over the whole frame', async () => {
  // A frame lit red on the left half, blue on the right; the "face" sits in the red half.
  const half = (r: number, b: number) => ({
    create: { width: 320, height: 480, channels: 3 as const, background: { r, g: 40, b } },
  });
  const frame = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .composite([
      { input: await sharp(half(220, 30)).png().toBuffer(), left: 0, top: 0 },
      { input: await sharp(half(30, 220)).png().toBuffer(), left: 320, top: 0 },
    ])
    .jpeg({ quality: 95 })
    .toBuffer();
  const [r, g, b] = await faceColour(frame, { x: 60, y: 100, width: 200, height: 240 });
  assert.ok(Math.abs(r - 220) < 4 && Math.abs(g - 40) < 4 && Math.abs(b - 30) < 4, `read ${[r, g, b].map(Math.round)}`);
  const [r2, , b2] = await faceColour(frame, { x: 380, y: 100, width: 200, height: 240 });
  assert.ok(b2 > 200 && r2 < 50, `read ${[r2, b2].map(Math.round)}`);
});

test('a face far behind the shopper, or one only partly seen, is a bystander; a face beside them is not', () => {
  const face = (width: number, score = 0.9) => ({ box: { x: 0, y: 0, width, height: width }, score });
  const shopper = face(200);
  const alone = (...others: Array<ReturnType<typeof face>>) =>
    isAlone({ subject: shopper, faces: [shopper, ...others] } as unknown as Parameters<typeof isAlone>[0]);
  assert.equal(alone(), true);
  assert.equal(alone(face(150)), true, 'about 30 % farther away: a bystander in the queue');
  assert.equal(alone(face(190, 0.42)), true, 'a face cut by the frame edge, seen with low confidence');
  assert.equal(alone(face(180)), false, 'two people side by side at the camera');
  assert.equal(isAlone({ subject: undefined, faces: [] } as unknown as Parameters<typeof isAlone>[0]), false);
});
