import type { Point, RgbImage } from './image.ts';

/**
 * Patches of the face that face the screen in different directions, placed by the 68 landmarks (iBUG order; the
 * picture is not mirrored, so the subject's right side is the picture's left): the brow faces up, the nose's sides
 * face sideways, the area under the nose and the lip crease face down, the outer cheeks face out. The screen's
 * shape challenge reads how each patch answers light from different parts of the screen; a flat print's patches all
 * face one way.
 *
 * Each patch is a square around a point made from landmarks, half as wide as `half` × the distance between the eyes.
 */
type Recipe = { name: string; at: (m: Point[], frame: FaceFrame) => Point; half: number };

interface FaceFrame {
  /** Unit vector from the subject's right eye to their left (picture left to right). */
  u: Point;
  /** Unit vector down the face, perpendicular to `u`. */
  v: Point;
  eyes: Point;
  iod: number;
}

const mean = (m: Point[], ...indexes: number[]): Point => {
  let x = 0;
  let y = 0;
  for (const i of indexes) {
    x += m[i]![0];
    y += m[i]![1];
  }
  return [x / indexes.length, y / indexes.length];
};
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const along = (p: Point, f: FaceFrame, du: number, dv: number): Point => [
  p[0] + (f.u[0] * du + f.v[0] * dv) * f.iod,
  p[1] + (f.u[1] * du + f.v[1] * dv) * f.iod,
];

export const FACE_REGIONS: readonly Recipe[] = [
  { name: 'forehead', at: (m, f) => along(mean(m, 19, 24), f, 0, -0.3), half: 0.14 },
  { name: 'brow_r', at: (m, f) => along(mean(m, 18, 19, 20), f, 0, -0.1), half: 0.09 },
  { name: 'brow_l', at: (m, f) => along(mean(m, 23, 24, 25), f, 0, -0.1), half: 0.09 },
  { name: 'nose_bridge', at: (m) => mean(m, 28), half: 0.07 },
  { name: 'nose_tip', at: (m) => mean(m, 30), half: 0.07 },
  { name: 'nose_side_r', at: (m, f) => along(lerp(m[29]!, m[31]!, 0.6), f, -0.06, 0), half: 0.05 },
  { name: 'nose_side_l', at: (m, f) => along(lerp(m[29]!, m[35]!, 0.6), f, 0.06, 0), half: 0.05 },
  { name: 'cheek_r', at: (m) => mean(m, 2, 31, 41, 48), half: 0.1 },
  { name: 'cheek_l', at: (m) => mean(m, 14, 35, 46, 54), half: 0.1 },
  { name: 'outer_cheek_r', at: (m) => lerp(mean(m, 1, 2), m[41]!, 0.3), half: 0.08 },
  { name: 'outer_cheek_l', at: (m) => lerp(mean(m, 14, 15), m[46]!, 0.3), half: 0.08 },
  { name: 'philtrum', at: (m) => mean(m, 33, 51), half: 0.05 },
  { name: 'lip_crease', at: (m) => lerp(m[57]!, m[8]!, 0.35), half: 0.06 },
  { name: 'chin', at: (m) => lerp(m[57]!, m[8]!, 0.7), half: 0.08 },
  { name: 'jaw_r', at: (m) => lerp(m[5]!, m[48]!, 0.35), half: 0.07 },
  { name: 'jaw_l', at: (m) => lerp(m[11]!, m[54]!, 0.35), half: 0.07 },
];

export interface FaceRegionPatch {
  name: string;
  /** Centre in picture pixels. */
  centre: Point;
  /** Half the side of the square patch, pixels. */
  half: number;
  /** Where the patch sits on the face: eye-distance units from the eyes' midpoint, x along the eyes, y down. */
  face: Point;
}

export function faceFrame(landmarks: Point[]): FaceFrame {
  const right = mean(landmarks, 36, 37, 38, 39, 40, 41);
  const left = mean(landmarks, 42, 43, 44, 45, 46, 47);
  const iod = Math.hypot(left[0] - right[0], left[1] - right[1]) || 1;
  const u: Point = [(left[0] - right[0]) / iod, (left[1] - right[1]) / iod];
  return { u, v: [-u[1], u[0]], eyes: lerp(right, left, 0.5), iod };
}

export function faceRegionPatches(landmarks: Point[]): FaceRegionPatch[] {
  const frame = faceFrame(landmarks);
  return FACE_REGIONS.map((r) => {
    const centre = r.at(landmarks, frame);
    const dx = centre[0] - frame.eyes[0];
    const dy = centre[1] - frame.eyes[1];
    return {
      name: r.name,
      centre,
      half: Math.max(1, r.half * frame.iod),
      face: [(dx * frame.u[0] + dy * frame.u[1]) / frame.iod, (dx * frame.v[0] + dy * frame.v[1]) / frame.iod],
    };
  });
}

export interface FaceRegionColour {
  name: string;
  rgb: [number, number, number];
  face: Point;
}

/** Mean colour of each patch (clipped to the picture; a patch wholly outside reads as black). */
export function faceRegionColours(image: RgbImage, landmarks: Point[]): FaceRegionColour[] {
  return faceRegionPatches(landmarks).map((patch) => {
    const x0 = Math.max(0, Math.round(patch.centre[0] - patch.half));
    const x1 = Math.min(image.width, Math.round(patch.centre[0] + patch.half) + 1);
    const y0 = Math.max(0, Math.round(patch.centre[1] - patch.half));
    const y1 = Math.min(image.height, Math.round(patch.centre[1] + patch.half) + 1);
    const sums = [0, 0, 0];
    let n = 0;
    for (let y = y0; y < y1; y++) {
      for (let i = (y * image.width + x0) * 3, end = (y * image.width + x1) * 3; i < end; i += 3) {
        sums[0]! += image.data[i]!;
        sums[1]! += image.data[i + 1]!;
        sums[2]! += image.data[i + 2]!;
        n++;
      }
    }
    const rgb: [number, number, number] = n ? [sums[0]! / n, sums[1]! / n, sums[2]! / n] : [0, 0, 0];
    return { name: patch.name, rgb, face: patch.face };
  });
}
