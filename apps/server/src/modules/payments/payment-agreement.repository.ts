import type { PaymentAgreement } from '@shualian/db';
import { Repository } from '../../platform/db/repository.ts';

type AgreementValues = Partial<Omit<PaymentAgreement, 'merchant_id' | 'member_id' | 'updated_at'>>;

/** Each member's 免密 terms and payment PIN. */
export class PaymentAgreementRepository extends Repository {
  find(merchantId: string, memberId: string): Promise<PaymentAgreement | undefined> {
    return this.db
      .selectFrom('payment_agreements')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
  }

  /** The agreement, its row locked until the transaction ends: PIN answers queue up on it. */
  findForUpdate(merchantId: string, memberId: string): Promise<PaymentAgreement | undefined> {
    return this.db
      .selectFrom('payment_agreements')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Creates the agreement with the merchant's default limits, or changes these fields of the existing one. */
  async upsert(
    merchantId: string,
    memberId: string,
    defaults: { perPaymentLimitFen: number; dailyLimitFen: number },
    values: AgreementValues,
    now: Date,
  ): Promise<void> {
    await this.db
      .insertInto('payment_agreements')
      .values({
        merchant_id: merchantId,
        member_id: memberId,
        password_free: false,
        per_payment_limit_fen: defaults.perPaymentLimitFen,
        daily_limit_fen: defaults.dailyLimitFen,
        ...values,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'member_id']).doUpdateSet({ ...values, updated_at: now }))
      .execute();
  }

  async setPinFailures(
    merchantId: string,
    memberId: string,
    failures: number,
    lockedUntil: Date | null,
  ): Promise<void> {
    await this.db
      .updateTable('payment_agreements')
      .set({ pin_failures: failures, pin_locked_until: lockedUntil })
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .execute();
  }
}
