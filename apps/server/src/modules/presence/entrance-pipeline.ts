import {
  decideIdentity,
  ENTRANCE_CALIBRATION,
  QUALITY_LIMITS,
  THRESHOLDS,
  type IdentifyPolicy,
} from '@shualian/face-engine';
import type { MemberGallery, Recognizer } from '../biometrics/index.ts';
import type { Gender } from './demographics.ts';
import type { TrackerRules } from './visit-tracker.ts';

/**
 * The entrance's steps between a face crop and a visit, shared by the server (entrance.service.ts) and
 * `shualian entrance replay`, so both decide alike: read the crop with the face engine, name the face among the
 * members who agreed to be recognised at the entrance threshold, and let the visit tracker place it.
 */

/** A crop the engine could describe: the face it looks at, and what it estimates of that person. */
export interface CropReading {
  /** unit-length embedding of the crop's subject: held in memory by the tracker only, never stored */
  embedding: Float32Array;
  /** the face passed every quality gate (size, pose, light, sharpness, alone): only then may it be named */
  clear: boolean;
  age: number | null;
  gender: Gender | null;
}

export type CropOutcome = { kind: 'face'; reading: CropReading } | { kind: 'no_face'; reasons: string[] };

/**
 * The face engine on one crop (it has passed the image gate), analysed as an entrance crop: the cheaper analysis that
 * keeps what counting and greeting use. A crop whose face cannot be described counts nobody.
 */
export async function readCrop(recognizer: Recognizer, image: Buffer): Promise<CropOutcome> {
  const analysis = await recognizer.analyze(image, { purpose: 'entrance' });
  if (!analysis.identifiable || !analysis.embedding) return { kind: 'no_face', reasons: analysis.reasons };
  return {
    kind: 'face',
    reading: { embedding: analysis.embedding, clear: analysis.usable, age: analysis.age, gender: analysis.gender },
  };
}

/**
 * The entrance's open-set policy: a face is named only when a stranger would score as high against the consenting
 * members' templates at most once in `strangerOneIn` crops (ENTRANCE_CALIBRATION) and the best member leads the
 * runner-up by the engine's margin. There is no step-up at a door: below that the face stays anonymous.
 */
export function entrancePolicy(strangerOneIn: number): IdentifyPolicy {
  return {
    calibration: ENTRANCE_CALIBRATION,
    payChance: 1 / strangerOneIn,
    margin: THRESHOLDS.margin,
    stepUpScore: Number.POSITIVE_INFINITY,
  };
}

export interface EntranceNaming {
  /** the consenting member this face is taken for, or null (anonymous) */
  member: string | null;
  /** best score among the consenting members (null: none to compare with, or the crop was not clear) */
  score: number | null;
  strangerChance: number;
}

/**
 * Names a clear face among `consenting` (members with entrance consent in force): only their templates are compared,
 * so a member who did not agree is never recognised at the door, not even to be set aside. Unclear faces stay
 * anonymous.
 */
export function nameAtEntrance(
  gallery: MemberGallery,
  merchantId: string,
  reading: CropReading,
  consenting: ReadonlySet<string>,
  strangerOneIn: number,
): EntranceNaming {
  if (!reading.clear || consenting.size === 0) return { member: null, score: null, strangerChance: 1 };
  const search = gallery.search(merchantId, reading.embedding, { k: 2, members: consenting });
  const [top, second] = search.matches;
  if (!top) return { member: null, score: null, strangerChance: 1 };
  const extent = gallery.extent(merchantId, consenting);
  const verdict = decideIdentity(
    {
      top: { member: top.memberId, score: top.score },
      second: second?.score ?? null,
      entries: ENTRANCE_CALIBRATION.per === 'member' ? extent.members : extent.templates,
    },
    entrancePolicy(strangerOneIn),
  );
  return {
    member: verdict.decision === 'pay' ? verdict.member : null,
    score: verdict.score,
    strangerChance: verdict.strangerChance,
  };
}

/**
 * How the tracker tells people apart and when their visit ends: the same face is the engine's 1:1 `match` score
 * (lfw-dev: 1e-4 of impostor pairs reach it), best match first; the window is the merchant's.
 */
export function trackerRules(recognizer: Recognizer, windowMinutes: number): TrackerRules {
  return {
    windowMs: windowMinutes * 60_000,
    sameFace: recognizer.thresholds.match,
    similarity: (a, b) => recognizer.similarity(a, b),
  };
}

/** What the on-device picker should send, told to the camera (`getEntranceCameraConfig`). */
export const CROP_RULES = {
  /** crops per request at most */
  maxCropsPerRequest: 4,
  /** a few crops a second per person are enough: more only cost analysis */
  maxCropsPerSecondPerPerson: 3,
  /** the face's eye distance the quality gates need (px, in the crop) */
  minEyeDistancePx: QUALITY_LIMITS.minEyeDistancePx,
} as const;
