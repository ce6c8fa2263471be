import type { CropBatch, CropQueue } from './crop-queue.ts';
import { afterFailure, retryDelayMs, type FailureAction } from './send-outcome.ts';

/**
 * Sends the queue's batches one at a time, oldest first (the server counts a camera's crops in the order taken), for
 * as long as there are any: after a failure it waits (send-outcome.ts) and goes on with whatever is still fresh; the
 * queue has meanwhile dropped what went stale. Stops for good when the device has lost the server's trust or is not
 * an entrance camera.
 */
export interface SenderEvents<Answer> {
  sent(batch: CropBatch, answer: Answer): void;
  /** the server refused the batch for good; it was dropped */
  refused(batch: CropBatch, error: unknown): void;
  /** no answer, or the server busy: the batch waits and goes again */
  retrying(error: unknown): void;
  /** the sender stopped: the device must be activated again, or is not an entrance camera */
  stopped(action: Extract<FailureAction, 'lost_trust' | 'not_entrance_camera'>, error: unknown): void;
}

export class CropSender<Answer> {
  private busy = false;
  private halted = false;
  private failures = 0;

  constructor(
    private readonly queue: CropQueue,
    private readonly send: (batch: CropBatch) => Promise<Answer>,
    private readonly events: SenderEvents<Answer>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts sending if it is not already (call after every push). */
  kick(): void {
    if (this.busy || this.halted) return;
    this.busy = true;
    void this.drain().finally(() => {
      this.busy = false;
    });
  }

  stop(): void {
    this.halted = true;
  }

  private async drain(): Promise<void> {
    for (let batch = this.queue.next(this.now()); batch && !this.halted; batch = this.queue.next(this.now())) {
      try {
        const answer = await this.send(batch);
        this.queue.settle(batch);
        this.failures = 0;
        this.events.sent(batch, answer);
      } catch (error) {
        const action = afterFailure(error);
        if (action === 'retry') {
          this.failures += 1;
          this.events.retrying(error);
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs(this.failures)));
        } else if (action === 'drop') {
          this.queue.settle(batch);
          this.events.refused(batch, error);
        } else {
          this.halted = true;
          this.events.stopped(action, error);
        }
      }
    }
  }
}
