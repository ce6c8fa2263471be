import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { createFaceEngine } from '../node/index.ts';
import { FaceEngineError } from '../errors.ts';

/** One engine (one wasm thread) per worker; analyses the files it is sent and returns subject embeddings. */
const engine = await createFaceEngine({ threads: 1 });
parentPort!.postMessage({ ready: true });
parentPort!.on('message', async (message: { file: string } | { exit: true }) => {
  if ('exit' in message) {
    engine.dispose();
    process.exit(0);
  }
  try {
    const result = await engine.analyze(await readFile(message.file));
    parentPort!.postMessage({ file: message.file, embedding: result.subject?.embedding ?? null, faces: result.faces.length });
  } catch (error) {
    parentPort!.postMessage({ file: message.file, embedding: null, error: error instanceof FaceEngineError ? error.code : String(error) });
  }
});
