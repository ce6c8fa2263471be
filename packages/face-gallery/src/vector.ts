import { GalleryError } from './errors.ts';

/** A copy of the vector at unit length; refuses wrong sizes, NaN/∞ and the zero vector. */
export function unitVector(vector: ArrayLike<number>, dimensions: number): Float32Array {
  if (vector.length !== dimensions)
    throw new GalleryError('dimension_mismatch', `expected ${dimensions} dimensions, got ${vector.length}`);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    const x = vector[i]!;
    if (!Number.isFinite(x)) throw new GalleryError('vector_invalid', 'the vector holds NaN or infinity');
    norm += x * x;
  }
  if (norm === 0) throw new GalleryError('vector_invalid', 'the zero vector has no direction');
  const scale = 1 / Math.sqrt(norm);
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = vector[i]! * scale;
  return out;
}
