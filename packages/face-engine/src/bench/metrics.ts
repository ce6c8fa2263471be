export interface ScoredPair {
  similarity: number;
  genuine: boolean;
}

/** Share of genuine pairs accepted at the lowest threshold whose false-accept rate is ≤ `far` (threshold just above that impostor). */
export function tarAtFar(pairs: ScoredPair[], far: number): { tar: number; threshold: number } {
  const impostors = pairs
    .filter((p) => !p.genuine)
    .map((p) => p.similarity)
    .sort((a, b) => b - a);
  const genuine = pairs.filter((p) => p.genuine).map((p) => p.similarity);
  const allowed = Math.floor(far * impostors.length);
  const threshold = impostors.length > allowed ? impostors[allowed]! + 1e-9 : -Infinity;
  return { tar: genuine.filter((s) => s >= threshold).length / Math.max(genuine.length, 1), threshold };
}

export interface Confusion {
  accuracy: number;
  tar: number;
  falseAccepts: number;
  falseRejects: number;
  genuine: number;
  impostor: number;
}

export function confusionAt(pairs: ScoredPair[], threshold: number): Confusion {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const p of pairs) {
    const accept = p.similarity >= threshold;
    if (p.genuine && accept) tp++;
    else if (p.genuine) fn++;
    else if (accept) fp++;
    else tn++;
  }
  return {
    accuracy: (tp + tn) / pairs.length,
    tar: tp / Math.max(tp + fn, 1),
    falseAccepts: fp,
    falseRejects: fn,
    genuine: tp + fn,
    impostor: fp + tn,
  };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** 1:N identification, leave-one-out: each image is a probe against all others; rank-1 correct if the best is the same person. */
export function rank1LeaveOneOut(items: { label: string; embedding: Float32Array }[]): number {
  let correct = 0;
  for (let i = 0; i < items.length; i++) {
    let best = -Infinity,
      bestLabel = '';
    for (let j = 0; j < items.length; j++) {
      if (i === j) continue;
      const s = cosine(items[i]!.embedding, items[j]!.embedding);
      if (s > best) {
        best = s;
        bestLabel = items[j]!.label;
      }
    }
    if (bestLabel === items[i]!.label) correct++;
  }
  return correct / items.length;
}
