import type { DomainEvent } from '../../platform/outbox/index.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Visit } from './presence.schema.ts';

/**
 * Events of a visit, recorded in the transaction that opens, names or ends it. Payloads carry ids and times, never a
 * face, an age or a gender. `visit.identified`: an anonymous visit that a later crop recognised as a consenting
 * member's (its `visit.started` said anonymous); a visit ends once.
 */
export const PRESENCE_EVENT_TYPES = ['visit.started', 'visit.identified', 'visit.ended'] as const;

const visitAggregate = (visitId: string) => ({ type: 'visit', id: visitId });

export function visitStarted(visit: Visit): DomainEvent {
  return {
    type: 'visit.started',
    merchantId: visit.merchant_id,
    aggregate: visitAggregate(visit.id),
    payload: {
      visitId: visit.id,
      storeId: visit.store_id,
      memberId: visit.member_id,
      deviceId: visit.entry_device_id,
      enteredAt: visit.entered_at.toISOString(),
    },
    occurredAt: visit.entered_at,
  };
}

export function visitIdentified(visit: Visit, at: Date): DomainEvent {
  return {
    type: 'visit.identified',
    merchantId: visit.merchant_id,
    aggregate: visitAggregate(visit.id),
    payload: {
      visitId: visit.id,
      storeId: visit.store_id,
      memberId: visit.member_id,
      enteredAt: visit.entered_at.toISOString(),
    },
    occurredAt: at,
  };
}

export function visitEnded(visit: Visit): DomainEvent {
  const leftAt = visit.left_at!;
  return {
    type: 'visit.ended',
    merchantId: visit.merchant_id,
    aggregate: visitAggregate(visit.id),
    payload: {
      visitId: visit.id,
      storeId: visit.store_id,
      memberId: visit.member_id,
      enteredAt: visit.entered_at.toISOString(),
      leftAt: leftAt.toISOString(),
      dwellSeconds: Math.round((leftAt.getTime() - visit.entered_at.getTime()) / 1000),
      reason: visit.end_reason,
    },
    occurredAt: leftAt,
  };
}

/** What the presence jobs run on. */
export interface PresenceWork {
  closeStaleVisits(): Promise<number>;
  forgetOldVisits(): Promise<number>;
}

/**
 * The recurring presence jobs: visits not seen for their merchant's window are ended every minute (and members'
 * visits whose entrance consent was withdrawn), visits past the retention period forgotten every night.
 */
export const PRESENCE_JOBS = {
  'presence.close-visits': { cron: { minutes: 1 }, run: (work: PresenceWork) => work.closeStaleVisits() },
  'presence.forget-visits': { cron: '40 3 * * *', run: (work: PresenceWork) => work.forgetOldVisits() },
} as const;

export async function registerPresenceJobs(jobs: JobQueue, work: PresenceWork): Promise<void> {
  for (const [name, job] of Object.entries(PRESENCE_JOBS)) {
    jobs.register(name, async () => void (await job.run(work)), { retryLimit: 0, expireInSeconds: 300 });
    await jobs.every(name, job.cron);
  }
}
