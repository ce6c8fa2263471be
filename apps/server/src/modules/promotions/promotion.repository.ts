import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';
import type { PromotionsTable } from './promotion.schema.ts';

export type Promotion = Selectable<PromotionsTable>;

/** Promotions, their usages and budgets: all SQL of the promotions' tables. */
export class PromotionRepository extends Repository {
  insert(row: Insertable<PromotionsTable>): Promise<Promotion> {
    return this.db
      .insertInto('promotions')
      .values({ ...row, rules: JSON.stringify(row.rules), method: JSON.stringify(row.method) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  get(merchantId: string, id: string): Promise<Promotion | undefined> {
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  lock(merchantId: string, id: string): Promise<Promotion | undefined> {
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async update(merchantId: string, id: string, patch: Updateable<PromotionsTable>): Promise<Promotion> {
    const values = { ...patch };
    if (patch.rules !== undefined) values.rules = JSON.stringify(patch.rules);
    if (patch.method !== undefined) values.method = JSON.stringify(patch.method);
    return this.db
      .updateTable('promotions')
      .set({ ...values, revision: sql`revision + 1` })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The merchant's promotions with their usage so far (payments, discount given), newest first. */
  list(merchantId: string, filter: { status?: 'active' | 'paused'; id?: string; limit: number }) {
    let query = this.db
      .selectFrom('promotions as p')
      .selectAll('p')
      .select((eb) => [
        eb
          .selectFrom('promotion_usages as u')
          .whereRef('u.merchant_id', '=', 'p.merchant_id')
          .whereRef('u.promotion_id', '=', 'p.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('uses'),
        eb
          .selectFrom('promotion_usages as u')
          .whereRef('u.merchant_id', '=', 'p.merchant_id')
          .whereRef('u.promotion_id', '=', 'p.id')
          .select(sql<number>`coalesce(sum(u.discount_fen), 0)`.as('d'))
          .as('discount_fen'),
      ])
      .where('p.merchant_id', '=', merchantId);
    if (filter.status) query = query.where('p.status', '=', filter.status);
    if (filter.id) query = query.where('p.id', '=', filter.id);
    return query.orderBy('p.created_at', 'desc').orderBy('p.id').limit(filter.limit).execute();
  }

  /**
   * The promotions that run at this moment and have budget left (quotes: read without locks), as ids with their
   * revision and what they have spent: what they say is read by `byIds` only when the revision is new.
   */
  live(merchantId: string, at: Date): Promise<Array<{ id: string; revision: number; budget_used: number }>> {
    return this.db
      .selectFrom('promotions')
      .select(['id', 'revision', 'budget_used'])
      .where('merchant_id', '=', merchantId)
      .where('status', '=', 'active')
      .where('starts_at', '<=', at)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
      .where((eb) => eb.or([eb('budget_limit', 'is', null), eb('budget_used', '<', eb.ref('budget_limit'))]))
      .execute();
  }

  byIds(merchantId: string, ids: readonly string[]): Promise<Promotion[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', 'in', ids)
      .execute();
  }

  /** How often each promotion was used by the member (in all, and on the day), for the per-member limits. */
  async memberUses(
    merchantId: string,
    memberId: string,
    promotionIds: readonly string[],
    day: string,
  ): Promise<Map<string, { total: number; today: number }>> {
    if (promotionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('promotion_usages')
      .select((eb) => [
        'promotion_id',
        eb.fn.countAll<number>().as('total'),
        sql<number>`count(*) filter (where business_day = ${day})`.as('today'),
      ])
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('promotion_id', 'in', promotionIds)
      .groupBy('promotion_id')
      .execute();
    return new Map(rows.map((r) => [r.promotion_id, { total: Number(r.total), today: Number(r.today) }]));
  }

  /** How often each promotion was used on the day, for the daily limits. */
  async dayUses(merchantId: string, promotionIds: readonly string[], day: string): Promise<Map<string, number>> {
    if (promotionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('promotion_usages')
      .select((eb) => ['promotion_id', eb.fn.countAll<number>().as('n')])
      .where('merchant_id', '=', merchantId)
      .where('promotion_id', 'in', promotionIds)
      .where('business_day', '=', day)
      .groupBy('promotion_id')
      .execute();
    return new Map(rows.map((r) => [r.promotion_id, Number(r.n)]));
  }

  /**
   * Spends a payment's use of the promotion: raises the budget only while it stays within its limit (the row stays
   * locked until the payment commits, so the payments of one promotion are decided one after another), and answers
   * the promotion as it is then, or undefined when the budget would be exceeded or the promotion no longer runs.
   */
  spend(merchantId: string, id: string, amount: { uses: number; fen: number }, at: Date) {
    return this.db
      .updateTable('promotions')
      .set({
        budget_used: sql`budget_used + case budget_kind when 'uses' then ${amount.uses}::bigint when 'fen' then ${amount.fen}::bigint else 0 end`,
      })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('starts_at', '<=', at)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
      .where(
        sql<boolean>`(budget_limit is null or budget_used + case budget_kind when 'uses' then ${amount.uses}::bigint else ${amount.fen}::bigint end <= budget_limit)`,
      )
      .returningAll()
      .executeTakeFirst();
  }

  async recordUse(row: {
    merchantId: string;
    promotionId: string;
    paymentId: string;
    memberId: string | null;
    discountFen: number;
    businessDay: string;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('promotion_usages')
      .values({
        merchant_id: row.merchantId,
        promotion_id: row.promotionId,
        payment_id: row.paymentId,
        member_id: row.memberId,
        discount_fen: row.discountFen,
        business_day: row.businessDay,
        created_at: row.at,
      })
      .execute();
  }
}
