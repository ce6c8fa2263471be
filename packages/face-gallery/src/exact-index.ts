/**
 * Exact inner-product search over one contiguous Float32Array (no per-vector objects). Removal swaps the last row
 * into the hole, so the block stays dense and a scan touches only live rows.
 */
export class ExactIndex {
  private data: Float32Array;
  private labels: number[] = [];
  private rowOf = new Map<number, number>();

  constructor(
    readonly dimensions: number,
    initialCapacity = 1024,
  ) {
    this.data = new Float32Array(dimensions * initialCapacity);
  }

  get size(): number {
    return this.labels.length;
  }

  has(label: number): boolean {
    return this.rowOf.has(label);
  }

  add(label: number, vector: Float32Array): void {
    if (this.rowOf.has(label)) this.remove(label);
    const row = this.labels.length;
    if ((row + 1) * this.dimensions > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(vector, row * this.dimensions);
    this.labels.push(label);
    this.rowOf.set(label, row);
  }

  remove(label: number): boolean {
    const row = this.rowOf.get(label);
    if (row === undefined) return false;
    const last = this.labels.length - 1;
    if (row !== last) {
      const d = this.dimensions;
      this.data.copyWithin(row * d, last * d, (last + 1) * d);
      const moved = this.labels[last]!;
      this.labels[row] = moved;
      this.rowOf.set(moved, row);
    }
    this.labels.pop();
    this.rowOf.delete(label);
    return true;
  }

  copyVector(label: number, into: Float32Array): void {
    const row = this.rowOf.get(label);
    if (row === undefined) throw new Error(`no vector with label ${label}`);
    into.set(this.data.subarray(row * this.dimensions, (row + 1) * this.dimensions));
  }

  /** Every live row's score, or only the rows whose label passes `accept`, best first, at most `limit`. */
  search(
    query: Float32Array,
    limit: number,
    accept?: (label: number) => boolean,
  ): Array<{ label: number; score: number }> {
    return this.topK(query, limit, this.labels, accept);
  }

  /** The same, over a given set of labels only (a phone-suffix partition). */
  searchAmong(
    query: Float32Array,
    limit: number,
    labels: Iterable<number>,
    accept?: (label: number) => boolean,
  ): Array<{ label: number; score: number }> {
    return this.topK(query, limit, labels, accept);
  }

  private topK(
    query: Float32Array,
    limit: number,
    labels: Iterable<number>,
    accept?: (label: number) => boolean,
  ): Array<{ label: number; score: number }> {
    const d = this.dimensions;
    const best: Array<{ label: number; score: number }> = [];
    let floor = -Infinity;
    for (const label of labels) {
      if (accept && !accept(label)) continue;
      const row = this.rowOf.get(label);
      if (row === undefined) continue;
      let dot = 0;
      const base = row * d;
      for (let i = 0; i < d; i++) dot += this.data[base + i]! * query[i]!;
      if (best.length < limit) {
        best.push({ label, score: dot });
        if (best.length === limit) {
          best.sort((a, b) => b.score - a.score);
          floor = best[best.length - 1]!.score;
        }
      } else if (dot > floor) {
        let at = best.length - 1;
        while (at > 0 && best[at - 1]!.score < dot) at--;
        best.splice(at, 0, { label, score: dot });
        best.pop();
        floor = best[best.length - 1]!.score;
      }
    }
    return best.sort((a, b) => b.score - a.score);
  }
}
