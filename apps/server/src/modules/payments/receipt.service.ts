import { randomUUID } from 'node:crypto';
import type { Database, Receipt } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { MemberActor } from '../../platform/actors.ts';

/** The member's inbox: receipts for payments, refunds and top-ups, and notices (a locked session, say). */
export class ReceiptService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Posts inside the caller's transaction, so a receipt exists exactly when its money movement does. */
  async post(
    trx: Kysely<Database>,
    receipt: { merchantId: string; memberId: string; kind: Receipt['kind']; paymentId?: string; body: Record<string, unknown> },
  ): Promise<string> {
    const id = randomUUID();
    await trx
      .insertInto('receipts')
      .values({
        merchant_id: receipt.merchantId,
        id,
        member_id: receipt.memberId,
        kind: receipt.kind,
        payment_id: receipt.paymentId ?? null,
        body: JSON.stringify(receipt.body),
      })
      .execute();
    return id;
  }

  list(actor: MemberActor, options: { limit: number; before?: Date }): Promise<Receipt[]> {
    let query = this.db
      .selectFrom('receipts')
      .selectAll()
      .where('merchant_id', '=', actor.merchantId)
      .where('member_id', '=', actor.memberId);
    if (options.before) query = query.where('created_at', '<', options.before);
    return query.orderBy('created_at', 'desc').limit(options.limit).execute();
  }
}
