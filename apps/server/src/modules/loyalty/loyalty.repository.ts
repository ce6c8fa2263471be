import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';
import type {
  BirthdayGift,
  LoyaltyProgram,
  LoyaltyProgramsTable,
  LoyaltyTier,
  MemberCard,
  PointsLot,
  TierBasis,
} from './loyalty.schema.ts';

/** A merchant that never set its programme runs on these. */
export const DEFAULT_PROGRAM: Omit<LoyaltyProgram, 'merchant_id' | 'card_seq' | 'updated_at'> = {
  points_per_yuan: 1,
  points_per_yuan_off: 100,
  max_redeem_percent: 50,
  points_expiry_months: null,
  tier_basis: 'spend',
  tier_window_days: 365,
  spending_order: 'proportional',
};

export type ProgramRules = Omit<LoyaltyProgramsTable, 'merchant_id' | 'card_seq' | 'updated_at'>;

export class LoyaltyRepository extends Repository {
  async program(merchantId: string): Promise<ProgramRules> {
    const row = await this.db
      .selectFrom('loyalty_programs')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    if (!row) return { ...DEFAULT_PROGRAM };
    const { merchant_id: _m, card_seq: _c, updated_at: _u, ...rules } = row;
    return rules;
  }

  async saveProgram(merchantId: string, rules: ProgramRules, at: Date): Promise<void> {
    await this.db
      .insertInto('loyalty_programs')
      .values({ merchant_id: merchantId, ...rules, card_seq: 0, updated_at: at })
      .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ ...rules, updated_at: at }))
      .execute();
  }

  /** The next card sequence of the merchant; the programme's row stays locked until the transaction ends. */
  async nextCardSeq(merchantId: string, at: Date): Promise<number> {
    const row = await this.db
      .insertInto('loyalty_programs')
      .values({ merchant_id: merchantId, ...DEFAULT_PROGRAM, card_seq: 1, updated_at: at })
      .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ card_seq: sql`loyalty_programs.card_seq + 1` }))
      .returning('card_seq')
      .executeTakeFirstOrThrow();
    return Number(row.card_seq);
  }

  tiers(merchantId: string): Promise<LoyaltyTier[]> {
    return this.db
      .selectFrom('loyalty_tiers')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('rank')
      .execute();
  }

  async replaceTiers(merchantId: string, tiers: Omit<LoyaltyTier, 'merchant_id'>[]): Promise<void> {
    await this.db.deleteFrom('loyalty_tiers').where('merchant_id', '=', merchantId).execute();
    if (tiers.length)
      await this.db
        .insertInto('loyalty_tiers')
        .values(tiers.map((t) => ({ ...t, merchant_id: merchantId })))
        .execute();
  }

  card(merchantId: string, memberId: string, forUpdate = false): Promise<MemberCard | undefined> {
    let query = this.db
      .selectFrom('member_cards')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId);
    if (forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  cardByNumber(merchantId: string, cardNumber: string): Promise<MemberCard | undefined> {
    return this.db
      .selectFrom('member_cards')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('card_number', '=', cardNumber)
      .executeTakeFirst();
  }

  /** Inserts the card unless the member has one; true when this call made it. */
  async insertCard(card: MemberCard): Promise<boolean> {
    const result = await this.db
      .insertInto('member_cards')
      .values(card)
      .onConflict((oc) => oc.columns(['merchant_id', 'member_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async setTier(merchantId: string, memberId: string, rank: number, at: Date): Promise<void> {
    await this.db
      .updateTable('member_cards')
      .set({ tier_rank: rank, tier_since: at })
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .execute();
  }

  async recordTierChange(change: {
    merchantId: string;
    memberId: string;
    fromRank: number;
    toRank: number;
    reason: 'payment' | 'evaluation';
    measure: number;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('tier_changes')
      .values({
        merchant_id: change.merchantId,
        id: randomUUID(),
        member_id: change.memberId,
        from_rank: change.fromRank,
        to_rank: change.toRank,
        reason: change.reason,
        measure: change.measure,
        changed_at: change.at,
      })
      .execute();
  }

  tierHistory(merchantId: string, memberId: string, limit: number) {
    return this.db
      .selectFrom('tier_changes')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .orderBy('changed_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** The members with a card, a page at a time (by member id), for the tier evaluation. */
  cardsAfter(merchantId: string, afterMemberId: string | null, limit: number): Promise<MemberCard[]> {
    let query = this.db.selectFrom('member_cards').selectAll().where('merchant_id', '=', merchantId);
    if (afterMemberId) query = query.where('member_id', '>', afterMemberId);
    return query.orderBy('member_id').limit(limit).execute();
  }

  /** Merchants whose tiers give something on a birthday (a coupon or points). */
  async merchantsWithBirthdayGifts(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('loyalty_tiers')
      .select('merchant_id')
      .distinct()
      .where((eb) => eb.or([eb('birthday_coupon_template_id', 'is not', null), eb('birthday_points', '>', 0)]))
      .execute();
    return rows.map((r) => r.merchant_id);
  }

  /** Which of these members had their birthday gift of this year. */
  async birthdayGiftsAmong(merchantId: string, year: number, memberIds: readonly string[]): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('birthday_gifts')
      .select('member_id')
      .where('merchant_id', '=', merchantId)
      .where('year', '=', year)
      .where('member_id', 'in', memberIds)
      .execute();
    return new Set(rows.map((r) => r.member_id));
  }

  birthdayGift(merchantId: string, memberId: string, year: number): Promise<BirthdayGift | undefined> {
    return this.db
      .selectFrom('birthday_gifts')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .executeTakeFirst();
  }

  async insertBirthdayGift(gift: BirthdayGift): Promise<void> {
    await this.db.insertInto('birthday_gifts').values(gift).execute();
  }

  /** Merchants that have a loyalty programme or cards. */
  async merchantsWithCards(): Promise<string[]> {
    const rows = await this.db.selectFrom('member_cards').select('merchant_id').distinct().execute();
    return rows.map((r) => r.merchant_id);
  }

  /** The member's tier measure in the window: spend net of refunds (fen), points earned (net) or paid visits. */
  async measure(merchantId: string, memberId: string, basis: TierBasis, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('loyalty_payments')
      .select([
        (eb) => eb.fn.coalesce(eb.fn.sum<number>(sql`amount_fen - refunded_fen`), sql<number>`0`).as('spend'),
        (eb) => eb.fn.coalesce(eb.fn.sum<number>(sql`points_earned - points_reversed`), sql<number>`0`).as('points'),
        (eb) => eb.fn.count<number>(sql`case when refunded_fen < amount_fen then 1 end`).as('visits'),
      ])
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('paid_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(basis === 'spend' ? row.spend : basis === 'points' ? row.points : row.visits);
  }

  /** Whether the payment was credited already (a redelivered event). */
  async hasPayment(merchantId: string, paymentId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('loyalty_payments')
      .select('payment_id')
      .where('merchant_id', '=', merchantId)
      .where('payment_id', '=', paymentId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The points promotions that boosted these payments, by payment. */
  async boostsOf(
    merchantId: string,
    paymentIds: readonly string[],
  ): Promise<Map<string, { promotionId: string; label: string; multiplierPercent: number }>> {
    if (paymentIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('loyalty_payments')
      .select(['payment_id', 'boost_promotion_id', 'boost_label', 'boost_percent'])
      .where('merchant_id', '=', merchantId)
      .where('payment_id', 'in', paymentIds)
      .where('boost_promotion_id', 'is not', null)
      .execute();
    return new Map(
      rows.map((r) => [
        r.payment_id,
        { promotionId: r.boost_promotion_id!, label: r.boost_label!, multiplierPercent: Number(r.boost_percent) },
      ]),
    );
  }

  /** Records a payment the member is credited for; false when it already was (a redelivered event). */
  async insertPayment(row: {
    merchantId: string;
    paymentId: string;
    memberId: string;
    amountFen: number;
    pointsEarned: number;
    paidAt: Date;
    boost?: { promotionId: string; label: string; percent: number; boostedFen: number } | null;
  }): Promise<boolean> {
    const result = await this.db
      .insertInto('loyalty_payments')
      .values({
        merchant_id: row.merchantId,
        payment_id: row.paymentId,
        member_id: row.memberId,
        amount_fen: row.amountFen,
        refunded_fen: 0,
        points_earned: row.pointsEarned,
        points_reversed: 0,
        paid_at: row.paidAt,
        boost_promotion_id: row.boost?.promotionId ?? null,
        boost_label: row.boost?.label ?? null,
        boost_percent: row.boost?.percent ?? null,
        boosted_fen: row.boost?.boostedFen ?? null,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'payment_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  paymentForUpdate(merchantId: string, paymentId: string) {
    return this.db
      .selectFrom('loyalty_payments')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('payment_id', '=', paymentId)
      .forUpdate()
      .executeTakeFirst();
  }

  async updatePaymentRefund(merchantId: string, paymentId: string, refundedFen: number, pointsReversed: number) {
    await this.db
      .updateTable('loyalty_payments')
      .set({ refunded_fen: refundedFen, points_reversed: pointsReversed })
      .where('merchant_id', '=', merchantId)
      .where('payment_id', '=', paymentId)
      .execute();
  }

  /** Claims a refund's reversal; false when it was already made (a redelivered event). */
  async insertReversal(row: {
    merchantId: string;
    refundId: string;
    paymentId: string;
    memberId: string;
    pointsDue: number;
    pointsReversed: number;
    at: Date;
  }): Promise<boolean> {
    const result = await this.db
      .insertInto('points_reversals')
      .values({
        merchant_id: row.merchantId,
        refund_id: row.refundId,
        payment_id: row.paymentId,
        member_id: row.memberId,
        points_due: row.pointsDue,
        points_reversed: row.pointsReversed,
        shortfall: row.pointsDue - row.pointsReversed,
        reversed_at: row.at,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'refund_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  reversals(merchantId: string, memberId: string) {
    return this.db
      .selectFrom('points_reversals')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .execute();
  }

  async insertLot(lot: PointsLot): Promise<void> {
    await this.db.insertInto('points_lots').values(lot).execute();
  }

  /** The member's lots with points left, oldest first (the order they are spent in), locked. */
  openLots(merchantId: string, memberId: string): Promise<PointsLot[]> {
    return this.db
      .selectFrom('points_lots')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('remaining', '>', 0)
      .orderBy('earned_at')
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  async setLotRemaining(merchantId: string, lotId: string, remaining: number): Promise<void> {
    await this.db
      .updateTable('points_lots')
      .set({ remaining })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', lotId)
      .execute();
  }

  /** Members with points that expired by `at`, per merchant. */
  async membersWithExpiredLots(at: Date, limit: number): Promise<Array<{ merchant_id: string; member_id: string }>> {
    return this.db
      .selectFrom('points_lots')
      .select(['merchant_id', 'member_id'])
      .distinct()
      .where('remaining', '>', 0)
      .where('expires_at', '<=', at)
      .limit(limit)
      .execute();
  }
}
