/**
 * What each candidate template costs per frame, measured in one process on one thread, interleaved so that load from
 * other work falls on all alike: the shipped template (face-api on the chips of EMBEDDING_FUSION.chipScales and their
 * mirrors), the previous one (face-api chip + mirror, and faceres on a 224 px crop), and faceres-deep alone.
 *
 *   nice -n 10 npx tsx packages/face-engine/src/bench/embed-latency.ts [--runs 20]
 */
import type * as Tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { alignedChip } from '../align.ts';
import { EMBEDDING_FUSION } from '../config.ts';
import { FaceEngine } from '../engine.ts';
import { resize, warp, type Point, type RgbImage } from '../image.ts';
import { loadHumanGraphModel } from '../models.ts';
import { decodeImage } from '../node/decode.ts';
import { faceapi, tf } from '../runtime.ts';
import { percentile } from './metrics.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const group = fileURLToPath(new URL('../../../../../shared/datasets/faces-bbt/group/bbt1.jpg', import.meta.url));
const source = existsSync(group)
  ? group
  : fileURLToPath(new URL('../../../../node_modules/@vladmandic/face-api/demo/sample1.jpg', import.meta.url));
const frame = await sharp(source).resize(640, 480, { fit: 'cover' }).jpeg({ quality: 90 }).toBuffer();
const { image } = await decodeImage(frame);

const engine = await FaceEngine.create({ threads: 1 });
const faceres = await loadHumanGraphModel('faceres');
const faceresDeep = await loadHumanGraphModel('faceres-deep');
const analysis = await engine.analyzeImage(image, { geometryOnly: true });
const subject = analysis.subject!;
const five = subject.alignmentPoints as Point[];
const source640: RgbImage = image;

async function faceApi(chip: RgbImage): Promise<void> {
  const input = tf.tensor3d(chip.data, [chip.height, chip.width, 3], 'int32');
  await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input as never);
  input.dispose();
}
async function human(model: Tf.GraphModel, crop: RgbImage): Promise<void> {
  const input = tf.tensor4d(crop.data, [1, 224, 224, 3], 'float32');
  const outputs = model.execute(input) as Tf.Tensor[];
  await Promise.all(outputs.map((t) => t.data()));
  input.dispose();
  for (const t of outputs) t.dispose();
}
const faceCrop = (): RgbImage => {
  const [l, r, , ml, mr] = five as [Point, Point, Point, Point, Point];
  const cx = (l[0] + r[0] + ml[0] + mr[0]) / 4,
    cy = (l[1] + r[1] + ml[1] + mr[1]) / 4;
  const k = (Math.max(subject.box.width, subject.box.height) * EMBEDDING_FUSION.faceresCropScale) / 224;
  const a = Math.atan2(r[1] - l[1], r[0] - l[0]);
  const c = Math.cos(a) * k,
    s = Math.sin(a) * k;
  return warp(source640, 224, 224, (u, v) => [cx + c * (u - 112) - s * (v - 112), cy + s * (u - 112) + c * (v - 112)]);
};

const candidates: Record<string, () => Promise<void>> = {
  [`shipped: face-api × ${2 * EMBEDDING_FUSION.chipScales.length} (chips ${EMBEDDING_FUSION.chipScales.join(', ')} + mirrors)`]:
    async () => {
      for (const scale of EMBEDDING_FUSION.chipScales) {
        const chip = alignedChip(source640, five, scale);
        await faceApi(chip);
        await faceApi(resize(chip, chip.width, chip.height, true));
      }
    },
  'previous: face-api × 2 (chip + mirror) + faceres': async () => {
    const chip = alignedChip(source640, five);
    await faceApi(chip);
    await faceApi(resize(chip, chip.width, chip.height, true));
    await human(faceres, faceCrop());
  },
  'faceres-deep, one crop': async () => human(faceresDeep, faceCrop()),
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
for (const work of Object.values(candidates)) await work(); // warm-up
for (let run = 0; run < Number(values.runs); run++) {
  for (const [name, work] of Object.entries(candidates)) {
    const start = performance.now();
    await work();
    times[name]!.push(performance.now() - start);
  }
}
const base = percentile(times['previous: face-api × 2 (chip + mirror) + faceres']!, 0.5);
for (const [name, t] of Object.entries(times)) {
  const p50 = percentile(t, 0.5);
  console.log(
    `${name}: p50 ${p50.toFixed(1)} ms, p95 ${percentile(t, 0.95).toFixed(1)} ms, ${(p50 / base).toFixed(2)}× the previous template`,
  );
}
engine.dispose();
