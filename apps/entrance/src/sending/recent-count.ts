/** A count of events over the last `windowMs` (the status screen's "crops sent in the last minute"). */
export class RecentCount {
  private readonly times: number[] = [];

  constructor(private readonly windowMs = 60_000) {}

  add(atMs: number, n = 1): void {
    for (let i = 0; i < n; i++) this.times.push(atMs);
  }

  /** Events in (nowMs − windowMs, nowMs]. */
  count(nowMs: number): number {
    while (this.times.length > 0 && this.times[0]! <= nowMs - this.windowMs) this.times.shift();
    return this.times.length;
  }
}
