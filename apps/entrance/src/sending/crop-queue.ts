/**
 * The crops waiting to be sent, oldest first: the server counts a camera's crops in the order they were taken, so one
 * request goes at a time. When the network is gone the queue keeps only the last few seconds (a crop older than that
 * tells the server about someone who has walked on) and never more than `maxBatches`: it drops the oldest, counts what
 * it dropped, and never piles up.
 */

export const QUEUE_RULES = {
  /** a batch older than this is dropped, sent or not (ms) */
  keepMs: 5000,
  /** batches held at most */
  maxBatches: 12,
} as const;

/** One frame's crops: one request. */
export interface CropBatch {
  /** when the frame was taken, ms since the epoch by the device's clock (what the server is told) */
  atMs: number;
  /** when the frame was taken, on the page's monotonic clock (how old it is) */
  takenMs: number;
  /** JPEGs, base64 */
  crops: string[];
}

export class CropQueue {
  private batches: CropBatch[] = [];
  /** crops dropped unsent since the camera started (too old, or pushed out) */
  dropped = 0;

  constructor(private readonly rules: { keepMs: number; maxBatches: number } = QUEUE_RULES) {}

  push(batch: CropBatch, nowMs: number): void {
    this.batches.push(batch);
    this.prune(nowMs);
  }

  /** The oldest batch still worth sending, after dropping the stale ones; it stays queued until `settle`. */
  next(nowMs: number): CropBatch | undefined {
    this.prune(nowMs);
    return this.batches[0];
  }

  /** The batch is done with (counted, or refused for good): out of the queue. */
  settle(batch: CropBatch): void {
    this.batches = this.batches.filter((b) => b !== batch);
  }

  /** Crops waiting. */
  get waiting(): number {
    return this.batches.reduce((n, b) => n + b.crops.length, 0);
  }

  private prune(nowMs: number): void {
    while (
      this.batches.length > 0 &&
      (this.batches.length > this.rules.maxBatches || nowMs - this.batches[0]!.takenMs > this.rules.keepMs)
    ) {
      this.dropped += this.batches.shift()!.crops.length;
    }
  }
}
