import { randomUUID } from 'node:crypto';
import type { Receipt } from '@shualian/db';
import type { MemberActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { ReceiptRepository } from './receipt.repository.ts';

/** The member's inbox: receipts for payments, refunds and top-ups, and notices (a locked session, say). */
export class ReceiptService {
  constructor(private readonly receipts: ReceiptRepository) {}

  /** Posts inside the caller's transaction, so a receipt exists exactly when its money movement does. */
  async post(
    trx: Db,
    receipt: {
      merchantId: string;
      memberId: string;
      kind: Receipt['kind'];
      paymentId?: string;
      body: Record<string, unknown>;
    },
  ): Promise<string> {
    const id = randomUUID();
    await this.receipts.with(trx).insert({ ...receipt, id, paymentId: receipt.paymentId ?? null });
    return id;
  }

  list(actor: MemberActor, options: { limit: number; before?: Date }): Promise<Receipt[]> {
    return this.receipts.list(actor.merchantId, actor.memberId, options);
  }
}
