import type { ColumnType } from 'kysely';
import type { Adjustment, PricingChoices, UnappliedOffer } from './pricing/pricing-pipeline.ts';

/** How a face session's cart was priced: what its payment settles. */
export interface SessionPricing {
  at: string;
  adjustments: Adjustment[];
  /** The member the cart was priced for; absent: priced before the face was known. */
  memberId?: string;
  /** The member's tier the price saw (loyalty's card), when priced for a member. */
  memberTier?: string | null;
  /** The offers the member could have used and the price did not apply (a coupon left in the wallet). */
  unapplied?: UnappliedOffer[];
  /** What the member chose on the kiosk's greeting (coupons, points); absent: their best offers, no points. */
  choices?: PricingChoices;
}

declare module '@shualian/db' {
  interface FaceSessionsTable {
    /** Null for sessions opened before prices were kept with the session. */
    pricing: ColumnType<SessionPricing | null, string | null | undefined, string | null>;
  }
}
