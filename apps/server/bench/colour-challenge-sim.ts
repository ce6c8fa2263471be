/**
 * How the screen-flash challenge separates a live face from a replay, by simulation: the real challenge generator and
 * verifier, fed frames the way the kiosk takes them (every 160 ms from 40 ms, up to 16, with capture jitter).
 *
 *   genuine  a face lit by the screen, seen after a camera delay, with sensor noise and exposure wobble; two lighting
 *            models: "screen adds light" (what the browser harness paints) and "skin reflects light" (each channel
 *            scaled by the skin's albedo)
 *   replay   the frames of one genuine session checked against another session's colours (a recorded video)
 *   still    a photo: no response to the screen at all
 *            and a camera whose frame shows the light of up to one frame period before its time stamp
 *   busy     a busy kiosk: each colour goes up 0–120 ms late and the camera pipeline's delay wanders by 0–120 ms a
 *            frame; the frames stamped when the kiosk copied them and checked against the schedule (as kiosks did
 *            before), or stamped when the camera took them and checked against the colours as the kiosk showed them
 *
 *   npx tsx apps/server/bench/colour-challenge-sim.ts [--sessions 5000]
 */
import { parseArgs } from 'node:util';
import {
  challengeAsShown,
  CHALLENGE_RULES,
  colourAt,
  createColourChallenge,
  verifyColourChallenge,
  type ColourChallenge,
  type ColourObservation,
  type Rgb,
} from '../src/modules/biometrics/liveness/colour-challenge.ts';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '5000' } } });
const sessions = Number(values.sessions);

const CAMERA = { firstAtMs: 40, everyMs: 160, maxFrames: 16, jitterMs: 30, noise: 3, exposureWobble: 0.05 };
const uniform = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const SKIN_TONES: Rgb[] = [
  [190, 140, 120],
  [160, 110, 90],
  [110, 75, 60],
  [225, 185, 165],
];

/** `frameAgeMs`: a frame shows the light of up to that long before its time stamp (a camera frame period). */
function capture(
  challenge: ColourChallenge,
  model: 'adds' | 'reflects' | 'none',
  strength = uniform(0.05, 0.15),
  frameAgeMs = 0,
): ColourObservation[] {
  const skin = SKIN_TONES[Math.floor(Math.random() * SKIN_TONES.length)]!;
  const delayMs = uniform(40, 200);
  const frames: ColourObservation[] = [];
  for (let at = CAMERA.firstAtMs; at < challenge.totalMs && frames.length < CAMERA.maxFrames; at += CAMERA.everyMs) {
    const atMs = at + Math.round(Math.random() * CAMERA.jitterMs);
    // Before the first colour reaches the camera, the face is lit by the kiosk's ordinary (white) screen.
    const light = colourAt(challenge, atMs - delayMs - Math.random() * frameAgeMs)?.rgb ?? [255, 255, 255];
    const exposure = 1 + uniform(-CAMERA.exposureWobble, CAMERA.exposureWobble);
    const lit = skin.map((s, c) => {
      if (model === 'none') return s;
      if (model === 'adds') return s * (1 - strength) + light[c]! * strength;
      return s * (1 - strength + (strength * light[c]!) / 128);
    });
    frames.push({
      atMs,
      faceRgb: lit.map((v) => Math.min(255, Math.max(0, v * exposure + uniform(-CAMERA.noise, CAMERA.noise)))) as Rgb,
    });
  }
  return frames;
}

const BUSY = { lateMs: 120, physicsMs: [20, 60], pipelineMs: [20, 140], wanderMs: 120 } as const;

/** A busy kiosk's session: the challenge as it went up on the screen, and the frames with both possible time stamps. */
function captureBusy(challenge: ColourChallenge, strength = uniform(0.05, 0.15)) {
  const late = challenge.steps.map((s, i) => (i === 0 ? 0 : s.startMs + Math.round(uniform(0, BUSY.lateMs))));
  const shownAtMs = late.concat(challenge.totalMs + Math.round(uniform(0, BUSY.lateMs)));
  const shown = challengeAsShown(challenge, shownAtMs)!;
  const skin = SKIN_TONES[Math.floor(Math.random() * SKIN_TONES.length)]!;
  const physicsMs = uniform(...BUSY.physicsMs);
  const pipelineMs = uniform(...BUSY.pipelineMs);
  const byCopy: ColourObservation[] = [];
  const byCamera: ColourObservation[] = [];
  for (let at = CAMERA.firstAtMs; at < challenge.totalMs && byCopy.length < CAMERA.maxFrames; at += CAMERA.everyMs) {
    const copiedAt = at + Math.random() * CAMERA.jitterMs;
    const takenAt = copiedAt - pipelineMs - Math.random() * BUSY.wanderMs;
    const light = colourAt(shown, takenAt - physicsMs)?.rgb ?? [255, 255, 255];
    const exposure = 1 + uniform(-CAMERA.exposureWobble, CAMERA.exposureWobble);
    const faceRgb = skin.map((v, c) =>
      Math.min(
        255,
        Math.max(0, (v * (1 - strength) + light[c]! * strength) * exposure + uniform(-CAMERA.noise, CAMERA.noise)),
      ),
    ) as Rgb;
    byCopy.push({ atMs: Math.round(copiedAt), faceRgb });
    byCamera.push({ atMs: Math.round(takenAt), faceRgb });
  }
  return { shown, byCopy, byCamera };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (x: number) => Math.round(x * 1000) / 1000;

const rows: Array<Record<string, unknown>> = [];
for (const [name, make] of [
  ['genuine, screen adds light', (c: ColourChallenge) => verifyColourChallenge(c, capture(c, 'adds'))],
  ['genuine, skin reflects light', (c: ColourChallenge) => verifyColourChallenge(c, capture(c, 'reflects'))],
  [
    'genuine, each frame up to one camera frame (40 ms) older than its stamp',
    (c: ColourChallenge) =>
      verifyColourChallenge(c, capture(c, Math.random() < 0.5 ? 'adds' : 'reflects', undefined, 40)),
  ],
  [
    'genuine, strong room light (strength 0.5–2 %)',
    (c: ColourChallenge) =>
      verifyColourChallenge(c, capture(c, Math.random() < 0.5 ? 'adds' : 'reflects', uniform(0.005, 0.02))),
  ],
  [
    'replay of another session',
    (c: ColourChallenge) =>
      verifyColourChallenge(c, capture(createColourChallenge(), Math.random() < 0.5 ? 'adds' : 'reflects')),
  ],
  ['still photo', (c: ColourChallenge) => verifyColourChallenge(c, capture(c, 'none'))],
  [
    'busy kiosk, frames stamped when copied, against the schedule',
    (c: ColourChallenge) => verifyColourChallenge(c, captureBusy(c).byCopy),
  ],
  [
    'busy kiosk, frames stamped when taken, against the colours as shown',
    (c: ColourChallenge) => {
      const session = captureBusy(c);
      return verifyColourChallenge(session.shown, session.byCamera);
    },
  ],
  [
    'busy kiosk, replay of another session, against the colours as shown',
    (c: ColourChallenge) => {
      const session = captureBusy(c);
      return verifyColourChallenge(session.shown, captureBusy(createColourChallenge()).byCamera);
    },
  ],
] as const) {
  const verdicts = Array.from({ length: sessions }, () => make(createColourChallenge()));
  const correlations = verdicts.map((v) => v.correlation).sort((a, b) => a - b);
  const responses = verdicts.map((v) => v.response).sort((a, b) => a - b);
  rows.push({
    case: name,
    passed: round(verdicts.filter((v) => v.passed).length / sessions),
    correlation: {
      min: round(correlations[0]!),
      p001: round(quantile(correlations, 0.001)),
      p01: round(quantile(correlations, 0.01)),
      p50: round(quantile(correlations, 0.5)),
      p99: round(quantile(correlations, 0.99)),
      max: round(correlations.at(-1)!),
    },
    log10ChanceInStep: (() => {
      const logs = verdicts.map((v) => Math.log10(Math.max(1e-300, v.chanceInStep))).sort((a, b) => a - b);
      return {
        min: round(logs[0]!),
        p001: round(quantile(logs, 0.001)),
        p01: round(quantile(logs, 0.01)),
        p50: round(quantile(logs, 0.5)),
        p99: round(quantile(logs, 0.99)),
        p999: round(quantile(logs, 0.999)),
        max: round(logs.at(-1)!),
      };
    })(),
    stepsMissed: (() => {
      const misses = verdicts.map((v) => v.stepsSeen - v.stepsConfirmed).sort((a, b) => a - b);
      return { missesP50: quantile(misses, 0.5), missesP99: quantile(misses, 0.99), missesMax: misses.at(-1) };
    })(),
    response: {
      min: round(responses[0]!),
      p001: round(quantile(responses, 0.001)),
      p50: round(quantile(responses, 0.5)),
      p999: round(quantile(responses, 0.999)),
      max: round(responses.at(-1)!),
    },
    // What face pay does next: pay, ask for the head turn (the flash did not show on the face), or refuse as a spoof.
    outcome: {
      passed: round(verdicts.filter((v) => v.passed).length / sessions),
      headTurn: round(verdicts.filter((v) => v.reason === 'no_colour_response').length / sessions),
      refused: round(verdicts.filter((v) => !v.passed && v.reason !== 'no_colour_response').length / sessions),
    },
    refusedBecause: verdicts.reduce<Record<string, number>>(
      (counts, v) => (v.passed ? counts : { ...counts, [v.reason!]: (counts[v.reason!] ?? 0) + 1 }),
      {},
    ),
  });
}
console.log(
  JSON.stringify(
    {
      sessions,
      maxChanceInStep: CHALLENGE_RULES.maxChanceInStep,
      minResponse: CHALLENGE_RULES.minResponse,
      camera: CAMERA,
      busy: BUSY,
      rows,
    },
    null,
    1,
  ),
);
