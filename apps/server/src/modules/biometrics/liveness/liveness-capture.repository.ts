import type { LivenessCapture, LivenessCaptureAttempt, LivenessCaptureLabel } from '@shualian/db';
import { sql } from 'kysely';
import { Repository } from '../../../platform/db/repository.ts';

export interface CaptureTally {
  captureId: string;
  attempts: number;
  passed: number;
}

export class LivenessCaptureRepository extends Repository {
  async start(capture: {
    merchantId: string;
    id: string;
    deviceId: string;
    label: LivenessCaptureLabel;
    note: string | null;
    startedBy: string;
    consentVersion: string;
    now: Date;
  }): Promise<LivenessCapture> {
    return this.db
      .insertInto('liveness_captures')
      .values({
        merchant_id: capture.merchantId,
        id: capture.id,
        device_id: capture.deviceId,
        label: capture.label,
        note: capture.note,
        started_by: capture.startedBy,
        consent_version: capture.consentVersion,
        started_at: capture.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  get(merchantId: string, captureId: string): Promise<LivenessCapture | undefined> {
    return this.db
      .selectFrom('liveness_captures')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', captureId)
      .executeTakeFirst();
  }

  /** The kiosk's open capture, if a technician started one. */
  openFor(merchantId: string, deviceId: string): Promise<LivenessCapture | undefined> {
    return this.db
      .selectFrom('liveness_captures')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('device_id', '=', deviceId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
  }

  async end(merchantId: string, captureId: string, now: Date): Promise<LivenessCapture | undefined> {
    return this.db
      .updateTable('liveness_captures')
      .set({ ended_at: now })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', captureId)
      .where('ended_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  list(merchantId: string, limit: number): Promise<LivenessCapture[]> {
    return this.db
      .selectFrom('liveness_captures')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
  }

  async tallies(merchantId: string, captureIds: string[]): Promise<CaptureTally[]> {
    if (captureIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('liveness_capture_attempts')
      .select([
        'capture_id',
        sql<number>`count(*)::int`.as('attempts'),
        sql<number>`count(*) filter (where passed)::int`.as('passed'),
      ])
      .where('merchant_id', '=', merchantId)
      .where('capture_id', 'in', captureIds)
      .where('status', '=', 'assessed')
      .groupBy('capture_id')
      .execute();
    return rows.map((r) => ({ captureId: r.capture_id, attempts: r.attempts, passed: r.passed }));
  }

  /** Every assessed attempt of the merchant's captures with the capture's label, oldest first, for the report. */
  assessed(
    merchantId: string,
    captureIds?: string[],
  ): Promise<Array<LivenessCaptureAttempt & { label: LivenessCaptureLabel }>> {
    let query = this.db
      .selectFrom('liveness_capture_attempts as a')
      .innerJoin('liveness_captures as c', (join) =>
        join.onRef('c.merchant_id', '=', 'a.merchant_id').onRef('c.id', '=', 'a.capture_id'),
      )
      .selectAll('a')
      .select('c.label')
      .where('a.merchant_id', '=', merchantId)
      .where('a.status', '=', 'assessed');
    if (captureIds) query = query.where('a.capture_id', 'in', captureIds);
    return query.orderBy('a.created_at').execute();
  }

  async newAttempt(attempt: {
    merchantId: string;
    id: string;
    captureId: string;
    challenge: unknown;
    now: Date;
    expiresAt: Date;
  }): Promise<LivenessCaptureAttempt> {
    return this.db
      .insertInto('liveness_capture_attempts')
      .values({
        merchant_id: attempt.merchantId,
        id: attempt.id,
        capture_id: attempt.captureId,
        challenge: JSON.stringify(attempt.challenge),
        status: 'awaiting_frames',
        created_at: attempt.now,
        expires_at: attempt.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  getAttempt(merchantId: string, attemptId: string): Promise<LivenessCaptureAttempt | undefined> {
    return this.db
      .selectFrom('liveness_capture_attempts')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', attemptId)
      .executeTakeFirst();
  }

  getAttemptForUpdate(merchantId: string, attemptId: string): Promise<LivenessCaptureAttempt | undefined> {
    return this.db
      .selectFrom('liveness_capture_attempts')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', attemptId)
      .forUpdate()
      .executeTakeFirst();
  }

  async assess(merchantId: string, attemptId: string, passed: boolean, verdict: unknown): Promise<void> {
    await this.db
      .updateTable('liveness_capture_attempts')
      .set({ status: 'assessed', passed, verdict: JSON.stringify(verdict) })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', attemptId)
      .execute();
  }

  /** Deletes a capture and its attempts. */
  async delete(merchantId: string, captureId: string): Promise<boolean> {
    await this.db
      .deleteFrom('liveness_capture_attempts')
      .where('merchant_id', '=', merchantId)
      .where('capture_id', '=', captureId)
      .execute();
    const deleted = await this.db
      .deleteFrom('liveness_captures')
      .where('merchant_id', '=', merchantId)
      .where('id', '=', captureId)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }
}
