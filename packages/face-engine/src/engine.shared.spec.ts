import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { createFaceEngine, type FaceEngine } from './index.ts';
import { imageFilesOf, readImage, readPairs, type PairRow } from './bench/dataset.ts';
import { confusionAt } from './bench/metrics.ts';

const dataset = fileURLToPath(new URL('../../../../shared/datasets/faces-bbt', import.meta.url));

let engine: FaceEngine;
let pairs: PairRow[];
const embeddings = new Map<string, Float32Array>();

before(async () => {
  engine = await createFaceEngine({ threads: 1 });
  pairs = await readPairs(join(dataset, 'pairs.csv'));
  for (const file of imageFilesOf(pairs)) {
    const result = await engine.analyze(await readImage(dataset, file));
    if (result.subject?.embedding) embeddings.set(file, result.subject.embedding);
  }
});
after(() => engine.dispose());

test('faces-bbt: a face is found in every image', () => {
  assert.equal(embeddings.size, imageFilesOf(pairs).length);
});

test('faces-bbt: no false accept and TAR ≥ 0.85 at the configured match threshold', () => {
  const scored = pairs.map((p) => ({
    similarity: engine.similarity(embeddings.get(p.fileX)!, embeddings.get(p.fileY)!),
    genuine: p.same === true,
  }));
  const at = confusionAt(scored, engine.thresholds.match);
  assert.equal(at.falseAccepts, 0);
  assert.ok(at.tar >= 0.85, `TAR ${at.tar}`);
  assert.equal(confusionAt(scored, engine.thresholds.high).falseAccepts, 0);
});
