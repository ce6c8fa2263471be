import { EMBEDDING_FUSION } from './config.ts';
import { mean, normalise } from './vectors.ts';

/**
 * The identity template from the networks' raw descriptors: face-api's descriptors of every chip in
 * `EMBEDDING_FUSION.chipScales` and of its mirror, averaged as unit vectors; and, when `faceApiWeight` < 1, Human's
 * faceres descriptors the same way. One unit vector whose dot product with another is w·cos(face-api) + (1−w)·cos(faceres):
 * the two parts scaled by √w and √(1−w) and concatenated. The engine and the lfw-dev benches (bench/) both build
 * templates here, so the figures are the engine's.
 */
export function composeTemplate(faceApi: Float32Array[], faceres: Float32Array[] = []): Float32Array {
  const w = EMBEDDING_FUSION.faceApiWeight;
  const faceApiPart = normalise(mean(faceApi.map(normalise)));
  if (w >= 1) return faceApiPart;
  if (faceres.length === 0) throw new Error('the template fuses faceres, and no faceres descriptor was given');
  const faceresPart = normalise(mean(faceres.map(normalise)));
  const out = new Float32Array(faceApiPart.length + faceresPart.length);
  out.set(faceApiPart.map((x) => x * Math.sqrt(w)));
  out.set(
    faceresPart.map((x) => x * Math.sqrt(1 - w)),
    faceApiPart.length,
  );
  return out;
}

/** Length of the template `composeTemplate` makes. */
export const templateDimensions = (): number =>
  EMBEDDING_FUSION.faceApiDimensions + (EMBEDDING_FUSION.faceApiWeight < 1 ? EMBEDDING_FUSION.faceresDimensions : 0);
