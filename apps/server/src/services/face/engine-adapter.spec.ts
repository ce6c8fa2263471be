import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { faceColour } from './engine-adapter.ts';

test('the face colour is read inside the face box, not over the whole frame', async () => {
  // A frame lit red on the left half, blue on the right; the "face" sits in the red half.
  const half = (r: number, b: number) => ({ create: { width: 320, height: 480, channels: 3 as const, background: { r, g: 40, b } } });
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
