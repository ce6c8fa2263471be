import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FACE_REGIONS, faceRegionColours, faceRegionPatches } from './face-regions.ts';
import type { Point, RgbImage } from './image.ts';

/** A frontal face's 68 landmarks (iBUG order), eyes 60 px apart, centred at (200, 200), turned `roll` radians. */
function landmarks(roll = 0): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= 16; i++) {
    const a = Math.PI * (i / 16);
    points.push([-70 * Math.cos(a), 10 + 90 * Math.sin(a)]);
  }
  for (let i = 0; i < 5; i++) points.push([-60 + i * 10, -30 - (i % 4 === 0 ? 0 : 4)]);
  for (let i = 0; i < 5; i++) points.push([20 + i * 10, -30 - (i % 4 === 0 ? 0 : 4)]);
  for (let i = 0; i < 4; i++) points.push([0, -10 + i * 12]);
  for (let i = 0; i < 5; i++) points.push([-16 + i * 8, 44 - (i === 2 ? 2 : 0)]);
  const eye = (cx: number) =>
    [-12, -6, 6, 12, 6, -6].map((dx, k): Point => [cx + dx, k === 0 || k === 3 ? 0 : k < 3 ? -4 : 4]);
  points.push(...eye(-30), ...eye(30));
  for (let i = 0; i < 12; i++) {
    const a = (2 * Math.PI * i) / 12;
    points.push([-24 * Math.cos(a), 66 - 10 * Math.sin(a)]);
  }
  for (let i = 0; i < 8; i++) {
    const a = (2 * Math.PI * i) / 8;
    points.push([-16 * Math.cos(a), 66 - 4 * Math.sin(a)]);
  }
  return points.map(([x, y]) => [
    200 + x * Math.cos(roll) - y * Math.sin(roll),
    200 + x * Math.sin(roll) + y * Math.cos(roll),
  ]);
}

test('each patch sits where its part of the face is, in eye distances from the eyes, whatever the roll', () => {
  for (const roll of [0, 0.3]) {
    const patches = faceRegionPatches(landmarks(roll));
    assert.equal(patches.length, FACE_REGIONS.length);
    const at = (name: string) => patches.find((p) => p.name === name)!.face;
    assert.ok(at('forehead')[1] < -0.5 && Math.abs(at('forehead')[0]) < 0.05);
    assert.ok(at('brow_r')[0] < -0.3 && at('brow_l')[0] > 0.3);
    assert.ok(at('nose_side_r')[0] < 0 && at('nose_side_l')[0] > 0);
    assert.ok(at('chin')[1] > at('lip_crease')[1] && at('lip_crease')[1] > at('philtrum')[1]);
    assert.ok(at('outer_cheek_r')[0] < at('cheek_r')[0] && at('outer_cheek_l')[0] > at('cheek_l')[0]);
  }
});

test("the patches read the picture's colour under them: the subject's right side from the picture's left", () => {
  const width = 400;
  const height = 400;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(x < 200 ? [200, 20, 20] : [20, 20, 200], (y * width + x) * 3);
  }
  const image: RgbImage = { data, width, height };
  const colours = new Map(faceRegionColours(image, landmarks()).map((r) => [r.name, r.rgb]));
  assert.deepEqual(colours.get('cheek_r'), [200, 20, 20]);
  assert.deepEqual(colours.get('cheek_l'), [20, 20, 200]);
  // A patch across the middle reads the mix.
  const bridge = colours.get('nose_bridge')!;
  assert.ok(bridge[0] > 20 && bridge[0] < 200 && bridge[2] > 20 && bridge[2] < 200, String(bridge));
});
