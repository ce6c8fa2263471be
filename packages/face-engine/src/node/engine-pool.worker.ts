import { parentPort, workerData } from 'node:worker_threads';
import { FaceEngineError } from '../errors.ts';
import type { PoolAnalysis, PoolJob, PoolReply, PoolWorkerData } from './engine-pool.ts';
import { createFaceEngine, faceColour, type Rgb } from './index.ts';

/**
 * One face engine (one wasm thread, models loaded once) answering the pool's jobs one at a time. A picture's own
 * problem comes back as its FaceEngineError; anything else leaves the engine in an unknown state (a wasm trap such as
 * `Aborted()` or an out-of-bounds access poisons the module for every later call), so it is reported as fatal and the
 * pool replaces this worker.
 */
const { limits } = workerData as PoolWorkerData;
const port = parentPort!;
const engine = await createFaceEngine({ threads: 1 });

port.on('message', async (job: PoolJob) => {
  let reply: PoolReply;
  try {
    let result: PoolAnalysis | Rgb;
    if (job.kind === 'colour') result = await faceColour(job.bytes, job.box, limits);
    else if (job.options.colour) result = await engine.analyzeWithColour(job.bytes, { ...job.options, limits });
    else result = Object.assign(await engine.analyze(job.bytes, { ...job.options, limits }), { subjectColour: null });
    reply = { id: job.id, ok: true, result };
  } catch (error) {
    reply =
      error instanceof FaceEngineError
        ? { id: job.id, ok: false, error: { code: error.code, message: error.message, details: error.details } }
        : { id: job.id, ok: false, fatal: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PoolReply);
