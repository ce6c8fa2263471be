import { warp, type Point, type RgbImage } from './image.ts';

/**
 * face-api's recognition net is dlib's ResNet, trained on dlib "face chips": 150×150, aligned by a similarity transform
 * onto dlib's mean face shape with 25 % padding (get_face_chip_details(det, 150, 0.25)). The chip below reproduces
 * that geometry from five points of the mean shape.
 */
export const CHIP_SIZE = 150;
export const CHIP_PADDING = 0.25;

// dlib's mean face (landmarks 17..67, unit square); from dlib/image_transforms/interpolation.h
const MEAN_FACE_X = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991, 0.98004, 0.490127,
  0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606,
  0.260918, 0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127,
  0.551395, 0.639268, 0.726104, 0.642159, 0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127,
  0.552157, 0.689874, 0.553364, 0.490127, 0.42689,
];
const MEAN_FACE_Y = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915, 0.106454, 0.203352,
  0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852,
  0.231733, 0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405,
  0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792,
  0.778746, 0.785343, 0.778746, 0.784792, 0.824182, 0.836439, 0.824182,
];

/** Mean-shape landmark `i` (68-point numbering, 17..67) in chip pixels. */
function meanPoint(i: number): Point {
  const toChip = (v: number) => ((v + CHIP_PADDING) / (1 + 2 * CHIP_PADDING)) * CHIP_SIZE;
  return [toChip(MEAN_FACE_X[i - 17]!), toChip(MEAN_FACE_Y[i - 17]!)];
}

function centre(points: Point[]): Point {
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** Where the five alignment points (left eye centre, right eye centre, nose tip, left and right mouth corner) sit in the chip. */
export const CHIP_TEMPLATE: readonly Point[] = [
  centre(range(36, 41).map(meanPoint)),
  centre(range(42, 47).map(meanPoint)),
  meanPoint(30),
  meanPoint(48),
  meanPoint(54),
];

/** image = [a −b; b a]·chip + [tx, ty] */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** Least-squares similarity transform (rotation, uniform scale, shift) taking `from` onto `to`. */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  const [fx, fy] = centre([...from]);
  const [tx, ty] = centre([...to]);
  let dot = 0,
    cross = 0,
    norm = 0;
  for (let i = 0; i < from.length; i++) {
    const sx = from[i]![0] - fx,
      sy = from[i]![1] - fy;
    const dx = to[i]![0] - tx,
      dy = to[i]![1] - ty;
    dot += sx * dx + sy * dy;
    cross += sx * dy - sy * dx;
    norm += sx * sx + sy * sy;
  }
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: tx - (a * fx - b * fy), ty: ty - (b * fx + a * fy) };
}

/**
 * The 150×150 dlib-style chip for five alignment points found in `image`; `scale` > 1 shows the face that much larger
 * (a tighter crop about the chip's centre), < 1 smaller.
 */
export function alignedChip(image: RgbImage, five: readonly Point[], scale = 1): RgbImage {
  const c = CHIP_SIZE / 2;
  const template =
    scale === 1 ? CHIP_TEMPLATE : CHIP_TEMPLATE.map(([x, y]): Point => [c + (x - c) * scale, c + (y - c) * scale]);
  const t = fitSimilarity(template, five);
  return warp(image, CHIP_SIZE, CHIP_SIZE, (u, v) => [t.a * u - t.b * v + t.tx, t.b * u + t.a * v + t.ty]);
}

/**
 * The five alignment points (left eye centre, right eye centre, nose tip, left and right mouth corner) of 68 landmarks
 * in dlib's numbering: the eyes are the centres of 36–41 and 42–47, the nose tip 30, the mouth corners 48 and 54.
 */
export function fivePoints(landmarks: readonly Point[]): Point[] {
  const centre = (from: number, to: number): Point => {
    let x = 0,
      y = 0;
    for (let i = from; i <= to; i++) {
      x += landmarks[i]![0];
      y += landmarks[i]![1];
    }
    return [x / (to - from + 1), y / (to - from + 1)];
  };
  return [centre(36, 41), centre(42, 47), landmarks[30]!, landmarks[48]!, landmarks[54]!];
}

/** Eye distance in pixels and the eye line's angle (degrees, clockwise in image coordinates). */
export function eyeGeometry(five: readonly Point[]): { eyeDistance: number; rollDeg: number } {
  const [l, r] = five as [Point, Point];
  return {
    eyeDistance: Math.hypot(r[0] - l[0], r[1] - l[1]),
    rollDeg: (Math.atan2(r[1] - l[1], r[0] - l[0]) * 180) / Math.PI,
  };
}
