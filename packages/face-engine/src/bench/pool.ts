import { Worker } from 'node:worker_threads';

export interface PoolResult {
  file: string;
  embedding: Float32Array | null;
  error?: string;
}

/** Analyses `files` with `size` worker threads, each running its own single-threaded engine. */
export async function analyzeInWorkers(files: string[], size: number): Promise<{ results: Map<string, PoolResult>; seconds: number }> {
  // Node 20 does not apply `--import tsx` to a worker's own .ts entry, so the worker registers tsx, then imports it.
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const workers = Array.from({ length: size }, () => new Worker(bootstrap, { eval: true }));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const results = new Map<string, PoolResult>();
  const queue = [...files];
  const start = performance.now();
  await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
    const next = () => {
      const file = queue.shift();
      if (file === undefined) return resolve();
      worker.postMessage({ file });
    };
    worker.on('message', (r: PoolResult) => {
      results.set(r.file, r);
      next();
    });
    worker.on('error', reject);
    next();
  })));
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return { results, seconds };
}
