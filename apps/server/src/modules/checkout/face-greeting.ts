/**
 * The greeting the kiosk shows once the face names the member, before they confirm: their tier, what was applied and
 * why, the coupons they can switch on or off, the points they may redeem and will earn, and the final amount.
 */
import type { FaceSession } from '@shualian/db';
import type { Adjustment, CartLine } from './pricing/pricing-pipeline.ts';
import type { SessionPricing } from './face-session.schema.ts';

/** What the loyalty module knows of the member's points for this cart (the container wires it; absent: no points). */
export type PointsOutlook = (input: {
  merchantId: string;
  memberId: string;
  storeId: string | null;
  at: Date;
  lines: readonly CartLine[];
  adjustments: readonly Adjustment[];
  totalFen: number;
}) => Promise<{
  balance: number;
  toEarn: number;
  maxRedeemPoints: number;
  pointsPerYuanOff: number;
  redeemedPoints: number;
}>;

export interface GreetingView {
  memberTier: string | null;
  /** The member's coupons usable on this cart: those applied first, then the rest, best first. */
  coupons: Array<{ couponId: string; label: string; discountFen: number; applied: boolean }>;
  points: Awaited<ReturnType<PointsOutlook>> | null;
  /** Whether the member may still change what is applied (`chooseFaceSessionOffers`). */
  choosable: boolean;
}

/** Step-up reasons that are about the amount, not the face: the member is known surely, and may choose first. */
const AMOUNT_STEP_UPS = new Set(['over_password_free_limit', 'password_free_off']);

/**
 * Whether the member may see and change their offers now: the face named them surely (approved, or asked for their
 * PIN only because of the amount) and the cart was priced for them. A face only plausibly theirs answers its PIN
 * first; a stranger never sees anyone's coupons or points.
 */
export function greetable(session: FaceSession): boolean {
  const pricing = session.pricing;
  if (!pricing?.memberId || pricing.memberId !== session.member_id) return false;
  if (session.status === 'approved') return true;
  const reason = (session.decision as { reason?: string } | null)?.reason;
  return session.status === 'step_up' && session.step_up === 'pin' && AMOUNT_STEP_UPS.has(reason ?? '');
}

/** The coupons of the greeting: applied (from the price's adjustments) and left in the wallet (the quote's rest). */
export function greetingCoupons(pricing: SessionPricing): GreetingView['coupons'] {
  const applied = new Map<string, { couponId: string; label: string; discountFen: number; applied: boolean }>();
  for (const a of pricing.adjustments) {
    if (a.source?.kind !== 'coupon') continue;
    const seen = applied.get(a.source.id);
    if (seen) seen.discountFen -= a.amountFen;
    else
      applied.set(a.source.id, {
        couponId: a.source.id,
        label: a.label ?? a.code,
        discountFen: -a.amountFen,
        applied: true,
      });
  }
  const rest = (pricing.unapplied ?? [])
    .filter((offer) => offer.kind === 'coupon' && !applied.has(offer.id))
    .map((offer) => ({ couponId: offer.id, label: offer.label, discountFen: offer.discountFen, applied: false }));
  return [...applied.values(), ...rest];
}
