import { randomBytes, randomInt } from 'node:crypto';

/**
 * Active liveness by screen flash. The kiosk lights the shopper's face with a random sequence of colours chosen here;
 * a real face a few tens of centimetres from the screen reflects each colour, in step with the schedule. A printed
 * photo or a replayed video shows no such change, or changes out of step.
 *
 * Verification works on log colour with each frame's grey level taken out (so the camera's exposure does not count)
 * and each channel's mean over the frames taken out (so skin tone and the room's light do not count), and correlates
 * what is left with the screen colours shown, trying capture delays up to 300 ms in 10 ms steps.
 */
export type Rgb = [number, number, number];

export interface ColourStep {
  rgb: Rgb;
  startMs: number;
  durationMs: number;
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
// wobble. Genuine sessions pass 998–999 times in 1,000 (the rest may try again); a session's frames replayed against
// another session's colours scored at most 0.85 in 10,000, a still photo 0.71. The 10 ms delay grid matters: at 25 ms,
// one frame caught on the wrong side of a colour change pulled 1 genuine session in 50 under the bar.
export const CHALLENGE_RULES = {
  steps: 10,
  stepMs: 250,
  minFrames: 8,
  minColoursSeen: 4,
  /** Every run of this many steps shows at least `minColoursSeen` colours, whatever part of it the frames cover. */
  windowSteps: 8,
  minCorrelation: 0.87,
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

/** `pick(n)` returns a whole number below n; cryptographic by default (tests may seed it). */
export function createColourChallenge(pick: (n: number) => number = randomInt): ColourChallenge {
  let colours = randomSequence(pick);
  while (!variedEnough(colours)) colours = randomSequence(pick);
  const steps = colours.map((colour, i) => ({ rgb: PALETTE[colour]!, startMs: i * CHALLENGE_RULES.stepMs, durationMs: CHALLENGE_RULES.stepMs }));
  return { nonce: randomBytes(12).toString('base64url'), steps, totalMs: CHALLENGE_RULES.steps * CHALLENGE_RULES.stepMs };
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
    if (new Set(colours.slice(start, start + CHALLENGE_RULES.windowSteps)).size < CHALLENGE_RULES.minColoursSeen) return false;
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
    if (shownAtMs[i]! < scheduled[i]! || shownAtMs[i]! > scheduled[i]! + CHALLENGE_RULES.maxShownLateMs) return undefined;
  }
  return {
    nonce: challenge.nonce,
    steps: challenge.steps.map((step, i) => ({ rgb: step.rgb, startMs: shownAtMs[i]!, durationMs: shownAtMs[i + 1]! - shownAtMs[i]! })),
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

export function verifyColourChallenge(challenge: ColourChallenge, observations: ColourObservation[]): ColourVerdict {
  const response = colourResponse(observations.filter((o) => o.atMs >= 0 && o.atMs < challenge.totalMs + CHALLENGE_RULES.maxLagMs));
  let enoughFrames = false;
  let best: { correlation: number; lagMs: number } | undefined;
  for (let lag = 0; lag <= CHALLENGE_RULES.maxLagMs; lag += CHALLENGE_RULES.lagStepMs) {
    const paired = observations
      .map((o) => ({ seen: o.faceRgb, shown: colourAt(challenge, o.atMs - lag) }))
      .filter((p): p is { seen: Rgb; shown: ColourStep } => p.shown !== undefined);
    if (paired.length < CHALLENGE_RULES.minFrames) continue;
    enoughFrames = true;
    if (new Set(paired.map((p) => p.shown.rgb.join(','))).size < CHALLENGE_RULES.minColoursSeen) continue;
    const seen = centred(paired.map((p) => logChroma(p.seen))).flat();
    const shown = centred(paired.map((p) => hue(p.shown.rgb))).flat();
    const correlation = pearson(seen, shown);
    if (!best || correlation > best.correlation) best = { correlation, lagMs: lag };
  }
  if (!best) return { passed: false, correlation: 0, lagMs: 0, response, reason: enoughFrames ? 'too_few_colours' : 'too_few_frames' };
  if (best.correlation >= CHALLENGE_RULES.minCorrelation) return { passed: true, ...best, response };
  return { passed: false, ...best, response, reason: response < CHALLENGE_RULES.minResponse ? 'no_colour_response' : 'out_of_step' };
}
