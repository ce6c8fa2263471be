import type { FaceSession } from '@shualian/db';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';
import type { SessionPricing } from './face-session.schema.ts';

/** The step-ups that compare the shopper's face again, against the probe sealed in the session; no other state keeps it. */
export const STEP_UPS_WITH_PROBE: readonly string[] = ['phone_suffix', 'full_phone', 'head_turn'];

const withoutProbe = sql<string>`decision - 'probe'`;

export class FaceSessionRepository extends Repository {
  /** The session, row-locked until the transaction ends: answers to one session queue up and each sees the last. */
  getForUpdate(merchantId: string, sessionId: string): Promise<FaceSession | undefined> {
    return this.db
      .selectFrom('face_sessions')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', sessionId)
      .forUpdate()
      .executeTakeFirst();
  }

  /**
   * The member's face data is going: their open sessions are refused, and no session that names them (as the member
   * or a candidate) keeps a probe. Returns how many sessions ended.
   */
  async endForMember(merchantId: string, memberId: string, now: Date): Promise<number> {
    const namesMember = sql<boolean>`(member_id = ${memberId} or candidates @> ${JSON.stringify([memberId])}::jsonb)`;
    const ended = await this.db
      .updateTable('face_sessions')
      .set({
        status: 'refused',
        decision: sql`(decision - 'probe') || ${JSON.stringify({ reason: 'face_data_deleted' })}::jsonb`,
      })
      .where('merchant_id', '=', merchantId)
      .where('status', 'in', ['step_up', 'approved'])
      .where('expires_at', '>', now)
      .where(namesMember)
      .executeTakeFirst();
    await this.db
      .updateTable('face_sessions')
      .set({ decision: withoutProbe })
      .where('merchant_id', '=', merchantId)
      .where(sql<boolean>`decision ? 'probe'`)
      .where(namesMember)
      .execute();
    return Number(ended.numUpdatedRows);
  }

  /** Removes every probe no step-up will compare against any more (the session ended, expired, or asks for a PIN). */
  async sweepProbes(now: Date): Promise<number> {
    const swept = await this.db
      .updateTable('face_sessions')
      .set({ decision: withoutProbe })
      .where(sql<boolean>`decision ? 'probe'`)
      .where((eb) =>
        eb.or([
          eb('status', '!=', 'step_up'),
          eb('step_up', 'is', null),
          eb('step_up', 'not in', STEP_UPS_WITH_PROBE),
          eb('expires_at', '<=', now),
        ]),
      )
      .executeTakeFirst();
    return Number(swept.numUpdatedRows);
  }

  async insert(session: {
    merchantId: string;
    id: string;
    storeId: string;
    deviceId: string;
    amountFen: number;
    items: unknown;
    pricing: SessionPricing;
    challenge: unknown;
    expiresAt: Date;
  }): Promise<FaceSession> {
    return this.db
      .insertInto('face_sessions')
      .values({
        merchant_id: session.merchantId,
        id: session.id,
        store_id: session.storeId,
        device_id: session.deviceId,
        amount_fen: session.amountFen,
        items: JSON.stringify(session.items),
        pricing: JSON.stringify(session.pricing),
        status: 'awaiting_frames',
        challenge: JSON.stringify(session.challenge),
        expires_at: session.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  get(merchantId: string, sessionId: string): Promise<FaceSession | undefined> {
    return this.db
      .selectFrom('face_sessions')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', sessionId)
      .executeTakeFirst();
  }

  /**
   * Moves the session on from `from`, and only from there: undefined when another answer moved it first.
   */
  transition(
    merchantId: string,
    sessionId: string,
    from: FaceSession['status'],
    values: {
      status: FaceSession['status'];
      memberId?: string | null;
      stepUp?: string | null;
      candidates?: string[];
      failedAttempts?: number;
      decision: unknown;
      /** The cart priced for the member the decision names: its total becomes the session's amount. */
      priced?: { amountFen: number; items: unknown; pricing: SessionPricing };
    },
  ): Promise<FaceSession | undefined> {
    return this.db
      .updateTable('face_sessions')
      .set({
        status: values.status,
        ...(values.memberId !== undefined && { member_id: values.memberId }),
        ...(values.stepUp !== undefined && { step_up: values.stepUp }),
        ...(values.candidates !== undefined && { candidates: JSON.stringify(values.candidates) }),
        ...(values.failedAttempts !== undefined && { failed_attempts: values.failedAttempts }),
        decision: JSON.stringify(values.decision),
        ...(values.priced && {
          amount_fen: values.priced.amountFen,
          items: JSON.stringify(values.priced.items),
          pricing: JSON.stringify(values.priced.pricing),
        }),
      })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', sessionId)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst();
  }

  async markPaid(
    merchantId: string,
    sessionId: string,
    paymentId: string,
    decision: unknown,
    priced: { amountFen: number; items: unknown; pricing: SessionPricing | null },
  ): Promise<void> {
    await this.db
      .updateTable('face_sessions')
      .set({
        status: 'paid',
        payment_id: paymentId,
        decision: JSON.stringify(decision),
        amount_fen: priced.amountFen,
        items: JSON.stringify(priced.items),
        pricing: priced.pricing === null ? null : JSON.stringify(priced.pricing),
      })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', sessionId)
      .execute();
  }
}
