import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FaceGeometry } from './face-quality.ts';
import { FramePicker, type PickRules } from './frame-picker.ts';
import { syntheticFace } from './synthetic-face.ts';

const rules: PickRules = { perSecond: 3, perRequest: 4, minEyeDistancePx: 30 };
const sharpAndLit = () => ({ sharpness: 150, brightness: 120 });
const frameOf = (atMs: number, faces: FaceGeometry[]) => ({ atMs, width: 1280, height: 720, faces });

test('no face in view: nothing is picked, ever', () => {
  const picker = new FramePicker(sharpAndLit);
  for (let t = 0; t < 5000; t += 100) assert.deepEqual(picker.pick(frameOf(t, []), rules).picked, []);
  assert.equal(picker.tracker.started, 0);
});

test('one person in view for 4 s at 10 frames a second gives at most 3 crops a second', () => {
  const picker = new FramePicker(sharpAndLit);
  const times: number[] = [];
  for (let t = 0; t < 4000; t += 100) {
    const face = syntheticFace({ cx: 400 + t / 20, cy: 360, eyeDistance: 60 });
    if (picker.pick(frameOf(t, [face]), rules).picked.length) times.push(t);
  }
  assert.ok(times.length >= 8 && times.length <= 12, `${times.length} crops: ${times.join(' ')}`);
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 1000 / 3);
  assert.equal(picker.tracker.started, 1, 'one person, one track');
});

test('two people each get their own few crops a second', () => {
  const picker = new FramePicker(sharpAndLit);
  let crops = 0;
  for (let t = 0; t < 2000; t += 100) {
    const faces = [
      syntheticFace({ cx: 300, cy: 360, eyeDistance: 60 }),
      syntheticFace({ cx: 900, cy: 360, eyeDistance: 50 }),
    ];
    crops += picker.pick(frameOf(t, faces), rules).picked.length;
  }
  assert.ok(crops >= 10 && crops <= 12, `${crops}`);
});

test('a crowd in one frame: the nearest faces first, at most a request full', () => {
  const picker = new FramePicker(sharpAndLit);
  const faces = [40, 80, 35, 70, 60, 45].map((eyeDistance, i) =>
    syntheticFace({ cx: 120 + i * 200, cy: 360, eyeDistance }),
  );
  const { picked } = picker.pick(frameOf(0, faces), rules);
  assert.deepEqual(
    picked.map((f) => faces.indexOf(f)),
    [1, 3, 4, 5],
  );
});

test('faces too small, turned or blurred are held back, and the reasons are told', () => {
  const blurred = new FramePicker(() => ({ sharpness: 10, brightness: 120 }));
  const report = blurred.pick(frameOf(0, [syntheticFace({ cx: 640, cy: 360, eyeDistance: 60 })]), rules);
  assert.deepEqual(report.picked, []);
  assert.deepEqual(report.held, ['blurred']);

  const picker = new FramePicker(sharpAndLit);
  const turnedAndSmall = picker.pick(
    frameOf(0, [
      syntheticFace({ cx: 300, cy: 360, eyeDistance: 20 }),
      syntheticFace({ cx: 900, cy: 360, eyeDistance: 60, yawDeg: 50 }),
    ]),
    rules,
  );
  assert.deepEqual(turnedAndSmall.picked, []);
  assert.deepEqual(turnedAndSmall.held.sort(), ['too_small', 'turned']);
  assert.equal(turnedAndSmall.faces, 2);
});

test("a face's pixels are read only when it passed its geometry and is due a crop", () => {
  let measured = 0;
  const picker = new FramePicker(() => (measured++, sharpAndLit()));
  for (let t = 0; t < 1000; t += 100)
    picker.pick(frameOf(t, [syntheticFace({ cx: 640, cy: 360, eyeDistance: 60 })]), rules);
  picker.pick(frameOf(1100, [syntheticFace({ cx: 640, cy: 360, eyeDistance: 10 })]), rules);
  assert.equal(measured, 3, 'three crops due in one second, and nothing for the small face');
});
