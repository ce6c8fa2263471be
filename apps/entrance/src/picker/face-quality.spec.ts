import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QUALITY_LIMITS } from '@shualian/face-engine/on-device';
import { FACE_RULES, innerFace, judgeGeometry, judgePixels } from './face-quality.ts';
import { syntheticFace } from './synthetic-face.ts';

const frame = { width: 1280, height: 720 };
const min = QUALITY_LIMITS.minEyeDistancePx;

test('a frontal face, big enough and whole in the picture, passes, its pose read as frontal', () => {
  const verdict = judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: 60 }), frame, min);
  assert.deepEqual(verdict.reasons, []);
  assert.ok(verdict.ok);
  assert.ok(Math.abs(verdict.eyeDistancePx - 60) < 0.01);
  for (const angle of Object.values(verdict.pose))
    assert.ok(Math.abs(angle) < 1, `pose ${JSON.stringify(verdict.pose)}`);
});

test('a face whose eyes are closer than the server needs is too small', () => {
  assert.deepEqual(judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: min - 2 }), frame, min).reasons, [
    'too_small',
  ]);
  assert.ok(judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: min + 2 }), frame, min).ok);
});

test("a head turned past the server's yaw limit and the device's allowance is held back; a slight turn is not", () => {
  const limit = QUALITY_LIMITS.maxYawDeg + FACE_RULES.poseAllowanceDeg;
  const turned = judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: 60, yawDeg: limit + 5 }), frame, min);
  assert.deepEqual(turned.reasons, ['turned']);
  assert.ok(Math.abs(turned.pose.yaw - (limit + 5)) < 0.5, `yaw read back as ${turned.pose.yaw}`);
  assert.ok(judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: 60, yawDeg: -20 }), frame, min).ok);
});

test('a face cut by the edge of the picture, or one the detector is unsure of, is held back', () => {
  assert.deepEqual(judgeGeometry(syntheticFace({ cx: 20, cy: 360, eyeDistance: 60 }), frame, min).reasons, ['cut_off']);
  assert.deepEqual(
    judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: 60, score: 0.3 }), frame, min).reasons,
    ['unsure'],
  );
});

test("light and sharpness are judged on the face's pixels against the server's light limits and the blur bar", () => {
  const geometry = judgeGeometry(syntheticFace({ cx: 640, cy: 360, eyeDistance: 60 }), frame, min);
  assert.ok(judgePixels(geometry, { sharpness: 200, brightness: 120 }).ok);
  assert.deepEqual(judgePixels(geometry, { sharpness: FACE_RULES.minSharpness - 1, brightness: 120 }).reasons, [
    'blurred',
  ]);
  assert.deepEqual(judgePixels(geometry, { sharpness: 200, brightness: 30 }).reasons, ['too_dark']);
  assert.deepEqual(judgePixels(geometry, { sharpness: 200, brightness: 240 }).reasons, ['too_bright']);
});

test("the face's pixels are read from the middle of its box, inside the frame", () => {
  assert.deepEqual(innerFace({ x: 100, y: 50, width: 200, height: 100 }, frame), {
    x: 120,
    y: 60,
    width: 160,
    height: 80,
  });
  assert.deepEqual(innerFace({ x: -50, y: -50, width: 200, height: 200 }, frame), {
    x: 0,
    y: 0,
    width: 130,
    height: 130,
  });
});
