import type { Receipt } from '@shualian/db';
import { Repository } from '../../platform/db/repository.ts';

export class ReceiptRepository extends Repository {
  async insert(receipt: {
    merchantId: string;
    id: string;
    memberId: string;
    kind: Receipt['kind'];
    paymentId: string | null;
    body: Record<string, unknown>;
  }): Promise<void> {
    await this.db
      .insertInto('receipts')
      .values({
        merchant_id: receipt.merchantId,
        id: receipt.id,
        member_id: receipt.memberId,
        kind: receipt.kind,
        payment_id: receipt.paymentId,
        body: JSON.stringify(receipt.body),
      })
      .execute();
  }

  /** The member's receipts, newest first. */
  list(merchantId: string, memberId: string, options: { limit: number; before?: Date }): Promise<Receipt[]> {
    let query = this.db
      .selectFrom('receipts')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId);
    if (options.before) query = query.where('created_at', '<', options.before);
    return query.orderBy('created_at', 'desc').limit(options.limit).execute();
  }
}
