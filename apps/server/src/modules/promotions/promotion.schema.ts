import type { ColumnType, Generated } from 'kysely';
import type { ApplicationMethod, PromotionRules } from './promotion.rules.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, T | string, T | string>;

/** Who may stack with whom: an exclusive offer applies alone, stackable ones together (see promotion.rules.ts). */
export type Stacking = 'exclusive' | 'stackable';

export interface PromotionsTable {
  merchant_id: string;
  id: string;
  name: string;
  status: 'active' | 'paused';
  rules: Json<PromotionRules>;
  method: Json<ApplicationMethod>;
  stacking: Stacking;
  priority: number;
  starts_at: Timestamp;
  ends_at: NullableTimestamp;
  /** `uses`: payments that applied it; `fen`: the discount it gave; `none`: no budget. */
  budget_kind: 'none' | 'uses' | 'fen';
  budget_limit: number | null;
  budget_used: Generated<number>;
  per_member_limit: number | null;
  per_member_daily_limit: number | null;
  daily_limit: number | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by every change of what the promotion says (not by its spending): quotes cache by it. */
  revision: Generated<number>;
}

/** One payment that applied a promotion: the per-member and per-day limits count these. */
export interface PromotionUsagesTable {
  merchant_id: string;
  promotion_id: string;
  payment_id: string;
  member_id: string | null;
  discount_fen: number;
  /** The business day (China time) of the payment. */
  business_day: string;
  created_at: Timestamp;
}

export interface CouponTemplatesTable {
  merchant_id: string;
  id: string;
  name: string;
  status: 'active' | 'paused';
  rules: Json<PromotionRules>;
  method: Json<ApplicationMethod>;
  stacking: Stacking;
  priority: number;
  /** `fixed`: valid from..until for every coupon; `days`: valid for N days from issue. */
  validity_kind: 'fixed' | 'days';
  valid_from: NullableTimestamp;
  valid_until: NullableTimestamp;
  valid_days: number | null;
  /** Usable only at the till (in a store), never online. */
  offline_only: boolean;
  /** How many coupons of this template one member may hold in all (issued, whatever their state); null: no cap. */
  per_member_cap: number | null;
  created_by: string | null;
  created_at: Timestamp;
}

export type CouponSource = 'grant' | 'registration' | 'campaign' | 'red_packet' | CouponOccasion;
/** Occasions another module decides (the loyalty module: a birthday, reaching a tier). */
export type CouponOccasion = 'birthday' | 'tier_upgrade';

export interface CouponsTable {
  merchant_id: string;
  id: string;
  template_id: string;
  member_id: string;
  status: 'available' | 'redeemed';
  /** A coupon's own amount (a 刷脸红包's random value) instead of its template's fixed amount. */
  value_fen: number | null;
  valid_from: Timestamp;
  valid_until: Timestamp;
  source: CouponSource;
  /** Issuance's idempotency key: one coupon per key (an event id, a campaign and member, a staff grant key). */
  issue_key: string;
  issued_by: string | null;
  reason: string | null;
  issued_at: Timestamp;
  redeemed_payment_id: string | null;
  redeemed_at: NullableTimestamp;
  /** The cart's total the coupon was redeemed on: a refund of all of it gives the coupon back (when set so). */
  redeemed_order_fen: number | null;
  restored_at: NullableTimestamp;
}

/** A merchant's promotion settings: the welcome coupon, the 刷脸红包 and what a refund gives back. */
export interface PromotionSettingsTable {
  merchant_id: string;
  restore_coupons_on_refund: boolean;
  welcome_template_id: string | null;
  red_packet_template_id: string | null;
  red_packet_min_fen: number;
  red_packet_max_fen: number;
  red_packet_budget_fen: number;
  red_packet_spent_fen: Generated<number>;
  updated_at: Timestamp;
}

declare module '@shualian/db' {
  interface Database {
    promotions: PromotionsTable;
    promotion_usages: PromotionUsagesTable;
    coupon_templates: CouponTemplatesTable;
    coupons: CouponsTable;
    promotion_settings: PromotionSettingsTable;
  }
}
