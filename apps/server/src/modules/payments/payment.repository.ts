import type { Payment } from '@shualian/db';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';
import type { PaymentDiscount } from './payment.schema.ts';

export class PaymentRepository extends Repository {
  async insert(row: {
    merchantId: string;
    id: string;
    storeId: string;
    deviceId: string | null;
    memberId: string;
    faceSessionId: string | null;
    amountFen: number;
    items: unknown[];
    transactionId: string;
    discounts?: PaymentDiscount[];
  }): Promise<Payment> {
    return this.db
      .insertInto('payments')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        store_id: row.storeId,
        device_id: row.deviceId,
        member_id: row.memberId,
        face_session_id: row.faceSessionId,
        amount_fen: row.amountFen,
        items: JSON.stringify(row.items),
        transaction_id: row.transactionId,
        discounts: JSON.stringify(row.discounts ?? []),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The payment, row-locked: concurrent refunds of one payment queue up and see each other's amounts. */
  getForUpdate(merchantId: string, paymentId: string): Promise<Payment | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirst();
  }

  get(merchantId: string, paymentId: string): Promise<Payment | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', paymentId)
      .executeTakeFirst();
  }

  async addRefunded(merchantId: string, paymentId: string, amountFen: number): Promise<void> {
    await this.db
      .updateTable('payments')
      .set({ refunded_fen: sql`refunded_fen + ${amountFen}` })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', paymentId)
      .execute();
  }

  async insertRefund(row: {
    merchantId: string;
    id: string;
    paymentId: string;
    amountFen: number;
    reason: string | null;
    transactionId: string;
    createdBy: string;
  }): Promise<void> {
    await this.db
      .insertInto('refunds')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        payment_id: row.paymentId,
        amount_fen: row.amountFen,
        reason: row.reason,
        transaction_id: row.transactionId,
        created_by: row.createdBy,
      })
      .execute();
  }

  /** Sum and count of a member's payments since a moment (limits and velocity). */
  async memberTotals(merchantId: string, memberId: string, since: Date): Promise<{ count: number; sumFen: number }> {
    const row = await this.db
      .selectFrom('payments')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('sum'),
      ])
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), sumFen: Number(row.sum) };
  }

  /** The member's first payment (the earliest; their payments are decided one after another, member row locked). */
  async firstOf(merchantId: string, memberId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('payments')
      .select('id')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  list(merchantId: string, filter: { storeId?: string; memberId?: string; from?: Date; to?: Date; limit: number }) {
    let query = this.db.selectFrom('payments').selectAll().where('merchant_id', '=', merchantId);
    if (filter.storeId) query = query.where('store_id', '=', filter.storeId);
    if (filter.memberId) query = query.where('member_id', '=', filter.memberId);
    if (filter.from) query = query.where('created_at', '>=', filter.from);
    if (filter.to) query = query.where('created_at', '<', filter.to);
    return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
  }

  /** Per-store totals of payments, refunds and top-ups in [from, to). */
  async settlement(merchantId: string, from: Date, to: Date) {
    const payments = await sql<{ store_id: string; count: string; gross: string }>`
      select store_id, count(*) as count, coalesce(sum(amount_fen), 0) as gross from payments
       where merchant_id = ${merchantId} and created_at >= ${from} and created_at < ${to} group by store_id`.execute(
      this.db,
    );
    const refunds = await sql<{ store_id: string; count: string; refunded: string }>`
      select p.store_id, count(*) as count, coalesce(sum(r.amount_fen), 0) as refunded from refunds r
        join payments p on p.merchant_id = r.merchant_id and p.id = r.payment_id
       where r.merchant_id = ${merchantId} and r.created_at >= ${from} and r.created_at < ${to} group by p.store_id`.execute(
      this.db,
    );
    const topUps = await sql<{ count: string; total: string }>`
      select count(distinct t.id) as count, coalesce(sum(e.amount_fen), 0) as total from ledger_transactions t
        join ledger_entries e on e.merchant_id = t.merchant_id and e.transaction_id = t.id and e.amount_fen > 0
       where t.merchant_id = ${merchantId} and t.kind = 'top_up' and t.created_at >= ${from} and t.created_at < ${to}`.execute(
      this.db,
    );
    return { payments: payments.rows, refunds: refunds.rows, topUps: topUps.rows[0] ?? { count: '0', total: '0' } };
  }
}
