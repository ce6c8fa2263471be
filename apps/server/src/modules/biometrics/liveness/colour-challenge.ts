import { randomBytes, randomInt } from 'node:crypto';

/**
 * Active liveness by screen flash. The kiosk lights the shopper's face with a random sequence of colours chosen here;
 * a real face a few tens of centimetres from the screen reflects each colour, in step with the schedule. A printed
 * photo or a replayed video shows no such change, or changes out of step.
 *
 * Each frame's face colour is taken as log colour less its grey level (so the camera's exposure does not count) and
 * less its mean over the frames (so skin tone and the room's light do not count). For each capture delay up to 300 ms
 * (10 ms steps) the verifier fits how strongly the screen's colours show on the face, then asks of every frame which
 * of the six screen colours it shows, and counts the frames in step with the screen. A frame taken within a few tens
 * of ms of a colour change may show either colour (the camera's frame time is only known to a frame period), so there
 * both count. The decision is the chance that a sequence out of step with this screen (a replay, an injected video)
 * gets that many frames right by luck: one frame a few ms off no longer sinks a live face, as it did when the
 * decision was a correlation coefficient.
 */
import { screenAreas, type ScreenArea } from './shape-challenge.ts';

export type Rgb = [number, number, number];

export interface ColourStep {
  rgb: Rgb;
  startMs: number;
  durationMs: number;
  /** The half of the screen the colour lights (the rest is black), for the shape check; the whole screen if absent. */
  area?: ScreenArea;
}

export interface ColourChallenge {
  nonce: string;
  steps: ColourStep[];
  totalMs: number;
}

export interface ColourObservation {
  /** Milliseconds since the first step started, by the kiosk's clock. */
  atMs: number;
  /** Mean colour of the face region in that frame. */
  faceRgb: Rgb;
}

export interface ColourVerdict {
  passed: boolean;
  /** Steps of the sequence the face confirmed at the best delay (see `stepsSeen`), of the steps the frames cover. */
  stepsConfirmed: number;
  stepsSeen: number;
  /**
   * The chance that a face out of step with this screen confirms as many steps by luck, over every delay tried: what a
   * replayed or injected video would need to get past. Passes at or below `maxChanceInStep`.
   */
  chanceInStep: number;
  /** Pearson correlation of the face's colour with the screen's at that delay (reported; no longer the decision). */
  correlation: number;
  lagMs: number;
  /** How much the face's colour changed over the frames (RMS of the centred log colour): is the flash visible at all? */
  response: number;
  /**
   * `no_colour_response`: the face's colour barely changed. A still picture, or light so strong that the screen's
   * colours do not show on the face; the flash cannot tell which. `out_of_step`: it changed, but not with the screen.
   */
  reason?: 'too_few_frames' | 'too_few_colours' | 'no_colour_response' | 'out_of_step';
}

const PALETTE: Rgb[] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 0],
  [255, 0, 255],
  [0, 255, 255],
];

// Chosen by simulation (apps/server/bench/colour-challenge-sim.ts; figures in docs/benchmarks.md): kiosk frames every
// 160 ms with up to 30 ms of jitter, a face lit at 5–15 % strength, a 40–200 ms camera delay, sensor noise, exposure
// wobble, frames up to a camera frame older than their stamp, a busy kiosk's late colours. In 10,000 sessions a case,
// live faces pass 999–1,000 times in 1,000 with a chance by luck of 1e-6.3 at the median; no replay of another
// session passes, the luckiest at 1e-2.1–1e-2.3: the bar of 1e-4 sits two decades from either side.
export const CHALLENGE_RULES = {
  steps: 10,
  stepMs: 250,
  minFrames: 8,
  minColoursSeen: 4,
  /** Every run of this many steps shows at least `minColoursSeen` colours, whatever part of it the frames cover. */
  windowSteps: 8,
  /** Within this many ms of a colour change (at the delay tried) a frame may show either colour. */
  edgeMs: 50,
  /** The most that luck may explain: see `chanceInStep`. Chosen by simulation (bench/colour-challenge-sim.ts). */
  maxChanceInStep: 1e-4,
  /**
   * Below this `response` the flash did not show on the face. In simulation a face lit at 5–15 % never fell under
   * 0.049, a replayed session never under 0.046; a still photo never rose above 0.041.
   */
  minResponse: 0.04,
  maxLagMs: 300,
  lagStepMs: 10,
  /** How late a busy kiosk may show a colour before its session is not worth checking. */
  maxShownLateMs: 1_000,
};

/**
 * `pick(n)` returns a whole number below n; cryptographic by default (tests may seed it). With `areas`, each colour
 * lights one half of the screen (see shape-challenge.ts).
 */
export function createColourChallenge(
  pick: (n: number) => number = randomInt,
  options: { areas?: boolean } = {},
): ColourChallenge {
  let colours = randomSequence(pick);
  while (!variedEnough(colours)) colours = randomSequence(pick);
  const areas = options.areas ? screenAreas(colours.length, pick) : undefined;
  const steps = colours.map((colour, i) => ({
    rgb: PALETTE[colour]!,
    startMs: i * CHALLENGE_RULES.stepMs,
    durationMs: CHALLENGE_RULES.stepMs,
    ...(areas ? { area: areas[i]! } : {}),
  }));
  return {
    nonce: randomBytes(12).toString('base64url'),
    steps,
    totalMs: CHALLENGE_RULES.steps * CHALLENGE_RULES.stepMs,
  };
}

/** Palette indexes, never the same colour twice in a row. */
function randomSequence(pick: (n: number) => number): number[] {
  const colours: number[] = [];
  for (let i = 0; i < CHALLENGE_RULES.steps; i++) {
    let colour = pick(PALETTE.length);
    while (colour === colours[i - 1]) colour = pick(PALETTE.length);
    colours.push(colour);
  }
  return colours;
}

/** A sequence that swings between two or three colours says too little: about 1 in 200 would, so they are redrawn. */
function variedEnough(colours: number[]): boolean {
  for (let start = 0; start + CHALLENGE_RULES.windowSteps <= colours.length; start++) {
    if (new Set(colours.slice(start, start + CHALLENGE_RULES.windowSteps)).size < CHALLENGE_RULES.minColoursSeen)
      return false;
  }
  return true;
}

/**
 * The challenge as the kiosk actually showed it: `shownAtMs` holds when each colour went up (ms since the first; so
 * the first is 0) and, last, when the flash ended. A busy terminal puts a colour up some tens of ms after its
 * schedule; lining frames up with the colours as shown, not as scheduled, keeps a genuine face in step. Undefined when
 * the times cannot be a showing of this challenge: a wrong count, out of order, early, or very late.
 */
export function challengeAsShown(challenge: ColourChallenge, shownAtMs: number[]): ColourChallenge | undefined {
  if (shownAtMs.length !== challenge.steps.length + 1 || shownAtMs[0] !== 0) return undefined;
  const scheduled = challenge.steps.map((s) => s.startMs).concat(challenge.totalMs);
  for (let i = 1; i < shownAtMs.length; i++) {
    // Equal times: a kiosk stalled past a whole step never showed that colour.
    if (shownAtMs[i]! < shownAtMs[i - 1]!) return undefined;
    if (shownAtMs[i]! < scheduled[i]! || shownAtMs[i]! > scheduled[i]! + CHALLENGE_RULES.maxShownLateMs)
      return undefined;
  }
  return {
    nonce: challenge.nonce,
    steps: challenge.steps.map((step, i) => ({
      ...step,
      startMs: shownAtMs[i]!,
      durationMs: shownAtMs[i + 1]! - shownAtMs[i]!,
    })),
    totalMs: shownAtMs.at(-1)!,
  };
}

export function colourAt(challenge: ColourChallenge, atMs: number): ColourStep | undefined {
  return challenge.steps.find((s) => atMs >= s.startMs && atMs < s.startMs + s.durationMs);
}

/** Log colour less its grey level: what is left changes with the light's colour, not with its strength. */
const logChroma = (rgb: Rgb): Rgb => {
  const l = rgb.map((v) => Math.log(Math.max(1, v))) as Rgb;
  const grey = (l[0] + l[1] + l[2]) / 3;
  return [l[0] - grey, l[1] - grey, l[2] - grey];
};

/** The screen colour less its grey level. */
const hue = ([r, g, b]: Rgb): Rgb => {
  const grey = (r + g + b) / 3;
  return [r - grey, g - grey, b - grey];
};

function centred(values: Rgb[]): Rgb[] {
  const mean: Rgb = [0, 0, 0];
  for (const v of values) for (let c = 0; c < 3; c++) mean[c]! += v[c]! / values.length;
  return values.map((v) => [v[0] - mean[0], v[1] - mean[1], v[2] - mean[2]]);
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** Root mean square of the face's log colour less its grey level and its mean over the frames. */
function colourResponse(observations: ColourObservation[]): number {
  if (observations.length === 0) return 0;
  const values = centred(observations.map((o) => logChroma(o.faceRgb))).flat();
  return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / observations.length);
}

interface Paired {
  seen: Rgb;
  step: number;
  shown: ColourStep;
  /** The colours this frame may show: the step's own, and its neighbour's within `edgeMs` of a change. */
  allowed: Rgb[];
}

function pairAt(challenge: ColourChallenge, observations: ColourObservation[], lagMs: number): Paired[] {
  const paired: Paired[] = [];
  for (const o of observations) {
    const at = o.atMs - lagMs;
    const index = challenge.steps.findIndex((s) => at >= s.startMs && at < s.startMs + s.durationMs);
    if (index < 0) continue;
    const shown = challenge.steps[index]!;
    const allowed = [shown.rgb];
    const before = challenge.steps[index - 1];
    const next = challenge.steps[index + 1];
    if (before && at - shown.startMs < CHALLENGE_RULES.edgeMs) allowed.push(before.rgb);
    if (next && shown.startMs + shown.durationMs - at < CHALLENGE_RULES.edgeMs) allowed.push(next.rgb);
    paired.push({ seen: o.faceRgb, step: index, shown, allowed });
  }
  return paired;
}

const sameRgb = (a: Rgb, b: Rgb) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * The screen colour each frame shows. The strength with which the screen shows on the face is fitted by least squares
 * over the frames, then each frame is given the screen colour whose predicted face colour is nearest to what it shows;
 * a face that does not follow the screen (or follows it inverted) shows none.
 */
function coloursShown(paired: Paired[]): Array<Rgb | undefined> {
  const seen = centred(paired.map((p) => logChroma(p.seen)));
  const mean: Rgb = [0, 0, 0];
  for (const p of paired) for (let c = 0; c < 3; c++) mean[c]! += hue(p.shown.rgb)[c]! / paired.length;
  const expected = (rgb: Rgb): Rgb => {
    const h = hue(rgb);
    return [h[0] - mean[0], h[1] - mean[1], h[2] - mean[2]];
  };
  let dot = 0;
  let norm = 0;
  paired.forEach((p, i) => {
    const e = expected(p.shown.rgb);
    for (let c = 0; c < 3; c++) {
      dot += seen[i]![c]! * e[c]!;
      norm += e[c]! * e[c]!;
    }
  });
  const strength = norm === 0 ? 0 : dot / norm;
  if (strength <= 0) return paired.map(() => undefined);
  return paired.map((_, i) => {
    let nearest: Rgb | undefined;
    let nearestDistance = Infinity;
    for (const rgb of PALETTE) {
      const e = expected(rgb);
      const distance =
        (seen[i]![0] - strength * e[0]) ** 2 +
        (seen[i]![1] - strength * e[1]) ** 2 +
        (seen[i]![2] - strength * e[2]) ** 2;
      if (distance < nearestDistance) [nearest, nearestDistance] = [rgb, distance];
    }
    return nearest;
  });
}

interface StepSeen {
  /** Some frame of the step, away from its changes, was taken. */
  clear: boolean;
  confirmed: boolean;
}

/**
 * What the face shows of each step the frames cover. A step with a frame away from its changes is confirmed when such
 * a frame shows the step's own colour and no frame of it shows a colour it cannot show; a step seen only near a change
 * is confirmed by either colour it may show. Counted by step, not by frame: a replay's frames within one step are not
 * independent evidence.
 */
function stepsSeen(paired: Paired[]): StepSeen[] {
  const shown = coloursShown(paired);
  const byStep = new Map<number, { clear: boolean; own: boolean; allowed: boolean; contradicted: boolean }>();
  paired.forEach((p, i) => {
    const step = byStep.get(p.step) ?? { clear: false, own: false, allowed: false, contradicted: false };
    const colour = shown[i];
    const clear = p.allowed.length === 1;
    step.clear ||= clear;
    if (colour && sameRgb(colour, p.shown.rgb)) {
      if (clear) step.own = true;
      step.allowed = true;
    } else if (colour && p.allowed.some((rgb) => sameRgb(rgb, colour))) step.allowed = true;
    else step.contradicted = true;
    byStep.set(p.step, step);
  });
  return [...byStep.values()].map((s) => ({
    clear: s.clear,
    confirmed: !s.contradicted && (s.clear ? s.own : s.allowed),
  }));
}

/**
 * The chance that a face out of step with this screen confirms at least as many steps by luck: a step seen clearly
 * shows its own colour by luck one time in six (the palette's size), a step seen only near a change one of its two
 * colours two times in six, each independently (a Poisson binomial tail, computed exactly).
 */
function chanceByLuck(steps: StepSeen[]): number {
  let distribution = [1];
  for (const step of steps) {
    const p = (step.clear ? 1 : 2) / PALETTE.length;
    const next = new Array<number>(distribution.length + 1).fill(0);
    distribution.forEach((weight, k) => {
      next[k]! += weight * (1 - p);
      next[k + 1]! += weight * p;
    });
    distribution = next;
  }
  const confirmed = steps.filter((s) => s.confirmed).length;
  return Math.min(
    1,
    distribution.slice(confirmed).reduce((sum, x) => sum + x, 0),
  );
}

export function verifyColourChallenge(challenge: ColourChallenge, observations: ColourObservation[]): ColourVerdict {
  const response = colourResponse(
    observations.filter((o) => o.atMs >= 0 && o.atMs < challenge.totalMs + CHALLENGE_RULES.maxLagMs),
  );
  let enoughFrames = false;
  let lagsTried = 0;
  let best:
    { stepsConfirmed: number; stepsSeen: number; chance: number; correlation: number; lagMs: number } | undefined;
  for (let lag = 0; lag <= CHALLENGE_RULES.maxLagMs; lag += CHALLENGE_RULES.lagStepMs) {
    const paired = pairAt(challenge, observations, lag);
    if (paired.length < CHALLENGE_RULES.minFrames) continue;
    enoughFrames = true;
    if (new Set(paired.map((p) => p.shown.rgb.join(','))).size < CHALLENGE_RULES.minColoursSeen) continue;
    lagsTried++;
    const steps = stepsSeen(paired);
    const confirmed = steps.filter((step) => step.confirmed).length;
    const chance = chanceByLuck(steps);
    const correlation = pearson(
      centred(paired.map((p) => logChroma(p.seen))).flat(),
      centred(paired.map((p) => hue(p.shown.rgb))).flat(),
    );
    if (!best || chance < best.chance || (chance === best.chance && correlation > best.correlation)) {
      best = { stepsConfirmed: confirmed, stepsSeen: steps.length, chance, correlation, lagMs: lag };
    }
  }
  if (!best) {
    return {
      passed: false,
      stepsConfirmed: 0,
      stepsSeen: 0,
      chanceInStep: 1,
      correlation: 0,
      lagMs: 0,
      response,
      reason: enoughFrames ? 'too_few_colours' : 'too_few_frames',
    };
  }
  // Trying every delay gives luck that many tries (a union bound).
  const chanceInStep = Math.min(1, best.chance * lagsTried);
  const verdict = {
    stepsConfirmed: best.stepsConfirmed,
    stepsSeen: best.stepsSeen,
    chanceInStep,
    correlation: best.correlation,
    lagMs: best.lagMs,
    response,
  };
  if (chanceInStep <= CHALLENGE_RULES.maxChanceInStep) return { passed: true, ...verdict };
  return {
    passed: false,
    ...verdict,
    reason: response < CHALLENGE_RULES.minResponse ? 'no_colour_response' : 'out_of_step',
  };
}
