import usearch, { type Index } from 'usearch';

/**
 * Approximate inner-product search (HNSW, usearch). Removed keys are never returned. Keys are not reused after removal,
 * so a deleted template can never come back under its old key. usearch has no filter callback: a filtered query
 * fetches more rows and filters them, and the gallery falls back to exact search when too few survive.
 *
 * Parameters chosen by bench/gallery-bench.ts: connectivity 16 reached recall@1 0.75 at 1M synthetic templates,
 * connectivity 32 with expansion 200 reached 1.0 at 100k (docs/benchmarks.md).
 */
export const ANN_PARAMETERS = { connectivity: 32, expansionAdd: 200, expansionSearch: 128, buildThreads: 2 } as const;

export class AnnIndex {
  private readonly index: Index;

  constructor(readonly dimensions: number) {
    this.index = new usearch.Index({
      metric: usearch.MetricKind.IP,
      dimensions,
      connectivity: ANN_PARAMETERS.connectivity,
      expansion_add: ANN_PARAMETERS.expansionAdd,
      expansion_search: ANN_PARAMETERS.expansionSearch,
      quantization: usearch.ScalarKind.F32,
      multi: false,
    });
  }

  get size(): number {
    return this.index.size();
  }

  /** Adds many vectors at once (rows of `matrix`), on several threads. */
  addMany(labels: number[], matrix: Float32Array): void {
    if (labels.length === 0) return;
    this.index.add(
      BigUint64Array.from(labels, (l) => BigInt(l)),
      matrix,
      ANN_PARAMETERS.buildThreads,
    );
  }

  add(label: number, vector: Float32Array): void {
    this.index.add(BigInt(label), vector, 1);
  }

  remove(label: number): void {
    this.index.remove(BigInt(label));
  }

  search(
    query: Float32Array,
    limit: number,
    accept?: (label: number) => boolean,
  ): Array<{ label: number; score: number }> {
    const live = this.index.size();
    if (live === 0) return [];
    const fetch = Math.min(live, accept ? limit * 8 : limit);
    const result = this.index.search(query, fetch, 1);
    const hits: Array<{ label: number; score: number }> = [];
    for (let i = 0; i < result.keys.length; i++) {
      const label = Number(result.keys[i]);
      if (accept && !accept(label)) continue;
      // usearch's inner-product "distance" is 1 − dot.
      hits.push({ label, score: 1 - result.distances[i]! });
    }
    return hits.slice(0, limit);
  }
}
