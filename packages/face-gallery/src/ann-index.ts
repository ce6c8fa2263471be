import hnswlib from 'hnswlib-node';

/**
 * Approximate inner-product search (HNSW, hnswlib). Deleted labels are marked and never returned; their slots are
 * reused by later additions, so the index does not need rebuilding as members come and go.
 */
export const ANN_PARAMETERS = { m: 16, efConstruction: 100, efSearch: 64 } as const;

export class AnnIndex {
  private readonly index: hnswlib.HierarchicalNSW;
  private capacity: number;
  private live = 0;

  constructor(
    readonly dimensions: number,
    initialCapacity = 16_384,
  ) {
    this.index = new hnswlib.HierarchicalNSW('ip', dimensions);
    this.capacity = initialCapacity;
    this.index.initIndex(initialCapacity, ANN_PARAMETERS.m, ANN_PARAMETERS.efConstruction, 100, true);
    this.index.setEf(ANN_PARAMETERS.efSearch);
  }

  get size(): number {
    return this.live;
  }

  add(label: number, vector: Float32Array): void {
    if (this.live + 1 > this.capacity) {
      this.capacity *= 2;
      this.index.resizeIndex(this.capacity);
    }
    this.index.addPoint(Array.from(vector), label, true);
    this.live++;
  }

  remove(label: number): void {
    this.index.markDelete(label);
    this.live--;
  }

  search(query: Float32Array, limit: number, accept?: (label: number) => boolean): Array<{ label: number; score: number }> {
    const k = Math.min(limit, this.live);
    if (k === 0) return [];
    this.index.setEf(Math.max(ANN_PARAMETERS.efSearch, k));
    const result = accept ? this.index.searchKnn(Array.from(query), k, accept) : this.index.searchKnn(Array.from(query), k);
    // hnswlib's inner-product "distance" is 1 − dot.
    return result.neighbors.map((label, i) => ({ label, score: 1 - result.distances[i]! })).sort((a, b) => b.score - a.score);
  }
}
