/**
 * Real faces as 3-D surfaces for the shape-challenge simulation: each face of face-api's sample photos, found by the
 * engine (box and 68 landmarks), then measured by Human's face mesh (468 points with depth) on a crop around it. What
 * the simulation needs of a face is, for every landmark patch the verifier reads (FACE_REGIONS), a grid of points
 * with their colour in the photo (the albedo), their 3-D position and their surface normal.
 */
import type { Tensor } from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createFaceEngine, decodeImage } from '@shualian/face-engine';
import { faceRegionPatches, type FaceRegionPatch } from '../../../packages/face-engine/src/face-regions.ts';
import { HUMAN_MODEL_DIR, tf } from '../../../packages/face-engine/src/runtime.ts';

export type Vec3 = [number, number, number];

export interface SurfacePoint {
  /** Linear RGB reflectance (0–1) read from the photo. */
  albedo: Vec3;
  /** Metres from the eyes' midpoint: x across the picture, y down, z away from the camera. */
  at: Vec3;
  /** Outward unit normal (towards the camera is negative z). */
  normal: Vec3;
}

export interface SampledFace {
  name: string;
  /** Per region, a (grid+2)² lattice of points: the patch and a one-step border, for landmark jitter. */
  regions: Array<{ name: string; face: [number, number]; grid: SurfacePoint[]; pixels: number }>;
  /** Eye distance in the photo, pixels. */
  iodPixels: number;
  /** The 68 landmarks in 3-D, metres from the eyes' midpoint (depth from the face mesh), for the head-turn check. */
  landmarks: Vec3[];
}

export const GRID = 5;
const NEIGHBOURS = Number(process.env.MESH_NEIGHBOURS ?? 20);
const EYE_DISTANCE_M = 0.063;
const require = createRequire(import.meta.url);

async function loadFaceMesh() {
  const json = JSON.parse(await readFile(join(HUMAN_MODEL_DIR, 'facemesh.json'), 'utf8'));
  const manifest = json.weightsManifest as Array<{ paths: string[]; weights: unknown[] }>;
  const shards = await Promise.all(manifest.flatMap((g) => g.paths.map((p) => readFile(join(HUMAN_MODEL_DIR, p)))));
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.byteLength;
  }
  return tf.loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: manifest.flatMap((g) => g.weights) as never,
      weightData: weightData.buffer,
      format: json.format,
    }),
  });
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const unit = (a: Vec3): Vec3 => {
  const n = Math.hypot(...a) || 1;
  return [a[0] / n, a[1] / n, a[2] / n];
};

/** Normal of each mesh point: the least-varying direction of its NEIGHBOURS nearest neighbours (10 are noisy: the mesh is a coarse sampling), turned to face the camera. */
function meshNormals(points: Vec3[]): Vec3[] {
  return points.map((p) => {
    const near = [...points]
      .sort((a, b) => dot(sub(a, p), sub(a, p)) - dot(sub(b, p), sub(b, p)))
      .slice(0, NEIGHBOURS + 1);
    const c: Vec3 = [0, 0, 0];
    for (const q of near) for (let i = 0; i < 3; i++) c[i]! += q[i]! / near.length;
    const cov = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const q of near) {
      const d = sub(q, c);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) cov[i * 3 + j]! += d[i]! * d[j]!;
    }
    // Smallest eigenvector by inverse iteration on (cov + εI).
    let v: Vec3 = [0, 0, -1];
    const m = cov.map((x, i) => x + (i % 4 === 0 ? 1e-9 : 0));
    for (let it = 0; it < 30; it++) v = unit(solve3(m, v));
    return v[2] > 0 ? [-v[0], -v[1], -v[2]] : v;
  });
}

function solve3(m: number[], b: Vec3): Vec3 {
  const [a, bb, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const det = a * (e * i - f * h) - bb * (d * i - f * g) + c * (d * h - e * g);
  const inv = [
    e * i - f * h,
    c * h - bb * i,
    bb * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    bb * g - a * h,
    a * e - bb * d,
  ].map((x) => x / det);
  return [
    inv[0]! * b[0] + inv[1]! * b[1] + inv[2]! * b[2],
    inv[3]! * b[0] + inv[4]! * b[1] + inv[5]! * b[2],
    inv[6]! * b[0] + inv[7]! * b[1] + inv[8]! * b[2],
  ];
}

const linear = (v: number) => (v / 255) ** 2.2;

export async function sampleFaces(): Promise<SampledFace[]> {
  const engine = await createFaceEngine({ threads: 1 });
  const mesh = await loadFaceMesh();
  const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
  const faces: SampledFace[] = [];
  for (let n = 1; n <= 6; n++) {
    const bytes = await readFile(join(demo, `sample${n}.jpg`));
    const decoded = await decodeImage(bytes, {});
    const image = decoded.image;
    const k = image.width / decoded.width;
    const result = await engine.analyze(bytes);
    for (const [index, found] of result.faces.entries()) {
      const landmarks = found.landmarks.map((p) => [p[0] * k, p[1] * k] as [number, number]);
      const box = { x: found.box.x * k, y: found.box.y * k, width: found.box.width * k, height: found.box.height * k };
      const patches = faceRegionPatches(landmarks);
      const iod = eyeDistance(landmarks);
      if (iod < 40) continue;
      const points = await runMesh(mesh, image, box);
      if (!points) continue;
      const normals = meshNormals(points);
      const eyes = patchesEyes(landmarks);
      const metres = EYE_DISTANCE_M / eyeDistance(landmarks);
      const pixel = (x: number, y: number): Vec3 => {
        const i =
          (Math.min(image.height - 1, Math.max(0, Math.round(y))) * image.width +
            Math.min(image.width - 1, Math.max(0, Math.round(x)))) *
          3;
        return [linear(image.data[i]!), linear(image.data[i + 1]!), linear(image.data[i + 2]!)];
      };
      const eyeDepth = interpolate(points, normals, eyes[0], eyes[1]).z;
      faces.push({
        name: `sample${n}#${index}`,
        iodPixels: eyeDistance(landmarks),
        landmarks: landmarks.map(([x, y]) => [
          (x - eyes[0]) * metres,
          (y - eyes[1]) * metres,
          (interpolate(points, normals, x, y).z - eyeDepth) * metres,
        ]),
        regions: patches.map((patch: FaceRegionPatch) => {
          const grid: SurfacePoint[] = [];
          const step = (2 * patch.half) / (GRID - 1);
          for (let gy = -1; gy <= GRID; gy++) {
            for (let gx = -1; gx <= GRID; gx++) {
              const x = patch.centre[0] - patch.half + gx * step;
              const y = patch.centre[1] - patch.half + gy * step;
              const { z, normal } = interpolate(points, normals, x, y);
              grid.push({
                albedo: pixel(x, y),
                at: [(x - eyes[0]) * metres, (y - eyes[1]) * metres, (z - eyeDepth) * metres],
                normal,
              });
            }
          }
          return {
            name: patch.name,
            face: patch.face,
            grid,
            pixels: (2 * patch.half) ** 2 / eyeDistance(landmarks) ** 2,
          };
        }),
      });
    }
  }
  engine.dispose();
  return faces;
}

const patchesEyes = (m: Array<[number, number]>): [number, number] => {
  let x = 0;
  let y = 0;
  for (let i = 36; i <= 47; i++) {
    x += m[i]![0] / 12;
    y += m[i]![1] / 12;
  }
  return [x, y];
};

function eyeDistance(m: Array<[number, number]>) {
  const centre = (from: number) => {
    let x = 0;
    let y = 0;
    for (let i = from; i < from + 6; i++) {
      x += m[i]![0] / 6;
      y += m[i]![1] / 6;
    }
    return [x, y] as const;
  };
  const a = centre(36);
  const b = centre(42);
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Depth and normal at a picture point: inverse-distance weights over the 4 nearest mesh points. */
function interpolate(points: Vec3[], normals: Vec3[], x: number, y: number) {
  const near = points
    .map((p, i) => ({ i, d: Math.hypot(p[0] - x, p[1] - y) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 4);
  let z = 0;
  const normal: Vec3 = [0, 0, 0];
  let total = 0;
  for (const { i, d } of near) {
    const w = 1 / (d + 0.5);
    total += w;
    z += w * points[i]![2];
    for (let c = 0; c < 3; c++) normal[c]! += w * normals[i]![c]!;
  }
  return { z: z / total, normal: unit(normal) };
}

/** Human's face mesh on a square crop around the face, twice: the second crop centred on the first mesh. */
async function runMesh(
  model: Awaited<ReturnType<typeof loadFaceMesh>>,
  image: { data: Uint8Array; width: number; height: number },
  box: { x: number; y: number; width: number; height: number },
): Promise<Vec3[] | undefined> {
  let side = Math.max(box.width, box.height) * 1.3;
  let cx = box.x + box.width / 2;
  let cy = box.y + box.height / 2;
  const input = tf.tidy(() =>
    tf.tensor3d(image.data, [image.height, image.width, 3], 'int32').toFloat().div(255).expandDims(0),
  );
  let points: Vec3[] = [];
  let flag = 0;
  for (let pass = 0; pass < 2; pass++) {
    const crop = tf.image.cropAndResize(
      input as never,
      [
        [
          (cy - side / 2) / image.height,
          (cx - side / 2) / image.width,
          (cy + side / 2) / image.height,
          (cx + side / 2) / image.width,
        ],
      ],
      [0],
      [192, 192],
    );
    const [meshOut, flagOut] = model.execute(crop, ['Identity_2:0', 'Identity_1:0']) as [Tensor, Tensor];
    const values = await meshOut.data();
    flag = (await flagOut.data())[0]!;
    crop.dispose();
    meshOut.dispose();
    flagOut.dispose();
    points = [];
    for (let i = 0; i < 468; i++) {
      points.push([
        cx - side / 2 + (values[i * 3]! / 192) * side,
        cy - side / 2 + (values[i * 3 + 1]! / 192) * side,
        (values[i * 3 + 2]! / 192) * side,
      ]);
    }
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    side = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) * 1.4;
  }
  input.dispose();
  return flag > 0.9 ? points : undefined;
}
