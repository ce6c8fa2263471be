import type { ScoreCalibration } from './open-set.ts';

/** Identifies the embedding space; templates made by another model or chip geometry are not comparable. */
export const MODEL_ID = 'faceapi128-chips3flip-v2';

/**
 * The identity template (template.ts). Chosen on lfw-dev, every pair (docs/benchmarks.md, "## Face template and
 * open-set calibration (lfw-dev)"): face-api's dlib ResNet (128-d) on the dlib 150 px chip, the mean over the chip at
 * each of `chipScales` and its mirror. `faceApiWeight` < 1 would fuse Human's faceres (1024-d) at 1 − w.
 */
export const EMBEDDING_FUSION = {
  /** face size in the chip relative to dlib's own framing (1.1 = 10 % larger, a tighter crop); each with its mirror */
  chipScales: [1, 1.1, 0.9] as readonly number[],
  faceApiWeight: 1,
  faceApiDimensions: 128,
  faceresDimensions: 1024,
  /** faceres sees a square of the detector box's side × this, centred between eyes and mouth */
  faceresCropScale: 1.2,
};

/**
 * What a picture may declare before it is decoded, and the size it is analysed at. Every stage after decoding works on
 * pixels (the tight-crop retry pads the picture to twice its size; the detectors pad it square), so the picture is
 * scaled down while it is decoded: a 24 MP blank PNG once took 27 s and 6.3 GB at full size and broke the wasm engine.
 * `analysisMaxSide`: see docs/benchmarks.md, "Image bombs".
 */
export const INPUT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 10_000,
  analysisMaxSide: 1280,
};

/** Quality gates; each failing gate adds its named reason to `quality.reasons`. */
export const QUALITY_LIMITS = {
  /** below ~30 px between the eyes the 150 px chip is mostly upsampled blur */
  minEyeDistancePx: 30,
  maxYawDeg: 30,
  maxPitchDeg: 25,
  maxRollDeg: 25,
  minBrightness: 50,
  maxBrightness: 210,
  minContrast: 15,
  minSharpness: 30,
  minEyeOpenness: 0.16,
  minDetectionScore: 0.5,
};

/** Passive liveness: both Human models must say "real"; the active (screen-flash) challenge lives in the server. */
export const PASSIVE_LIVENESS = {
  minAntispoof: 0.5,
  minLiveness: 0.5,
};

/**
 * Decision thresholds on the fused similarity (dot product of the unit embeddings = 0.75·cos(face-api) + 0.25·cos(faceres)).
 * Measured 2026-11-23 (docs/benchmarks.md, "## Face engine"):
 * - faces-bbt, 780 pairs (80 genuine): highest impostor 0.82; TAR 0.95 at 0.82, 0.85 at 0.85, 0.65 at 0.87.
 * - every pair of different people inside one face-api demo photo (same camera and light, the terminal's situation):
 *   highest 0.846 (sample6.jpg). face-api's net alone had reached 0.934–0.940 there (sample3.jpg), above any threshold
 *   that keeps TAR ≥ 0.85 on bbt; that is why the two networks are fused.
 * `match` = 0.85 is the lowest round value above every impostor seen in both sets (0.03 above bbt's, only 0.004 above
 * the demo photos'); it reaches the 0.85 TAR bar on bbt exactly. `high` (pay without a PIN) adds 0.02. `margin` is the
 * least lead the best gallery candidate must have over the runner-up.
 */
export const THRESHOLDS = {
  match: 0.85,
  high: 0.87,
  margin: 0.03,
};

/**
 * The measured trade-off behind `THRESHOLDS`, as the merchant console shows it (docs/benchmarks.md, "## Face engine");
 * the one place these figures live in code. Re-measure with `shualian face bench` and update both together.
 */
export const THRESHOLD_FIGURES = {
  measuredOn: '2026-11-23',
  source: 'docs/benchmarks.md, "## Face engine"',
  dataset: 'faces-bbt',
  genuinePairs: 80,
  impostorPairs: 700,
  atMatch: { threshold: THRESHOLDS.match, trueAcceptRate: 0.85, falseAccepts: 0 },
  atHigh: { threshold: THRESHOLDS.high, trueAcceptRate: 0.65, falseAccepts: 0 },
  /** highest similarity between two different people: on faces-bbt, and inside one face-api demo photo */
  highestImpostor: { facesBbt: 0.816, demoPhotos: 0.846 },
} as const;

/**
 * The impostor tail behind every open-set decision (open-set.ts). Provisional: the two figures measured on 774 news
 * photos of 400 people (298,653 impostor pairs, ../shared/NOTES.md) until the lfw-dev calibration replaces them.
 */
export const SCORE_CALIBRATION: ScoreCalibration = {
  measuredOn: '2026-12-01',
  source: '774 news photos of 400 people, 298,653 impostor pairs (not shared)',
  per: 'template',
  points: [
    { score: 0.85, log10Chance: Math.log10(4.1e-4) },
    { score: 0.87, log10Chance: Math.log10(3.7e-5) },
  ],
  slopeBeyond: -52,
};

/**
 * How 1:N face payment decides (identify-decision.ts): pay on the face alone when a stranger would score this high
 * against the gallery at most `payChance` per attempt (the merchant's default target) and the best member leads the
 * runner-up by `margin`; step up to the phone digits when the top score is at least `stepUpScore`; else refuse.
 */
export const IDENTIFY_POLICY = {
  payChance: 1e-5,
  margin: 0.03,
  stepUpScore: 0.8,
};
