/**
 * How large the engine needs a picture: face-api.js's six demo group photos (1920 px wide), as they are and doubled
 * (3840 px, a phone photo), analysed at several longest sides. Each face is compared with the same face analysed at
 * the photo's full size: found or not, still passing the quality gates, and the cosine between the two embeddings
 * (the decision threshold is 0.85). Prints one JSON line per size.
 *
 *   npx tsx packages/face-engine/src/bench/analysis-size.ts [--sides 640,960,1280,1600,1920]
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import type { AnalysisResult, DetectedFace } from '../engine.ts';
import { createFaceEngine } from '../node/index.ts';
import { cosine } from '../vectors.ts';
import { percentile } from './metrics.ts';

const { values } = parseArgs({ options: { sides: { type: 'string', default: '640,960,1280,1600,1920' } } });
const sides = values.sides.split(',').map(Number);
const require = createRequire(import.meta.url);
const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

const engine = await createFaceEngine({ threads: 1 });
const photos: Array<{ name: string; bytes: Buffer; reference: AnalysisResult }> = [];
for (const n of [1, 2, 3, 4, 5, 6]) {
  const original = await sharp(join(demo, `sample${n}.jpg`))
    .jpeg({ quality: 92 })
    .toBuffer();
  const doubled = await sharp(original).resize({ width: 3840 }).jpeg({ quality: 92 }).toBuffer();
  for (const [name, bytes] of [
    [`sample${n}`, original],
    [`sample${n}x2`, doubled],
  ] as const) {
    const reference = await engine.analyze(bytes, { embedAll: true, limits: { analysisMaxSide: 4000 } });
    photos.push({ name, bytes, reference });
  }
}

const centre = (f: DetectedFace) => [f.box.x + f.box.width / 2, f.box.y + f.box.height / 2] as const;
function sameFace(face: DetectedFace, among: DetectedFace[]): DetectedFace | undefined {
  const [x, y] = centre(face);
  return among.find((other) => {
    const [ox, oy] = centre(other);
    return Math.hypot(x - ox, y - oy) < face.box.width / 3;
  });
}

for (const side of sides) {
  let reference = 0,
    found = 0,
    usableBefore = 0,
    usableAfter = 0;
  const similarities: number[] = [];
  const ms: number[] = [];
  for (const photo of photos) {
    const start = performance.now();
    const result = await engine.analyze(photo.bytes, { embedAll: true, limits: { analysisMaxSide: side } });
    ms.push(performance.now() - start);
    for (const face of photo.reference.faces) {
      reference++;
      if (face.quality.ok) usableBefore++;
      const seen = sameFace(face, result.faces);
      if (!seen) continue;
      found++;
      if (face.quality.ok && seen.quality.ok) usableAfter++;
      if (face.embedding && seen.embedding) similarities.push(cosine(face.embedding, seen.embedding));
    }
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  console.log(
    JSON.stringify({
      analysisMaxSide: side,
      faces: { atFullSize: reference, found, usableAtFullSize: usableBefore, stillUsable: usableAfter },
      cosineToFullSize: {
        min: round(Math.min(...similarities)),
        p10: round(percentile(similarities, 0.1)),
        median: round(percentile(similarities, 0.5)),
        below085: similarities.filter((s) => s < 0.85).length,
      },
      msPerPhoto: { p50: Math.round(percentile(ms, 0.5)), max: Math.round(Math.max(...ms)) },
    }),
  );
}
engine.dispose();
