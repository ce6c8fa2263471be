import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type TierBasis = 'spend' | 'points' | 'visits';
export type SpendingOrder = 'principal_first' | 'bonus_first' | 'proportional';

export interface LoyaltyProgramsTable {
  merchant_id: string;
  /** Points earned per whole yuan paid, before the tier's multiplier. */
  points_per_yuan: number;
  /** Points that take one yuan off at checkout. */
  points_per_yuan_off: number;
  /** At most this share of a cart (after earlier steps) is paid with points. */
  max_redeem_percent: number;
  /** Points expire this many months after they were earned; null: never. */
  points_expiry_months: number | null;
  tier_basis: TierBasis;
  tier_window_days: number;
  spending_order: SpendingOrder;
  /** The last card number's sequence (card numbers are merchant-scoped). */
  card_seq: number;
  updated_at: Timestamp;
}

export interface LoyaltyTiersTable {
  merchant_id: string;
  /** 1, 2, … from the lowest; a card at rank 0 has no tier yet. */
  rank: number;
  name: string;
  /** The measure (fen, points or visits in the window, per the programme's basis) from which the tier holds. */
  threshold: number;
  discount_percent: number;
  /** 100 = the programme's rate, 150 = one and a half times. */
  points_multiplier_percent: number;
  birthday_points: number;
  /** The coupon template (promotions module) the tier gives on a member's birthday; null: none. */
  birthday_coupon_template_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The coupon template (promotions module) the tier gives the member who reaches it; null: none. */
  upgrade_coupon_template_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MemberCardsTable {
  merchant_id: string;
  member_id: string;
  card_number: string;
  tier_rank: number;
  tier_since: Timestamp;
  created_at: Timestamp;
}

export interface TierChangesTable {
  merchant_id: string;
  id: string;
  member_id: string;
  from_rank: number;
  to_rank: number;
  reason: 'payment' | 'evaluation';
  measure: number;
  changed_at: Timestamp;
}

export interface LoyaltyPaymentsTable {
  merchant_id: string;
  payment_id: string;
  member_id: string;
  amount_fen: number;
  refunded_fen: number;
  points_earned: number;
  points_reversed: number;
  paid_at: Timestamp;
  /** The points promotion that boosted this payment's points, its name then, multiplier (%) and the fen it boosted. */
  boost_promotion_id: ColumnType<string | null, string | null | undefined, string | null>;
  boost_label: ColumnType<string | null, string | null | undefined, string | null>;
  boost_percent: ColumnType<number | null, number | null | undefined, number | null>;
  boosted_fen: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface PointsReversalsTable {
  merchant_id: string;
  refund_id: string;
  payment_id: string;
  member_id: string;
  points_due: number;
  points_reversed: number;
  shortfall: number;
  reversed_at: Timestamp;
}

export interface PointsLotsTable {
  merchant_id: string;
  id: string;
  member_id: string;
  /** What gave the points: `payment:<id>`, `adjustment:<ledger transaction id>`. */
  source: string;
  points: number;
  remaining: number;
  earned_at: Timestamp;
  expires_at: NullableTimestamp;
}

/** A birthday gift given: once per member per year (the primary key is the claim). */
export interface BirthdayGiftsTable {
  merchant_id: string;
  member_id: string;
  year: number;
  /** The merchant's business day it was given on, YYYY-MM-DD. */
  business_day: string;
  tier_rank: number;
  coupon_template_id: string | null;
  coupon_id: string | null;
  points: number;
  granted_at: Timestamp;
}

export interface StoredValuePlansTable {
  merchant_id: string;
  id: string;
  name: string;
  price_fen: number;
  bonus_fen: number;
  valid_from: Timestamp;
  valid_until: Timestamp;
  per_member_limit: number;
  created_at: Timestamp;
}

export interface StoredValuePurchasesTable {
  merchant_id: string;
  id: string;
  plan_id: string;
  member_id: string;
  principal_fen: number;
  bonus_fen: number;
  refunded_principal_fen: number;
  forfeited_bonus_fen: number;
  purchased_at: Timestamp;
  refunded_at: NullableTimestamp;
}

declare module '@shualian/db' {
  interface Database {
    loyalty_programs: LoyaltyProgramsTable;
    loyalty_tiers: LoyaltyTiersTable;
    member_cards: MemberCardsTable;
    tier_changes: TierChangesTable;
    loyalty_payments: LoyaltyPaymentsTable;
    points_reversals: PointsReversalsTable;
    points_lots: PointsLotsTable;
    stored_value_plans: StoredValuePlansTable;
    stored_value_purchases: StoredValuePurchasesTable;
    birthday_gifts: BirthdayGiftsTable;
  }
}

export type LoyaltyProgram = Selectable<LoyaltyProgramsTable>;
export type LoyaltyTier = Selectable<LoyaltyTiersTable>;
export type MemberCard = Selectable<MemberCardsTable>;
export type PointsLot = Selectable<PointsLotsTable>;
export type BirthdayGift = Selectable<BirthdayGiftsTable>;
export type StoredValuePlan = Selectable<StoredValuePlansTable>;
export type StoredValuePurchase = Selectable<StoredValuePurchasesTable>;
