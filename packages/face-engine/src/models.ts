import type * as Tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMBEDDING_FUSION } from './config.ts';
import { FACE_API_MODEL_DIR, HUMAN_MODEL_DIR, faceapi, tf } from './runtime.ts';

export interface LoadedModels {
  antispoof: Tf.GraphModel;
  liveness: Tf.GraphModel;
  /** Human's face description model, loaded only when the template fuses it (EMBEDDING_FUSION.faceApiWeight < 1) */
  faceres: Tf.GraphModel | null;
}

/**
 * Loads a Human graph model from the installed package. tfjs's own loader fetches over HTTP, and Node's fetch does not
 * read files, so the model JSON and its weight shards are handed to tfjs from memory.
 */
export async function loadHumanGraphModel(name: string): Promise<Tf.GraphModel> {
  const json = JSON.parse(await readFile(join(HUMAN_MODEL_DIR, `${name}.json`), 'utf8'));
  const manifest = json.weightsManifest as Array<{ paths: string[]; weights: unknown[] }>;
  const shards = await Promise.all(
    manifest.flatMap((group) => group.paths.map((p) => readFile(join(HUMAN_MODEL_DIR, p)))),
  );
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.byteLength;
  }
  return tf.loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: manifest.flatMap((group) => group.weights) as never,
      weightData: weightData.buffer,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
      userDefinedMetadata: json.userDefinedMetadata,
    }),
  });
}

export async function loadModels(): Promise<LoadedModels> {
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromDisk(FACE_API_MODEL_DIR),
    faceapi.nets.faceLandmark68Net.loadFromDisk(FACE_API_MODEL_DIR),
    faceapi.nets.faceRecognitionNet.loadFromDisk(FACE_API_MODEL_DIR),
    faceapi.nets.ageGenderNet.loadFromDisk(FACE_API_MODEL_DIR),
    faceapi.nets.tinyFaceDetector.loadFromDisk(FACE_API_MODEL_DIR),
  ]);
  const [antispoof, liveness, faceres] = await Promise.all([
    loadHumanGraphModel('antispoof'),
    loadHumanGraphModel('liveness'),
    EMBEDDING_FUSION.faceApiWeight < 1 ? loadHumanGraphModel('faceres') : null,
  ]);
  return { antispoof, liveness, faceres };
}
