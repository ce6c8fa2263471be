import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Services } from './container.ts';
import { OutboxRepository } from './platform/outbox/outbox.repository.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';

/** Delivered events are kept this long (for looking into what a subscriber was told), then forgotten. */
const DELIVERED_EVENTS_KEPT_DAYS = 7;

/**
 * The housekeeping that keeps tables small, each a recurring job: once per slot however many processes run.
 * A sweep that fails is simply done again at the next slot.
 */
export const SWEEPS = {
  /** Nonces older than twice the clock-skew window can no longer be replayed. */
  'sweep.device-nonces': { minutes: 1, run: (s) => s.services.devices.forgetExpiredNonces() },
  /** Raw enrollment images past the merchant's retention period. */
  'sweep.face-images': { minutes: 1, run: (s) => s.services.faceData.purgeExpiredImages() },
  /** Probes sealed in expired face sessions, and any a crash left behind. */
  'sweep.sealed-probes': { minutes: 1, run: (s) => s.services.facePay.sweepSealedProbes() },
  /** Every rate window is at most an hour long; older counters limit nothing any more. */
  'sweep.rate-counters': {
    minutes: 1,
    run: (s) => s.services.rateCounters.forgetWindowsBefore(new Date(s.now().getTime() - 2 * 3_600_000)),
  },
  'sweep.delivered-events': {
    minutes: 60,
    run: (s) => new OutboxRepository(s.db).prune(new Date(s.now().getTime() - DELIVERED_EVENTS_KEPT_DAYS * 86_400_000)),
  },
} satisfies Record<string, { minutes: number; run: (s: SweepContext) => Promise<unknown> }>;

interface SweepContext {
  db: Kysely<Database>;
  services: Pick<Services, 'devices' | 'faceData' | 'facePay' | 'rateCounters'>;
  now: () => Date;
}

export async function registerSweeps(jobs: JobQueue, context: SweepContext): Promise<void> {
  for (const [name, sweep] of Object.entries(SWEEPS)) {
    jobs.register(name, async () => void (await sweep.run(context)), { retryLimit: 0, expireInSeconds: 300 });
    await jobs.every(name, { minutes: sweep.minutes });
  }
}
