import { unitVector } from './vector.ts';

/** Deterministic random numbers (mulberry32), so tests and benchmarks see the same galleries every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

/** A random identity: a unit "centre" in `dimensions`. */
export function syntheticIdentity(random: () => number, dimensions: number): Float32Array {
  return unitVector(
    Array.from({ length: dimensions }, () => gaussian(random)),
    dimensions,
  );
}

/** Another capture of an identity: its centre plus noise, renormalised (noise 0.35 ≈ cosine 0.9 to the centre at 128-d). */
export function syntheticCapture(random: () => number, centre: Float32Array, noise = 0.35): Float32Array {
  const scale = noise / Math.sqrt(centre.length);
  return unitVector(
    Array.from(centre, (x) => x + gaussian(random) * scale),
    centre.length,
  );
}
