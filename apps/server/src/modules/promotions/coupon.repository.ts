import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';
import type { CouponsTable, CouponTemplatesTable, PromotionSettingsTable } from './promotion.schema.ts';

export type CouponTemplate = Selectable<CouponTemplatesTable>;
export type Coupon = Selectable<CouponsTable>;
export type PromotionSettingsRow = Selectable<PromotionSettingsTable>;
/** A coupon with what its template says. */
export type WalletCoupon = Coupon & {
  name: string;
  rules: CouponTemplate['rules'];
  method: CouponTemplate['method'];
  stacking: CouponTemplate['stacking'];
  priority: number;
  offline_only: boolean;
  template_status: CouponTemplate['status'];
};

/** Coupon templates, coupons, and the merchant's promotion settings: all SQL of their tables. */
export class CouponRepository extends Repository {
  insertTemplate(row: Insertable<CouponTemplatesTable>): Promise<CouponTemplate> {
    return this.db
      .insertInto('coupon_templates')
      .values({ ...row, rules: JSON.stringify(row.rules), method: JSON.stringify(row.method) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  template(merchantId: string, id: string): Promise<CouponTemplate | undefined> {
    return this.db
      .selectFrom('coupon_templates')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The template, row-locked: issuances of one template queue, so its per-member cap holds. */
  lockTemplate(merchantId: string, id: string): Promise<CouponTemplate | undefined> {
    return this.db
      .selectFrom('coupon_templates')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async setTemplateStatus(merchantId: string, id: string, status: CouponTemplate['status']): Promise<void> {
    await this.db
      .updateTable('coupon_templates')
      .set({ status })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .execute();
  }

  listTemplates(merchantId: string, limit: number) {
    return this.db
      .selectFrom('coupon_templates as t')
      .selectAll('t')
      .select((eb) => [
        eb
          .selectFrom('coupons as c')
          .whereRef('c.merchant_id', '=', 't.merchant_id')
          .whereRef('c.template_id', '=', 't.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('issued'),
        eb
          .selectFrom('coupons as c')
          .whereRef('c.merchant_id', '=', 't.merchant_id')
          .whereRef('c.template_id', '=', 't.id')
          .where('c.status', '=', 'redeemed')
          .select(eb.fn.countAll<number>().as('n'))
          .as('redeemed'),
      ])
      .where('t.merchant_id', '=', merchantId)
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .limit(limit)
      .execute();
  }

  /** How many coupons of the template each member holds (in all), for the per-member cap. */
  async heldBy(merchantId: string, templateId: string, memberIds: readonly string[]): Promise<Map<string, number>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('coupons')
      .select((eb) => ['member_id', eb.fn.countAll<number>().as('n')])
      .where('merchant_id', '=', merchantId)
      .where('template_id', '=', templateId)
      .where('member_id', 'in', memberIds)
      .groupBy('member_id')
      .execute();
    return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
  }

  /** Issues coupons; a row whose issue key was used before is skipped. Answers the coupons issued now. */
  insertCoupons(rows: Insertable<CouponsTable>[]): Promise<Coupon[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.db
      .insertInto('coupons')
      .values(rows)
      .onConflict((oc) => oc.constraint('coupons_issue_key_unique').doNothing())
      .returningAll()
      .execute();
  }

  byIssueKeys(merchantId: string, keys: readonly string[]): Promise<Coupon[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('coupons')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('issue_key', 'in', keys)
      .execute();
  }

  /** Every coupon of the member with its template (the wallet). */
  wallet(merchantId: string, memberId: string): Promise<WalletCoupon[]> {
    return this.db
      .selectFrom('coupons as c')
      .innerJoin('coupon_templates as t', (join) =>
        join.onRef('t.merchant_id', '=', 'c.merchant_id').onRef('t.id', '=', 'c.template_id'),
      )
      .selectAll('c')
      .select([
        't.name',
        't.rules',
        't.method',
        't.stacking',
        't.priority',
        't.offline_only',
        't.status as template_status',
      ])
      .where('c.merchant_id', '=', merchantId)
      .where('c.member_id', '=', memberId)
      .orderBy('c.valid_until')
      .orderBy('c.id')
      .limit(500)
      .execute();
  }

  /** The member's coupons usable at a moment (available, within their window, of an active template). */
  usable(merchantId: string, memberId: string, at: Date): Promise<Coupon[]> {
    return this.db
      .selectFrom('coupons as c')
      .innerJoin('coupon_templates as t', (join) =>
        join.onRef('t.merchant_id', '=', 'c.merchant_id').onRef('t.id', '=', 'c.template_id'),
      )
      .selectAll('c')
      .where('c.merchant_id', '=', merchantId)
      .where('c.member_id', '=', memberId)
      .where('c.status', '=', 'available')
      .where('t.status', '=', 'active')
      .where('c.valid_from', '<=', at)
      .where('c.valid_until', '>', at)
      .orderBy('c.valid_until')
      .orderBy('c.id')
      .limit(500)
      .execute();
  }

  templates(merchantId: string, ids: readonly string[]): Promise<CouponTemplate[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('coupon_templates')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', 'in', ids)
      .execute();
  }

  /**
   * Redeems a coupon for a payment in one conditional update: only an available coupon of this member, valid at
   * the moment, of an active template, is taken; two payments that race for it cannot both get it.
   */
  async redeem(p: {
    merchantId: string;
    couponId: string;
    memberId: string;
    paymentId: string;
    orderFen: number;
    at: Date;
  }): Promise<boolean> {
    const result = await this.db
      .updateTable('coupons')
      .set({
        status: 'redeemed',
        redeemed_payment_id: p.paymentId,
        redeemed_at: p.at,
        redeemed_order_fen: p.orderFen,
      })
      .where('merchant_id', '=', p.merchantId)
      .where('id', '=', p.couponId)
      .where('member_id', '=', p.memberId)
      .where('status', '=', 'available')
      .where('valid_from', '<=', p.at)
      .where('valid_until', '>', p.at)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('coupon_templates as t')
            .whereRef('t.merchant_id', '=', 'coupons.merchant_id')
            .whereRef('t.id', '=', 'coupons.template_id')
            .where('t.status', '=', 'active')
            .select(sql`1`.as('one')),
        ),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives back the coupons a payment redeemed, when the refunds reached its whole amount; answers them. */
  restoreForPayment(merchantId: string, paymentId: string, refundedFen: number, at: Date): Promise<Coupon[]> {
    return this.db
      .updateTable('coupons')
      .set({
        status: 'available',
        redeemed_payment_id: null,
        redeemed_at: null,
        redeemed_order_fen: null,
        restored_at: at,
      })
      .where('merchant_id', '=', merchantId)
      .where('redeemed_payment_id', '=', paymentId)
      .where('status', '=', 'redeemed')
      .where('redeemed_order_fen', '<=', refundedFen)
      .returningAll()
      .execute();
  }

  settings(merchantId: string): Promise<PromotionSettingsRow | undefined> {
    return this.db
      .selectFrom('promotion_settings')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
  }

  async saveSettings(row: Insertable<PromotionSettingsTable>): Promise<PromotionSettingsRow> {
    const { merchant_id: _m, red_packet_spent_fen: _s, ...update } = row;
    return this.db
      .insertInto('promotion_settings')
      .values(row)
      .onConflict((oc) => oc.column('merchant_id').doUpdateSet(update))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Spends from the red-packet budget only while the spending stays within it: one conditional update, so however
   * many payments draw at once, the budget is never passed.
   */
  async spendRedPacket(merchantId: string, fen: number): Promise<boolean> {
    const result = await this.db
      .updateTable('promotion_settings')
      .set({ red_packet_spent_fen: sql`red_packet_spent_fen + ${fen}::bigint` })
      .where('merchant_id', '=', merchantId)
      .where(sql<boolean>`red_packet_spent_fen + ${fen}::bigint <= red_packet_budget_fen`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
