import { estimatePose, eyeGeometry, fivePoints, QUALITY_LIMITS, type Point } from '@shualian/face-engine/on-device';
import type { FaceMeasure } from './sharpness.ts';

/**
 * Whether a face the camera sees is worth a crop: big enough, roughly frontal, whole in the picture, lit and sharp.
 * Size and pose are the server's own quality gates (`@shualian/face-engine/on-device`: the same pose formula and
 * limits), with an allowance for the device's lighter landmarks; light and sharpness are measured on the device
 * (sharpness.ts). A face that fails is not sent: the server would only answer `no_face` for it, after the work.
 */

export const FACE_REASONS = ['too_small', 'turned', 'cut_off', 'unsure', 'too_dark', 'too_bright', 'blurred'] as const;
export type FaceReason = (typeof FACE_REASONS)[number];

export interface FaceGeometry {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  /** 68 landmarks, frame pixels */
  landmarks: readonly (readonly [number, number])[];
}

export const FACE_RULES = {
  /**
   * Degrees of pose the device lets through beyond the server's limits (QUALITY_LIMITS: yaw 30, pitch 25, roll 25):
   * its tiny landmark model reads pitch several degrees off the server's on the same face.
   */
  poseAllowanceDeg: 5,
  /** the detector's confidence below which a "face" is as likely a pattern on a coat */
  minScore: 0.5,
  /** how far the box may reach past the picture's edge, as a share of its size, before the face counts as cut off */
  maxOutside: 0.1,
  /** mean brightness of the face: the server's limits */
  minBrightness: QUALITY_LIMITS.minBrightness,
  maxBrightness: QUALITY_LIMITS.maxBrightness,
  /**
   * Variance of the Laplacian on the face at 96 px (sharpness.ts). Measured 2026-12 on the first photo of every third
   * person of lfw-dev (300 people, 359 faces, with face-api's demo photos): at 40 the device holds back 1 of the 278
   * faces the server's engine finds sharp, and 330 of the 359 faces blurred with σ = 2 px (356 with σ = 3; lfw-dev
   * faces are about the measured size).
   */
  minSharpness: 40,
} as const;

export interface FaceVerdict {
  ok: boolean;
  reasons: FaceReason[];
  eyeDistancePx: number;
  pose: { yaw: number; pitch: number; roll: number };
}

/** Eye distance, pose, placement and confidence: what can be judged before reading the face's pixels. */
export function judgeGeometry(
  face: FaceGeometry,
  frame: { width: number; height: number },
  minEyeDistancePx: number,
): FaceVerdict {
  const points = face.landmarks.map((p) => [p[0], p[1]] as Point);
  const five = fivePoints(points);
  const { eyeDistance } = eyeGeometry(five);
  const { yaw, pitch, roll } = estimatePose(five, points);
  const reasons: FaceReason[] = [];
  if (eyeDistance < minEyeDistancePx) reasons.push('too_small');
  const allow = FACE_RULES.poseAllowanceDeg;
  if (
    Math.abs(yaw) > QUALITY_LIMITS.maxYawDeg + allow ||
    Math.abs(pitch) > QUALITY_LIMITS.maxPitchDeg + allow ||
    Math.abs(roll) > QUALITY_LIMITS.maxRollDeg + allow
  )
    reasons.push('turned');
  const { x, y, width, height } = face.box;
  const outside = FACE_RULES.maxOutside;
  if (
    x < -width * outside ||
    y < -height * outside ||
    x + width > frame.width + width * outside ||
    y + height > frame.height + height * outside
  )
    reasons.push('cut_off');
  if (face.score < FACE_RULES.minScore) reasons.push('unsure');
  return { ok: reasons.length === 0, reasons, eyeDistancePx: eyeDistance, pose: { yaw, pitch, roll } };
}

/** Adds what the face's pixels say (light, sharpness) to a verdict on its geometry. */
export function judgePixels(verdict: FaceVerdict, measure: FaceMeasure): FaceVerdict {
  const reasons = [...verdict.reasons];
  if (measure.brightness < FACE_RULES.minBrightness) reasons.push('too_dark');
  if (measure.brightness > FACE_RULES.maxBrightness) reasons.push('too_bright');
  if (measure.sharpness < FACE_RULES.minSharpness) reasons.push('blurred');
  return { ...verdict, ok: reasons.length === 0, reasons };
}

/** The part of a face's box its pixels are measured on: the middle 80 %, where the face is and the background is not. */
export function innerFace(box: FaceGeometry['box'], frame: { width: number; height: number }) {
  const left = Math.max(0, Math.round(box.x + box.width * 0.1));
  const top = Math.max(0, Math.round(box.y + box.height * 0.1));
  const right = Math.min(frame.width, Math.round(box.x + box.width * 0.9));
  const bottom = Math.min(frame.height, Math.round(box.y + box.height * 0.9));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
