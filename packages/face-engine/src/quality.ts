import { CHIP_SIZE, CHIP_TEMPLATE, eyeGeometry } from './align.ts';
import { QUALITY_LIMITS } from './config.ts';
import type { Point, RgbImage } from './image.ts';

export type QualityReason =
  'face_too_small' | 'bad_pose' | 'too_dark' | 'too_bright' | 'low_contrast' | 'blurred' | 'eyes_closed' | 'occluded';

export interface Pose {
  yaw: number;
  pitch: number;
  roll: number;
  /**
   * Yaw read from where the nose tip falls between the two edges of the jaw line (positive: the nose towards the
   * picture's right). About twice as sensitive to a turn of the head as `yaw`, and used for that: how far the head
   * turned between two frames of one person, not how frontal one picture is.
   */
  turn: number;
}

export interface QualityMetrics {
  eyeDistancePx: number;
  brightness: number;
  contrast: number;
  sharpness: number;
  eyeOpenness: number;
  detectionScore: number;
}

export interface Quality {
  ok: boolean;
  reasons: QualityReason[];
  metrics: QualityMetrics;
}

type Landmarks68 = readonly Point[];

/**
 * Head pose: roll from the eye line, yaw and pitch from where the nose falls among the 5 alignment points, turn from
 * where it falls between the jaw's edges (68-point landmarks 0, 16 and the nose tip 30).
 */
export function estimatePose(five: readonly Point[], landmarks: Landmarks68): Pose {
  const { rollDeg, eyeDistance } = eyeGeometry(five);
  const [l, r, nose, ml, mr] = five as [Point, Point, Point, Point, Point];
  const eyeMid: Point = [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2];
  const mouthMid: Point = [(ml[0] + mr[0]) / 2, (ml[1] + mr[1]) / 2];
  const roll = (rollDeg * Math.PI) / 180;
  // Undo the roll so "sideways" and "down" are the face's own axes.
  const local = (p: Point): Point => {
    const dx = p[0] - eyeMid[0];
    const dy = p[1] - eyeMid[1];
    return [dx * Math.cos(roll) + dy * Math.sin(roll), -dx * Math.sin(roll) + dy * Math.cos(roll)];
  };
  const n = local(nose);
  const m = local(mouthMid);
  // The nose tip stands about half an eye distance in front of the eyes: sideways shift ≈ 0.5·d·tan(yaw).
  const yaw = (Math.atan2(n[0], 0.5 * eyeDistance) * 180) / Math.PI;
  const frontalRatio =
    (CHIP_TEMPLATE[2]![1] - CHIP_TEMPLATE[0]![1]) /
    ((CHIP_TEMPLATE[3]![1] + CHIP_TEMPLATE[4]![1]) / 2 - CHIP_TEMPLATE[0]![1]);
  const ratio = m[1] > 0 ? n[1] / m[1] : frontalRatio;
  const pitch = (Math.atan2((ratio - frontalRatio) * 2.5, 1) * 180) / Math.PI;
  return { yaw, pitch, roll: rollDeg, turn: estimateTurn(landmarks) };
}

function estimateTurn(landmarks: Landmarks68): number {
  const [left, right, nose] = [landmarks[0], landmarks[16], landmarks[30]];
  if (!left || !right || !nose || right[0] === left[0]) return 0;
  const across = (nose[0] - left[0]) / (right[0] - left[0]);
  return (Math.asin(Math.max(-1, Math.min(1, 2 * across - 1))) * 180) / Math.PI;
}

function luminance(chip: RgbImage): Float32Array {
  const grey = new Float32Array(chip.width * chip.height);
  for (let i = 0; i < grey.length; i++)
    grey[i] = 0.299 * chip.data[i * 3]! + 0.587 * chip.data[i * 3 + 1]! + 0.114 * chip.data[i * 3 + 2]!;
  return grey;
}

/** Brightness and contrast over the inner face (forehead to chin, cheek to cheek) of the aligned chip. */
function exposure(grey: Float32Array): { brightness: number; contrast: number } {
  const lo = Math.round(CHIP_SIZE * 0.25);
  const hi = Math.round(CHIP_SIZE * 0.75);
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = lo; y < hi; y++) {
    for (let x = lo; x < hi; x++) {
      const v = grey[y * CHIP_SIZE + x]!;
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return { brightness: mean, contrast: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

/** Variance of the 4-neighbour Laplacian: sharp detail gives large values, blur small ones. */
function sharpness(grey: Float32Array): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < CHIP_SIZE - 1; y++) {
    for (let x = 1; x < CHIP_SIZE - 1; x++) {
      const i = y * CHIP_SIZE + x;
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - CHIP_SIZE]! + grey[i + CHIP_SIZE]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Eye aspect ratio averaged over both eyes (68-point outline: 36-41 and 42-47). */
export function eyeOpenness(landmarks: Landmarks68): number {
  const dist = (a: number, b: number) =>
    Math.hypot(landmarks[a]![0] - landmarks[b]![0], landmarks[a]![1] - landmarks[b]![1]);
  const ear = (o: number) => (dist(o + 1, o + 5) + dist(o + 2, o + 4)) / (2 * dist(o, o + 3));
  return (ear(36) + ear(42)) / 2;
}

export function assessQuality(input: {
  chip: RgbImage;
  five: readonly Point[];
  landmarks: Landmarks68;
  detectionScore: number;
  pose: Pose;
}): Quality {
  const grey = luminance(input.chip);
  const { brightness, contrast } = exposure(grey);
  const metrics: QualityMetrics = {
    eyeDistancePx: eyeGeometry(input.five).eyeDistance,
    brightness,
    contrast,
    sharpness: sharpness(grey),
    eyeOpenness: eyeOpenness(input.landmarks),
    detectionScore: input.detectionScore,
  };
  const L = QUALITY_LIMITS;
  const reasons: QualityReason[] = [];
  if (metrics.eyeDistancePx < L.minEyeDistancePx) reasons.push('face_too_small');
  if (
    Math.abs(input.pose.yaw) > L.maxYawDeg ||
    Math.abs(input.pose.pitch) > L.maxPitchDeg ||
    Math.abs(input.pose.roll) > L.maxRollDeg
  )
    reasons.push('bad_pose');
  if (brightness < L.minBrightness) reasons.push('too_dark');
  if (brightness > L.maxBrightness) reasons.push('too_bright');
  if (contrast < L.minContrast && brightness >= L.minBrightness && brightness <= L.maxBrightness)
    reasons.push('low_contrast');
  if (metrics.sharpness < L.minSharpness) reasons.push('blurred');
  if (metrics.eyeOpenness < L.minEyeOpenness) reasons.push('eyes_closed');
  // Masks, hands and hair over the face lower the detector's confidence well before the face is lost.
  if (input.detectionScore < L.minDetectionScore) reasons.push('occluded');
  return { ok: reasons.length === 0, reasons, metrics };
}
