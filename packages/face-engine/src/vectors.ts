/** Small vector helpers for identity embeddings. */
export function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

export function mean(vectors: Float32Array[]): Float32Array {
  const out = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i]! += v[i]! / vectors.length;
  return out;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embedding sizes differ: ${a.length} and ${b.length}`);
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** Several good frames of one person → one template: the normalised mean of their unit embeddings. */
export function fuseTemplates(embeddings: Float32Array[]): Float32Array {
  if (embeddings.length === 0) throw new Error('fuseTemplates needs at least one embedding');
  return normalise(mean(embeddings.map(normalise)));
}
