/**
 * What the parallax and shape checks add to a session, per call, against the colour verifier they ride beside (one
 * process, one thread; ratios in the same run): reading the 16 landmark patches of a 640×480 frame, the parallax
 * check of one head turn, and the shape verifier over a session's 16 frames.
 *
 *   npx tsx apps/server/bench/liveness-geometry-bench.ts [--rounds 2000]
 */
import { parseArgs } from 'node:util';
import { faceRegionColours } from '../../../packages/face-engine/src/face-regions.ts';
import {
  createColourChallenge,
  verifyColourChallenge,
  type Rgb,
} from '../src/modules/biometrics/liveness/colour-challenge.ts';
import { verifyParallax } from '../src/modules/biometrics/liveness/head-turn-challenge.ts';
import type { Point2 } from '../src/modules/biometrics/liveness/homography.ts';
import { verifyShapeChallenge, type ShapeObservation } from '../src/modules/biometrics/liveness/shape-challenge.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2000' } } });
const rounds = Number(values.rounds);

// A 640×480 frame of noise and a face's 68 landmarks spread over its middle (the patches' cost depends on their size).
const image = {
  width: 640,
  height: 480,
  data: new Uint8Array(640 * 480 * 3).map(() => Math.floor(Math.random() * 256)),
};
const landmarks: Point2[] = Array.from({ length: 68 }, (_, i) => {
  const eye = i >= 36 && i <= 47 ? (i < 42 ? -1 : 1) : 0;
  return eye ? [320 + eye * 40 + (i % 6), 200 + (i % 3)] : [250 + ((i * 37) % 140), 180 + ((i * 53) % 170)];
});
const turned = landmarks.map(([x, y]): Point2 => [x * 0.9 + 20 + Math.random(), y + Math.random()]);

const challenge = createColourChallenge(undefined, { areas: true });
const frames = Array.from({ length: 16 }, (_, f) => ({
  atMs: 40 + f * 160,
  regions: faceRegionColours(image, landmarks).map((r) => ({ rgb: r.rgb, face: r.face })),
}));
const colourFrames = frames.map((f) => ({ atMs: f.atMs, faceRgb: f.regions[0]!.rgb as Rgb }));

function time(run: () => void): number {
  for (let i = 0; i < 50; i++) run();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return (performance.now() - start) / rounds;
}

const colourMs = time(() => verifyColourChallenge(challenge, colourFrames));
const figures = {
  rounds,
  colourVerifierMsPerSession: colourMs,
  regionPatchesMsPerFrame: time(() => faceRegionColours(image, landmarks)),
  parallaxMsPerHeadTurn: time(() =>
    verifyParallax([landmarks, landmarks.map(([x, y]): Point2 => [x + 0.5, y])], turned),
  ),
  shapeVerifierMsPerSession: time(() => verifyShapeChallenge(challenge, frames as ShapeObservation[], 100)),
};
console.log(
  JSON.stringify(
    {
      ...figures,
      shapeVsColour: figures.shapeVerifierMsPerSession / colourMs,
      parallaxVsColour: figures.parallaxMsPerHeadTurn / colourMs,
    },
    null,
    1,
  ),
);
