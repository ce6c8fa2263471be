/**
 * How the head turn's parallax check separates a turning head from a turned photo, by simulation: the real verifier
 * (verifyParallax) fed landmarks projected by a pinhole camera (640 px wide, 60° across).
 *
 *   live    the 21 faces of face-api's sample photos with their landmarks' depth from Human's face mesh, 30–60 cm from
 *           the camera, frontal within 5°, then turned 20–45° to a side with up to 8° of nod and 4° of tilt
 *   photo   the same landmarks on a plane (a print or a phone) turned the same way; bent round a vertical axis (up to
 *           2.5 cm of sag over the face, either way) and turned; tilted back or forward 20–40°
 *   noise   each landmark off by 1–2.5 % of the eye distance per coordinate in every frame (the 68-point model on
 *           webcam frames); turned frames up to twice as noisy
 *
 *   npx tsx apps/server/bench/head-turn-parallax-sim.ts [--sessions 10000]
 */
import { parseArgs } from 'node:util';
import { HEAD_TURN_RULES, verifyParallax } from '../src/modules/biometrics/liveness/head-turn-challenge.ts';
import type { Point2 } from '../src/modules/biometrics/liveness/homography.ts';
import { sampleFaces, type Vec3 } from './shape-faces.ts';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '10000' } } });
const sessions = Number(values.sessions);
const PAIRED = !process.env.SIM_UNPAIRED;
const uniform = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const gauss = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
const deg = (d: number) => (d * Math.PI) / 180;

const rotate = (v: Vec3, yaw: number, pitch: number, roll: number): Vec3 => {
  let [x, y, z] = v;
  [x, y] = [x * Math.cos(roll) - y * Math.sin(roll), x * Math.sin(roll) + y * Math.cos(roll)];
  [x, z] = [x * Math.cos(yaw) + z * Math.sin(yaw), -x * Math.sin(yaw) + z * Math.cos(yaw)];
  [y, z] = [y * Math.cos(pitch) - z * Math.sin(pitch), y * Math.sin(pitch) + z * Math.cos(pitch)];
  return [x, y, z];
};

type Kind = 'live' | 'photo_turned' | 'photo_bent' | 'photo_tilted';

function session(points: Vec3[], kind: Kind) {
  const distance = uniform(0.3, 0.6);
  const iodPx = (554 * 0.063) / distance;
  const noise = uniform(0.01, 0.025) * iodPx;
  const sag = kind === 'photo_bent' ? (Math.random() < 0.5 ? -1 : 1) * uniform(0.005, 0.025) : 0;
  const surface: Vec3[] = points.map((p) => (kind === 'live' ? p : [p[0], p[1], (sag * p[0] * p[0]) / 0.08 ** 2]));
  const project = (yaw: number, pitch: number, roll: number, extraNoise: number): Point2[] =>
    surface.map((p) => {
      const r = rotate(p, yaw, pitch, roll);
      const z = r[2] + distance;
      return [
        320 + (554 * r[0]) / z + gauss() * noise * extraNoise,
        240 + (554 * r[1]) / z + gauss() * noise * extraNoise,
      ];
    });
  const yaw0 = deg(uniform(-5, 5));
  const pitch0 = deg(uniform(-5, 5));
  const roll0 = deg(uniform(-3, 3));
  const frontal: [Point2[], Point2[]] = [project(yaw0, pitch0, roll0, 1), project(yaw0, pitch0, roll0, 1)];
  const side = Math.random() < 0.5 ? -1 : 1;
  const turn = kind === 'photo_tilted' ? deg(uniform(-5, 5)) : side * deg(uniform(20, 45));
  const nod = kind === 'photo_tilted' ? side * deg(uniform(20, 40)) : deg(uniform(-8, 8));
  const turnedRoll = roll0 + deg(uniform(-4, 4));
  const turnedNoise = uniform(1, 2);
  const turned = project(yaw0 + turn, pitch0 + nod, turnedRoll, turnedNoise);
  // The next most turned frame: the head a few degrees short of its peak (a kiosk takes 2+ frames while turned).
  const short = deg(uniform(0, 5)) * Math.sign(turn || 1);
  const again = project(
    yaw0 + turn - (kind === 'photo_tilted' ? 0 : short),
    pitch0 + nod - (kind === 'photo_tilted' ? short : 0),
    turnedRoll,
    turnedNoise,
  );
  return verifyParallax(frontal, turned, PAIRED ? again : undefined)!;
}

const faces = await sampleFaces();
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const rows = (['live', 'photo_turned', 'photo_bent', 'photo_tilted'] as Kind[]).map((kind) => {
  const verdicts = Array.from({ length: sessions }, () =>
    session(faces[Math.floor(Math.random() * faces.length)]!.landmarks, kind),
  );
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return {
      min: round(sorted[0]!),
      p001: round(quantile(sorted, 0.001)),
      p01: round(quantile(sorted, 0.01)),
      p50: round(quantile(sorted, 0.5)),
      p99: round(quantile(sorted, 0.99)),
      p999: round(quantile(sorted, 0.999)),
      max: round(sorted.at(-1)!),
    };
  };
  return {
    case: kind,
    passed: round(verdicts.filter((v) => v.passed).length / sessions),
    residualIod: stats(verdicts.map((v) => v.residualIod)),
    noiseIod: stats(verdicts.map((v) => v.noiseIod)),
    excessIod: stats(verdicts.map((v) => v.excessIod)),
    log10ChancePlanar: stats(verdicts.map((v) => Math.log10(Math.max(1e-300, v.chancePlanar)))),
  };
});
console.log(JSON.stringify({ sessions, faces: faces.length, rules: HEAD_TURN_RULES.parallax, rows }, null, 1));
