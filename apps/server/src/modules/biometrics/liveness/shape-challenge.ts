import type { ColourChallenge, Rgb } from './colour-challenge.ts';
import { erfc } from './error-function.ts';
import { solveLinear } from './linear-system.ts';

/**
 * Shape by screen light: is the thing in front of the kiosk a 3-D face or a flat picture? The flash's colours are
 * shown on one half of the screen at a time (left, right, top or bottom, as the shopper sees it). Light from one side
 * brightens the parts of a real face that turn to that side (the nose's flank, the outer cheek) and not the others;
 * light from above brightens the brow and not the area under the nose. A print or a phone is a surface whose every
 * part faces about the same way, so its answer across the face varies smoothly with position in the picture: at most
 * a slope (a plane, near or tilted) and a gentle curve (a bent print).
 *
 * The verifier reads, per frame, the mean colour of landmark patches (packages/face-engine face-regions.ts), takes log
 * colour less the frame's mean over patches (exposure and white balance drop out), and fits for each patch its own
 * colour plus how strongly each half of the screen lights it (`g`, per half). What a plane can explain — an affine
 * map of the patch's position on the face — is removed (a quadratic, to cover bent prints, was tried: it removed more
 * of a face's signal than of a bent print's); what is left is compared with what a face's shape
 * predicts (patch normals measured by a face mesh on real photos, lit from the screen's halves). The decision: that
 * structure is there with the face's sign, significantly above the frame-to-frame noise (`chanceFlat`), and it makes up
 * a good part of what is left (`faceLikeness`), so a noisy or bent picture's leftovers do not pass by being large.
 */
export type ScreenArea = 'left' | 'right' | 'top' | 'bottom';
export const SCREEN_AREAS: readonly ScreenArea[] = ['left', 'right', 'top', 'bottom'];

export interface RegionColour {
  rgb: Rgb;
  /** Patch position on the face, eye-distance units from the eyes' midpoint, x across the picture, y down. */
  face: [number, number];
}

export interface ShapeObservation {
  atMs: number;
  /** The face's patches in FACE_REGIONS order; null when the frame's face was not located. */
  regions: RegionColour[] | null;
}

export interface ShapeVerdict {
  passed: boolean;
  /** Frames used (away from a change of step, with patches). */
  frames: number;
  areasSeen: number;
  /** Face-shaped structure found, in units of its standard error. */
  z: number;
  /** Chance that a flat surface shows this much face-shaped structure by noise (one-sided normal tail of z). */
  chanceFlat: number;
  /** Correlation of what a smooth surface leaves unexplained with what a face predicts (−1…1). */
  faceLikeness: number;
  reason?: 'too_few_frames' | 'too_few_areas' | 'flat';
}

// Chosen by simulation (apps/server/bench/shape-challenge-sim.ts; figures in docs/benchmarks.md).
export const SHAPE_RULES = {
  /** Within this many ms of a change of step (at the flash's delay) a frame may show either step: not used. */
  edgeMs: 50,
  minFrames: 6,
  minAreasSeen: 3,
  maxChanceFlat: 1e-4,
  minFaceLikeness: 0.45,
  /** Where the kiosk's screen sits as the face sees it, metres (15.6" landscape below the camera, face at 35 cm). */
  screen: { width: 0.345, height: 0.194, topBelowCamera: 0.015, faceDistance: 0.35, faceBelowCamera: 0.06 },
};

/**
 * Mean outward normals of the patches (x across the picture, y down, z away from the camera), measured with Human's
 * face mesh on the 21 faces of face-api's sample photos (bench/shape-faces.ts, normals over 20 mesh neighbours). In
 * FACE_REGIONS order.
 */
const CANONICAL_NORMALS: ReadonlyArray<[number, number, number]> = [
  [-0.07, 0.07, -0.95],
  [-0.5, 0.16, -0.72],
  [0.33, 0.21, -0.84],
  [-0.05, -0.45, -0.78],
  [-0.05, 0.49, -0.71],
  [-0.58, 0.32, -0.61],
  [0.58, 0.42, -0.62],
  [-0.44, 0.02, -0.83],
  [0.34, 0.12, -0.87],
  [-0.72, 0.02, -0.58],
  [0.52, 0.08, -0.78],
  [-0.07, 0.59, -0.7],
  [-0.11, 0.44, -0.75],
  [-0.09, 0.52, -0.71],
  [-0.65, 0.34, -0.54],
  [0.52, 0.4, -0.66],
];

/**
 * Every step of the flash gets a half of the screen: each half twice, and two more halves drawn at random, in random
 * order. `pick(n)` returns a whole number below n.
 */
export function screenAreas(steps: number, pick: (n: number) => number): ScreenArea[] {
  const areas: ScreenArea[] = [...SCREEN_AREAS, ...SCREEN_AREAS];
  while (areas.length < steps) areas.push(SCREEN_AREAS[pick(SCREEN_AREAS.length)]!);
  for (let i = areas.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [areas[i], areas[j]] = [areas[j]!, areas[i]!];
  }
  return areas.slice(0, steps);
}

/** Direction from the face to the middle of a half of the screen, in the face's frame (the face looks at the camera). */
function towardsArea(area: ScreenArea): [number, number, number] {
  const s = SHAPE_RULES.screen;
  // The screen's left as the shopper sees it is their own left: the picture's right (frames are not mirrored).
  const x = area === 'left' ? s.width / 4 : area === 'right' ? -s.width / 4 : 0;
  const y = s.topBelowCamera + (area === 'top' ? s.height / 4 : area === 'bottom' ? (3 * s.height) / 4 : s.height / 2);
  const d: [number, number, number] = [x, y - s.faceBelowCamera, -s.faceDistance];
  const n = Math.hypot(...d);
  return [d[0] / n, d[1] / n, d[2] / n];
}

/** What a face's patches show of each half's light (Lambert): the template the leftovers are compared with. */
function predicted(area: ScreenArea): number[] {
  const l = towardsArea(area);
  return CANONICAL_NORMALS.map((n) => Math.max(0, n[0] * l[0] + n[1] * l[1] + n[2] * l[2]));
}

/** Least squares: coefficients, residual sum of squares, and the diagonal of (XᵀX)⁻¹. */
function leastSquares(rows: number[][], y: number[]) {
  const p = rows[0]!.length;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  rows.forEach((row, i) => {
    for (let a = 0; a < p; a++) {
      xty[a]! += row[a]! * y[i]!;
      for (let b = 0; b < p; b++) xtx[a]![b]! += row[a]! * row[b]!;
    }
  });
  const beta = solveLinear(xtx, xty);
  if (!beta) return undefined;
  let rss = 0;
  rows.forEach((row, i) => {
    rss += (y[i]! - row.reduce((s, x, k) => s + x * beta[k]!, 0)) ** 2;
  });
  const inverseDiagonal = Array.from({ length: p }, (_, k) => {
    const unitVector = new Array<number>(p).fill(0);
    unitVector[k] = 1;
    return solveLinear(xtx, unitVector)![k]!;
  });
  return { beta, rss, inverseDiagonal };
}

/** What is left of `values` over the patches after the best affine map of the patches' face positions (a plane). */
function unexplainedBySmooth(values: number[], positions: Array<[number, number]>): number[] {
  const rows = positions.map(([x, y]) => [1, x, y]);
  const fit = leastSquares(rows, values);
  if (!fit) return values.map(() => 0);
  return values.map((v, i) => v - rows[i]!.reduce((s, x, k) => s + x * fit.beta[k]!, 0));
}

const normalTail = (z: number) => 0.5 * erfc(z / Math.SQRT2);

/**
 * `challenge`: the flash as shown, each step with its `area`; `lagMs`: the camera's delay the colour verdict found.
 */
export function verifyShapeChallenge(
  challenge: ColourChallenge,
  observations: ShapeObservation[],
  lagMs: number,
): ShapeVerdict {
  const fail = (reason: ShapeVerdict['reason'], frames = 0, areasSeen = 0): ShapeVerdict => ({
    passed: false,
    frames,
    areasSeen,
    z: 0,
    chanceFlat: 1,
    faceLikeness: 0,
    reason,
  });
  const regionCount = CANONICAL_NORMALS.length;
  const used: Array<{ area: ScreenArea; light: Rgb; y: number[][]; face: Array<[number, number]> }> = [];
  for (const o of observations) {
    if (!o.regions || o.regions.length !== regionCount) continue;
    const at = o.atMs - lagMs;
    const step = challenge.steps.find((s) => at >= s.startMs && at < s.startMs + s.durationMs);
    if (!step?.area) continue;
    if (at - step.startMs < SHAPE_RULES.edgeMs || step.startMs + step.durationMs - at < SHAPE_RULES.edgeMs) continue;
    const logs = o.regions.map((r) => r.rgb.map((v) => Math.log(Math.max(1, v))));
    const means = [0, 1, 2].map((c) => logs.reduce((s, l) => s + l[c]!, 0) / regionCount);
    const light = step.rgb.map((v) => v / 255);
    const lightMean = (light[0]! + light[1]! + light[2]!) / 3;
    used.push({
      area: step.area,
      // Less its mean over channels: what the step's colour lights against what it leaves dark in the same patch.
      light: light.map((v) => v - lightMean) as Rgb,
      y: logs.map((l) => {
        const centred = l.map((v, c) => v - means[c]!);
        const grey = (centred[0]! + centred[1]! + centred[2]!) / 3;
        return centred.map((v) => v - grey);
      }),
      face: o.regions.map((r) => r.face),
    });
  }
  const areas = SCREEN_AREAS.filter((a) => used.some((u) => u.area === a));
  if (used.length < SHAPE_RULES.minFrames) return fail('too_few_frames', used.length, areas.length);
  if (areas.length < SHAPE_RULES.minAreasSeen) return fail('too_few_areas', used.length, areas.length);

  // Per patch: its own log colour per channel, plus g[area] × the step's light in that channel.
  const g = areas.map(() => new Array<number>(regionCount).fill(0));
  const regionVariance = new Array<number>(regionCount).fill(0);
  const inverse = areas.map(() => new Array<number>(regionCount).fill(0));
  for (let r = 0; r < regionCount; r++) {
    const rows: number[][] = [];
    const y: number[] = [];
    for (const u of used) {
      for (let c = 0; c < 3; c++) {
        const row = new Array<number>(3 + areas.length).fill(0);
        row[c] = 1;
        row[3 + areas.indexOf(u.area)] = u.light[c]!;
        rows.push(row);
        y.push(u.y[r]![c]!);
      }
    }
    const fit = leastSquares(rows, y);
    if (!fit) return fail('too_few_areas', used.length, areas.length);
    areas.forEach((_, a) => {
      g[a]![r] = fit.beta[3 + a]!;
      inverse[a]![r] = fit.inverseDiagonal[3 + a]!;
    });
    const dof = rows.length - rows[0]!.length;
    // A floor keeps a perfect fit honest.
    regionVariance[r] = Math.max(dof > 0 ? fit.rss / dof : 0, 1e-6);
  }
  const positions = CANONICAL_NORMALS.map((_, r) => {
    const xs = used.map((u) => u.face[r]!);
    return [xs.reduce((s, p) => s + p[0], 0) / xs.length, xs.reduce((s, p) => s + p[1], 0) / xs.length] as [
      number,
      number,
    ];
  });
  let signal = 0;
  let templateEnergy = 0;
  let leftoverEnergy = 0;
  let variance = 0;
  areas.forEach((area, a) => {
    const left = unexplainedBySmooth(g[a]!, positions);
    const template = unexplainedBySmooth(predicted(area), positions);
    for (let r = 0; r < regionCount; r++) {
      // Each patch weighs by its own noise (a patch on an edge of hair or brow jitters with the landmarks). The
      // projection removes some noise too; counting it whole errs on the side of a smaller z.
      const weight = 1 / (regionVariance[r]! * inverse[a]![r]!);
      signal += weight * left[r]! * template[r]!;
      templateEnergy += weight * template[r]! ** 2;
      leftoverEnergy += weight * left[r]! ** 2;
      variance += weight * template[r]! ** 2;
    }
  });
  const z = variance > 0 ? signal / Math.sqrt(variance) : 0;
  const faceLikeness =
    templateEnergy > 0 && leftoverEnergy > 0 ? signal / Math.sqrt(templateEnergy * leftoverEnergy) : 0;
  const chanceFlat = Math.min(1, normalTail(z));
  const verdict = { frames: used.length, areasSeen: areas.length, z, chanceFlat, faceLikeness };
  if (chanceFlat <= SHAPE_RULES.maxChanceFlat && faceLikeness >= SHAPE_RULES.minFaceLikeness) {
    return { passed: true, ...verdict };
  }
  return { passed: false, ...verdict, reason: 'flat' };
}
