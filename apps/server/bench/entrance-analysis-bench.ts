/**
 * What an entrance crop costs the face engine, analysis by analysis: the whole analysis every other use makes (the
 * baseline) against cheaper ones, interleaved crop by crop on one engine (one wasm thread, in this process), so load
 * from other work on the machine falls on all of them alike. Crops are cut as the entrance app's picker cuts them
 * (apps/entrance/src/picker/crop-box.ts: a square of twice the face box, at most 320 px) around the subject of lfw-dev
 * photos. Per analysis: time per stage and in all, faces found, clear faces, and how far its template lies from the
 * baseline's (cosine).
 *
 *   nice -n 10 taskset -c 1 npx tsx apps/server/bench/entrance-analysis-bench.ts [--crops 120]
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { cosine, createFaceEngine, ENTRANCE_ANALYSIS, type NodeAnalyzeOptions } from '@shualian/face-engine';
import sharp from 'sharp';

const { values } = parseArgs({ options: { crops: { type: 'string', default: '120' } } });

const lfw = ['../shared/datasets/lfw-dev', '../../shared/datasets/lfw-dev', '../../../shared/datasets/lfw-dev'].find(
  (dir) => existsSync(join(dir, 'identities.csv')),
);
if (!lfw) throw new Error('lfw-dev not found (../shared/datasets/lfw-dev)');

const engine = await createFaceEngine({ threads: 1 });

const VARIANTS: Record<string, NodeAnalyzeOptions> = {
  full: {},
  'no liveness': { skipLiveness: true },
  'no liveness, detector 224': { skipLiveness: true, detectorInputSize: 224 },
  'no liveness, detector 160': { skipLiveness: true, detectorInputSize: 160 },
  'no liveness, 2-pass probe': { skipLiveness: true, chipScales: [1] },
  entrance: ENTRANCE_ANALYSIS,
};

/** The picker's crop of a photo's subject. */
async function deviceCrop(photo: Buffer): Promise<Buffer | null> {
  const { subject, width, height } = await engine.analyze(photo, { skipLiveness: true });
  if (!subject) return null;
  const box = subject.box;
  const side = Math.round(Math.min(Math.max(box.width, box.height) * 2, width, height));
  const left = Math.round(Math.min(Math.max(0, box.x + box.width / 2 - side / 2), width - side));
  const top = Math.round(Math.min(Math.max(0, box.y + box.height / 2 - side / 2), height - side));
  return sharp(photo)
    .extract({ left, top, width: side, height: side })
    .resize(Math.min(side, 320))
    .jpeg({ quality: 85 })
    .toBuffer();
}

const folders = (await readdir(lfw, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
const crops: Buffer[] = [];
for (const name of folders) {
  if (crops.length >= Number(values.crops)) break;
  const crop = await deviceCrop(await readFile(join(lfw, name, (await readdir(join(lfw, name)))[0]!)));
  if (crop) crops.push(crop);
}

interface Tally {
  total: number[];
  stages: Record<string, number>;
  faces: number;
  clear: number;
  cosines: number[];
}
const tallies: Record<string, Tally> = Object.fromEntries(
  Object.keys(VARIANTS).map((k) => [k, { total: [], stages: {}, faces: 0, clear: 0, cosines: [] }]),
);
for (const crop of crops.slice(0, 4))
  for (const options of Object.values(VARIANTS)) await engine.analyze(crop, options);
for (const [i, crop] of crops.entries()) {
  let baseline: Float32Array | null = null;
  // A different variant first on each crop, so none always runs on a warm cache after another.
  const names = Object.keys(VARIANTS);
  const order = [...names.slice(i % names.length), ...names.slice(0, i % names.length)];
  const results = new Map<string, Awaited<ReturnType<typeof engine.analyze>>>();
  for (const name of order) results.set(name, await engine.analyze(crop, VARIANTS[name]));
  for (const name of names) {
    const result = results.get(name)!;
    const tally = tallies[name]!;
    tally.total.push(result.timings.total!);
    for (const [stage, ms] of Object.entries(result.timings))
      if (stage !== 'total') tally.stages[stage] = (tally.stages[stage] ?? 0) + ms;
    const subject = result.subject;
    if (subject) tally.faces++;
    if (subject?.quality.ok && result.faces.length === 1) tally.clear++;
    if (name === 'full') baseline = subject?.embedding ?? null;
    if (baseline && subject?.embedding) tally.cosines.push(cosine(baseline, subject.embedding));
  }
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const full = mean(tallies.full!.total);
console.log(
  JSON.stringify({
    machine: { cpus: cpus().length, node: process.version, loadAverage: loadavg() },
    crops: crops.length,
  }),
);
console.log(
  '| analysis | mean ms | ÷ full | p50 / p95 ms | detect | landmarks | liveness | embed | age/gender | faces | clear | cosine to full (mean / min) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, t] of Object.entries(tallies)) {
  const stage = (s: string) => (t.stages[s] ? (t.stages[s]! / t.total.length).toFixed(1) : '–');
  console.log(
    `| ${name} | ${mean(t.total).toFixed(1)} | ${(mean(t.total) / full).toFixed(2)} | ${pct(t.total, 0.5)!.toFixed(0)} / ${pct(t.total, 0.95)!.toFixed(0)} | ${stage('detect')} | ${stage('landmarks')} | ${stage('liveness')} | ${stage('embed')} | ${stage('age_gender')} | ${t.faces} | ${t.clear} | ${mean(t.cosines).toFixed(4)} / ${Math.min(...t.cosines).toFixed(4)} |`,
  );
}
engine.dispose();
