import { Repository } from '../../platform/db/repository.ts';
import type { StoredValuePlan, StoredValuePurchase } from './loyalty.schema.ts';

export class StoredValuePlanRepository extends Repository {
  async insertPlan(plan: StoredValuePlan): Promise<void> {
    await this.db.insertInto('stored_value_plans').values(plan).execute();
  }

  plan(merchantId: string, planId: string): Promise<StoredValuePlan | undefined> {
    return this.db
      .selectFrom('stored_value_plans')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', planId)
      .executeTakeFirst();
  }

  plans(merchantId: string): Promise<StoredValuePlan[]> {
    return this.db
      .selectFrom('stored_value_plans')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async purchaseCount(merchantId: string, memberId: string, planId: string): Promise<number> {
    const row = await this.db
      .selectFrom('stored_value_purchases')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async insertPurchase(purchase: StoredValuePurchase): Promise<void> {
    await this.db.insertInto('stored_value_purchases').values(purchase).execute();
  }

  purchaseForUpdate(merchantId: string, purchaseId: string): Promise<StoredValuePurchase | undefined> {
    return this.db
      .selectFrom('stored_value_purchases')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', purchaseId)
      .forUpdate()
      .executeTakeFirst();
  }

  async markRefunded(merchantId: string, purchaseId: string, principalFen: number, bonusFen: number, at: Date) {
    await this.db
      .updateTable('stored_value_purchases')
      .set({ refunded_principal_fen: principalFen, forfeited_bonus_fen: bonusFen, refunded_at: at })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', purchaseId)
      .execute();
  }

  /** Per plan: purchases, principal and bonus sold, principal refunded and bonus forfeited. */
  async soldTotals(merchantId: string) {
    const rows = await this.db
      .selectFrom('stored_value_purchases')
      .select([
        'plan_id',
        (eb) => eb.fn.countAll<number>().as('purchases'),
        (eb) => eb.fn.sum<number>('principal_fen').as('principal'),
        (eb) => eb.fn.sum<number>('bonus_fen').as('bonus'),
        (eb) => eb.fn.sum<number>('refunded_principal_fen').as('refunded'),
        (eb) => eb.fn.sum<number>('forfeited_bonus_fen').as('forfeited'),
      ])
      .where('merchant_id', '=', merchantId)
      .groupBy('plan_id')
      .orderBy('plan_id')
      .execute();
    return rows.map((r) => ({
      planId: r.plan_id,
      purchases: Number(r.purchases),
      principalSoldFen: Number(r.principal),
      bonusGivenFen: Number(r.bonus),
      principalRefundedFen: Number(r.refunded),
      bonusForfeitedFen: Number(r.forfeited),
    }));
  }
}
