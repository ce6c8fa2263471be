import { readFile } from 'node:fs/promises';
import { FaceEngineError } from '../errors.ts';
import { FaceEnginePool } from '../node/engine-pool.ts';

export interface PoolResult {
  file: string;
  embedding: Float32Array | null;
  error?: string;
}

/** Analyses `files` with the engine's worker pool (`size` workers, each a single-threaded engine). */
export async function analyzeInWorkers(
  files: string[],
  size: number,
): Promise<{ results: Map<string, PoolResult>; seconds: number }> {
  // The whole dataset is queued at once; no job is refused for waiting.
  const pool = await FaceEnginePool.start({ size, maxQueue: files.length, maxWaitMs: 24 * 3_600_000 });
  try {
    const results = new Map<string, PoolResult>();
    const start = performance.now();
    await Promise.all(
      files.map(async (file) => {
        try {
          const result = await pool.analyze(await readFile(file));
          results.set(file, { file, embedding: result.subject?.embedding ?? null });
        } catch (error) {
          results.set(file, {
            file,
            embedding: null,
            error: error instanceof FaceEngineError ? error.code : String(error),
          });
        }
      }),
    );
    return { results, seconds: (performance.now() - start) / 1000 };
  } finally {
    await pool.close();
  }
}
