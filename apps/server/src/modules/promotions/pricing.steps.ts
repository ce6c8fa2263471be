import type { PricingStep } from '../checkout/index.ts';
import { COUPON_STEP, type CouponService } from './coupon.service.ts';
import { PROMOTION_STEP, type PromotionService } from './promotion.service.ts';

/**
 * The promotions module's pricing steps, registered after the member price: the automatic promotions, then the
 * member's coupons on the prices the promotions left. Each is self-contained: it reads the cart and the adjustments
 * before it, and spends what it used in the payment's transaction (`settle`).
 */
export function promotionPricingSteps(services: { promotions: PromotionService; coupons: CouponService }): {
  promotions: PricingStep;
  coupons: PricingStep;
} {
  return {
    promotions: {
      name: PROMOTION_STEP,
      compute: (context, before) => services.promotions.adjustmentsFor(context, before),
      settle: (trx, settlement) => services.promotions.settle(trx, settlement),
    },
    coupons: {
      name: COUPON_STEP,
      compute: (context, before) => services.coupons.adjustmentsFor(context, before),
      settle: (trx, settlement) => services.coupons.settle(trx, settlement),
      unapplied: (context, before, own) => services.coupons.unapplied(context, before, own),
    },
  };
}
