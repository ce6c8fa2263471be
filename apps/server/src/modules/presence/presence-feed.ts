import { randomUUID } from 'node:crypto';

/**
 * Tells the staff view that a store's presence changed, so a waiting read (`getStorePresence` with `after`) answers at
 * once instead of at its next poll. Each store has a version (this process's epoch and a counter): the entrance moves
 * it after every commit that changed the store's visits. In memory and per process: a change counted by another
 * process, or a payment, shows at the read's wait limit.
 */
export class PresenceFeed {
  private readonly epoch = randomUUID().slice(0, 8);
  private readonly counters = new Map<string, number>();
  private readonly waiting = new Map<string, Set<() => void>>();
  private waiters = 0;

  /** Waiting reads held at once, across stores; past it a read answers at once (the console then polls). */
  constructor(private readonly maxWaiters = 2_000) {}

  version(merchantId: string, storeId: string): string {
    return `${this.epoch}-${this.counters.get(key(merchantId, storeId)) ?? 0}`;
  }

  changed(merchantId: string, storeId: string): void {
    const storeKey = key(merchantId, storeId);
    this.counters.set(storeKey, (this.counters.get(storeKey) ?? 0) + 1);
    const waiting = this.waiting.get(storeKey);
    if (!waiting) return;
    this.waiting.delete(storeKey);
    for (const wake of waiting) wake();
  }

  /**
   * Resolves when the store's version is no longer `after`, at once if it already is not; else after `waitMs` or when
   * `cancelled` fires (the reader went away), whichever comes first.
   */
  async changeAfter(
    merchantId: string,
    storeId: string,
    after: string,
    waitMs: number,
    cancelled?: AbortSignal,
  ): Promise<void> {
    if (after !== this.version(merchantId, storeId) || waitMs <= 0 || this.waiters >= this.maxWaiters) return;
    if (cancelled?.aborted) return;
    const storeKey = key(merchantId, storeId);
    await new Promise<void>((resolve) => {
      const set = this.waiting.get(storeKey) ?? new Set<() => void>();
      this.waiting.set(storeKey, set);
      this.waiters += 1;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        cancelled?.removeEventListener('abort', done);
        if (set.delete(done) && set.size === 0 && this.waiting.get(storeKey) === set) this.waiting.delete(storeKey);
        this.waiters -= 1;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      cancelled?.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  /** Reads waiting now (tests look). */
  get held(): number {
    return this.waiters;
  }
}

const key = (merchantId: string, storeId: string) => `${merchantId}/${storeId}`;
