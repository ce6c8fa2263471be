import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createColourChallenge, type ColourChallenge, type Rgb } from './colour-challenge.ts';
import {
  SCREEN_AREAS,
  screenAreas,
  verifyShapeChallenge,
  type ScreenArea,
  type ShapeObservation,
} from './shape-challenge.ts';

// Patch positions (eye distances from the eyes' midpoint) and outward normals of an average face from the face mesh,
// in FACE_REGIONS order; a flat picture's patches all face the camera.
const POSITIONS: Array<[number, number]> = [
  [-0.02, -0.69],
  [-0.61, -0.47],
  [0.59, -0.48],
  [-0.03, 0.28],
  [-0.04, 0.67],
  [-0.2, 0.64],
  [0.16, 0.65],
  [-0.56, 0.62],
  [0.61, 0.61],
  [-0.93, 0.33],
  [1.02, 0.31],
  [-0.01, 0.91],
  [0.02, 1.52],
  [0.04, 1.69],
  [-0.58, 1.26],
  [0.71, 1.27],
];
const FACE_NORMALS: Array<[number, number, number]> = [
  [-0.08, 0.0, -0.95],
  [-0.47, 0.11, -0.75],
  [0.34, 0.17, -0.83],
  [-0.05, -0.42, -0.8],
  [-0.07, 0.38, -0.78],
  [-0.59, 0.25, -0.63],
  [0.55, 0.34, -0.63],
  [-0.34, 0.02, -0.89],
  [0.28, 0.11, -0.9],
  [-0.47, -0.14, -0.69],
  [0.43, 0.03, -0.8],
  [-0.07, 0.64, -0.65],
  [-0.09, 0.43, -0.77],
  [-0.09, 0.53, -0.7],
  [-0.57, 0.33, -0.64],
  [0.48, 0.43, -0.67],
];

/** A seeded generator, so a failure can be replayed. */
function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const LIGHT_FROM: Record<ScreenArea, [number, number, number]> = {
  left: [0.4, 0.1, -0.9],
  right: [-0.4, 0.1, -0.9],
  top: [0, 0.05, -1],
  bottom: [0, 0.45, -0.9],
};

/**
 * Frames every 160 ms of patches lit by the room (skin colour) and by the step's half of the screen, seen `lagMs`
 * late, with ±0.5 DN of noise. `normals` decides the shape; `slope` adds a plane's brightness gradient per half.
 */
function frames(
  challenge: ColourChallenge,
  normals: Array<[number, number, number]>,
  random: () => number,
  options: { slope?: number; lagMs?: number; strength?: number } = {},
): ShapeObservation[] {
  const { slope = 0, lagMs = 100, strength = 0.3 } = options;
  const skin: Rgb = [180, 130, 110];
  const out: ShapeObservation[] = [];
  for (let at = 40; at < challenge.totalMs && out.length < 16; at += 160) {
    const step = challenge.steps.find((s) => at - lagMs >= s.startMs && at - lagMs < s.startMs + s.durationMs);
    const exposure = 0.9 + random() * 0.2;
    out.push({
      atMs: at,
      regions: normals.map((n, r) => {
        const l = step?.area ? LIGHT_FROM[step.area] : undefined;
        const lit = l ? Math.max(0, n[0] * l[0] + n[1] * l[1] + n[2] * l[2]) : 0;
        const gradient =
          step?.area === 'left' ? slope * POSITIONS[r]![0] : step?.area === 'bottom' ? slope * POSITIONS[r]![1] : 0;
        const rgb = skin.map((v, c) => {
          const light = step ? step.rgb[c]! / 255 : 0;
          return Math.min(255, v * exposure * (1 + strength * light * (lit + gradient)) + (random() - 0.5));
        }) as Rgb;
        return { rgb, face: POSITIONS[r]! };
      }),
    });
  }
  return out;
}

const challengeWith = (seed: number) => {
  const random = seeded(seed * 7919);
  return createColourChallenge((n) => Math.floor(random() * n), { areas: true });
};

test('the flash gives every half of the screen to at least two of its ten steps', () => {
  const random = seeded(7);
  for (let i = 0; i < 50; i++) {
    const areas = screenAreas(10, (n) => Math.floor(random() * n));
    assert.equal(areas.length, 10);
    for (const area of SCREEN_AREAS) assert.ok(areas.filter((a) => a === area).length >= 2, areas.join());
  }
});

test("a face's patches answer each half of the screen by their shape, and pass with a tiny chance of being flat", () => {
  for (let seed = 1; seed <= 5; seed++) {
    const challenge = challengeWith(seed);
    const verdict = verifyShapeChallenge(challenge, frames(challenge, FACE_NORMALS, seeded(seed)), 100);
    assert.equal(verdict.passed, true, JSON.stringify(verdict));
    assert.ok(verdict.chanceFlat < 1e-6 && verdict.faceLikeness > 0.8, JSON.stringify(verdict));
  }
});

test('a flat picture, even one whose brightness slopes across it with the light, is refused as flat', () => {
  const flat = FACE_NORMALS.map((): [number, number, number] => [0, 0, -1]);
  for (let seed = 1; seed <= 5; seed++) {
    const challenge = challengeWith(seed);
    for (const slope of [0, 0.3]) {
      const verdict = verifyShapeChallenge(challenge, frames(challenge, flat, seeded(seed), { slope }), 100);
      assert.equal(verdict.passed, false, JSON.stringify(verdict));
      assert.equal(verdict.reason, 'flat');
    }
  }
});

test('a face checked at the wrong delay, or under a flash that lit the whole screen, is not judged', () => {
  const challenge = challengeWith(3);
  const whole: ColourChallenge = { ...challenge, steps: challenge.steps.map(({ area: _area, ...step }) => step) };
  const verdict = verifyShapeChallenge(whole, frames(challenge, FACE_NORMALS, seeded(3)), 100);
  assert.equal(verdict.reason, 'too_few_frames');
  const noPatches = frames(challenge, FACE_NORMALS, seeded(3)).map((o) => ({ ...o, regions: null }));
  assert.equal(verifyShapeChallenge(challenge, noPatches, 100).reason, 'too_few_frames');
});
