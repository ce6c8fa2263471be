import type { ColumnType } from 'kysely';

/** One discount in a payment's price, over the whole cart: what the receipt lists. */
export interface PaymentDiscount {
  /** What the shopper read ("会员价", "金卡 9折", "满20减8"). */
  label: string;
  /** Negative: money off. */
  amountFen: number;
  /** The pricing step that made it (member_price, tier_discount, promotions, coupons, points_redemption). */
  step: string;
  /** What gave it (promotion, coupon, tier, …); null for the member price. */
  sourceKind: string | null;
}

declare module '@shualian/db' {
  interface PaymentsTable {
    /** Empty for payments from before discounts were kept with them. */
    discounts: ColumnType<PaymentDiscount[], string | undefined, string>;
  }
}
