/**
 * Runs detection, landmarks and alignment once per image of a dataset and stores every candidate raw embedding
 * (face-api on the dlib chip, its mirror and rescaled chips; Human's faceres and faceres-deep on several crops) so the
 * template can be chosen by analysis without re-running the networks (bench/template-analysis.ts).
 *
 *   nice -n 10 npx tsx packages/face-engine/src/bench/lfw-embed-cache.ts --dataset ../shared/datasets/lfw-dev \
 *     --out /work/cache/h12/lfw-dev --shard 0/2
 *
 * One JSON line per image: {file, identity, error?, reasons, variants: {name: base64 float32}}. The cache is data:
 * keep it outside the repository.
 */
import type * as Tf from '@tensorflow/tfjs';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHIP_SIZE, CHIP_TEMPLATE, fitSimilarity } from '../align.ts';
import { EMBEDDING_FUSION } from '../config.ts';
import { imageFilesOf, labelOf, readPairs } from './dataset.ts';
import { FaceEngine } from '../engine.ts';
import { pad, resize, warp, type Box, type Point, type RgbImage } from '../image.ts';
import { loadHumanGraphModel } from '../models.ts';
import { decodeImage } from '../node/decode.ts';
import { faceapi, tf } from '../runtime.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string', default: '0/1' },
    limit: { type: 'string' },
    deep: { type: 'boolean', default: false },
    faceres: { type: 'boolean', default: false },
    /** only the faceres descriptors (to add them to a cache that has the face-api ones, under another --out) */
    'faceres-only': { type: 'boolean', default: false },
  },
});
const dataset = values.dataset!;
const out = `${values.out!}.${values.shard!.replace('/', 'of')}.jsonl`;
const [shard, shards] = values.shard!.split('/').map(Number) as [number, number];

// identities.csv (file,identity), or for a pairs-only set (faces-bbt) the images of pairs.csv labelled by folder
const rows = existsSync(join(dataset, 'identities.csv'))
  ? readFileSync(join(dataset, 'identities.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
  : imageFilesOf(await readPairs(join(dataset, 'pairs.csv'))).map((f) => [f, labelOf(f)]);
const done = new Set(
  existsSync(out)
    ? readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).file as string)
    : [],
);
let todo = rows.filter((_, i) => i % shards === shard).filter(([file]) => !done.has(file!));
if (values.limit) todo = todo.slice(0, Number(values.limit));

const engine = await FaceEngine.create({ threads: 1 });
const faceres = await loadHumanGraphModel('faceres');
const faceresDeep = values.deep ? await loadHumanGraphModel('faceres-deep') : null;

const tensorOf = (image: RgbImage) => tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');

/** The dlib chip with the face scaled by `s` about the template's centre (s > 1: tighter crop). */
function chipAt(image: RgbImage, five: Point[], s: number, size = CHIP_SIZE): RgbImage {
  const c = CHIP_SIZE / 2;
  const k = size / CHIP_SIZE;
  const template = CHIP_TEMPLATE.map(([x, y]): Point => [(c + (x - c) * s) * k, (c + (y - c) * s) * k]);
  const t = fitSimilarity(template, five);
  return warp(image, size, size, (u, v) => [t.a * u - t.b * v + t.tx, t.b * u + t.a * v + t.ty]);
}

/** The engine's faceres crop: upright square of the box side × scale, centred between eyes and mouth. */
function boxCrop(source: RgbImage, five: Point[], box: Box, scale: number): RgbImage {
  const [l, r, , ml, mr] = five as [Point, Point, Point, Point, Point];
  const cx = (l[0] + r[0] + ml[0] + mr[0]) / 4;
  const cy = (l[1] + r[1] + ml[1] + mr[1]) / 4;
  const size = 224;
  const k = (Math.max(box.width, box.height) * scale) / size;
  const angle = Math.atan2(r[1] - l[1], r[0] - l[0]);
  const c = Math.cos(angle) * k;
  const s = Math.sin(angle) * k;
  return warp(source, size, size, (u, v) => [
    cx + c * (u - size / 2) - s * (v - size / 2),
    cy + s * (u - size / 2) + c * (v - size / 2),
  ]);
}

async function faceApi(chip: RgbImage): Promise<Float32Array> {
  const input = tensorOf(chip);
  try {
    return (await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input as never)) as Float32Array;
  } finally {
    input.dispose();
  }
}

async function human(model: Tf.GraphModel, crop: RgbImage): Promise<Float32Array> {
  const input = tf.tensor4d(crop.data, [1, 224, 224, 3], 'float32');
  const outputs = model.execute(input) as Tf.Tensor[];
  try {
    const d =
      outputs.find((t) => t.shape[1] === EMBEDDING_FUSION.faceresDimensions) ??
      outputs.find((t) => (t.shape[1] ?? 0) > 100);
    return new Float32Array(await d!.data());
  } finally {
    input.dispose();
    for (const t of outputs) t.dispose();
  }
}

const b64 = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
const times: Record<string, number[]> = {};
const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const r = await work();
  (times[name] ??= []).push(performance.now() - start);
  return r;
};

for (const [file, identity] of todo) {
  const record: Record<string, unknown> = { file, identity };
  try {
    const { image } = await decodeImage(await readFile(join(dataset, file!)));
    const result = await timed('analyze_geometry', () => engine.analyzeImage(image, { geometryOnly: true }));
    const face = result.subject;
    if (!face) throw new Error('no_face');
    record.reasons = face.quality.reasons;
    record.faces = result.faces.length;
    // The engine embeds on the padded picture for small images (≤ 400 px); do the same.
    const small = Math.max(image.width, image.height) <= 400;
    const border = small ? Math.round(Math.max(image.width, image.height) * 0.5) : 0;
    const source = small ? pad(image, border) : image;
    const five = face.alignmentPoints.map(([x, y]): Point => [x + border, y + border]);
    const box = { ...face.box, x: face.box.x + border, y: face.box.y + border };
    const v: Record<string, string> = {};
    // face-api on the dlib chip and on chips with the face 10 % and 20 % larger, each with its mirror (a first run also
    // had 0.9: worse, see docs/benchmarks.md)
    for (const scale of values['faceres-only'] ? [] : [1, 1.1, 1.2]) {
      const chip = chipAt(source, five, scale);
      const name = scale === 1 ? 'fa' : `fa_s${scale}`;
      v[name] = b64(await timed('faceapi', () => faceApi(chip)));
      v[`${name}_m`] = b64(await faceApi(resize(chip, chip.width, chip.height, true)));
    }
    // Human's faceres on the engine's crop and its mirror (faceres-deep and other crops: see docs/benchmarks.md)
    const c12 = boxCrop(source, five, box, EMBEDDING_FUSION.faceresCropScale);
    if (values.faceres || values['faceres-only']) {
      v['fr_b1.2'] = b64(await timed('faceres', () => human(faceres, c12)));
      v['fr_b1.2_m'] = b64(await human(faceres, resize(c12, 224, 224, true)));
    }
    if (values.deep) {
      v['frd_b1.2'] = b64(await timed('faceres-deep', () => human(faceresDeep!, c12)));
      v['frd_a1.0'] = b64(await human(faceresDeep!, chipAt(source, five, 1.0, 224)));
      v['fr_a1.0'] = b64(await human(faceres, chipAt(source, five, 1.0, 224)));
    }
    record.variants = v;
  } catch (error) {
    record.error = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
  }
  appendFileSync(out, JSON.stringify(record) + '\n');
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.error(
  JSON.stringify({
    images: todo.length,
    p50ms: Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, p50(xs)])),
  }),
);
engine.dispose();
