import { Command } from 'commander';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaceEngine } from './node/index.ts';
import { FaceEngineError } from './errors.ts';
import { imageFilesOf, readImage, readPairs } from './bench/dataset.ts';
import { runBench } from './bench/run-bench.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const defaultDataset = resolve(repoRoot, '../shared/datasets/faces-bbt');

async function verifyPairs(options: { images: string; pairs: string }): Promise<void> {
  const pairs = await readPairs(options.pairs);
  const engine = await createFaceEngine({ threads: 1 });
  const embeddings = new Map<string, { embedding: Float32Array } | { error: string }>();
  try {
    for (const file of imageFilesOf(pairs)) {
      try {
        const result = await engine.analyze(await readImage(options.images, file));
        embeddings.set(
          file,
          result.subject?.embedding ? { embedding: result.subject.embedding } : { error: 'no_face' },
        );
      } catch (error) {
        if (!(error instanceof FaceEngineError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        embeddings.set(file, { error: error instanceof FaceEngineError ? error.code : 'not_found' });
      }
    }
    for (const { fileX, fileY } of pairs) {
      const a = embeddings.get(fileX)!,
        b = embeddings.get(fileY)!;
      if ('embedding' in a && 'embedding' in b) {
        const similarity = engine.similarity(a.embedding, b.embedding);
        console.log(
          JSON.stringify({
            file_x: fileX,
            file_y: fileY,
            similarity: Math.round(similarity * 1e6) / 1e6,
            same: engine.decide(similarity) === 'match',
          }),
        );
      } else {
        console.log(
          JSON.stringify({
            file_x: fileX,
            file_y: fileY,
            similarity: null,
            same: false,
            error: 'error' in a ? a.error : (b as { error: string }).error,
          }),
        );
      }
    }
  } finally {
    engine.dispose();
  }
}

/** `face` command for the `shualian` CLI. */
export function faceCommand(): Command {
  const face = new Command('face').description('face engine: verify image pairs, benchmark');
  face
    .command('verify-pairs')
    .description('print {"file_x","file_y","similarity","same"} per CSV row, decided at the configured threshold')
    .requiredOption('--images <dir>', 'directory the CSV paths are relative to')
    .requiredOption('--pairs <file>', 'CSV with a header; first two columns file_x,file_y')
    .action(verifyPairs);
  face
    .command('bench')
    .description('accuracy at the operating threshold, TAR@FAR, rank-1, latency per stage, throughput, memory')
    .option('--dataset <dir>', 'dataset with pairs.csv (and group/ photos)', defaultDataset)
    .option('--runs <n>', 'latency runs per frame size', (v) => Number.parseInt(v, 10), 10)
    .option('--workers <n>', 'worker threads for throughput', (v) => Number.parseInt(v, 10), 2)
    .action(async (options: { dataset: string; runs: number; workers: number }) => {
      console.log(JSON.stringify(await runBench({ ...options, dataset: resolve(options.dataset) }), null, 2));
    });
  return face;
}
