// The promotions module: promotions (rules, application methods, schedules, budgets, limits, stacking), coupons
// (templates, issuance, the member's wallet, 刷脸红包), and the pricing steps that apply them to a cart.
// Other modules import only from here (lint: shualian/module-door).
export { migrations } from './migrations/index.ts';
export {
  PromotionService,
  type FirstPurchase,
  type PointsBoostResult,
  type PointsCart,
  type Promotion,
  type PromotionInput,
  type PromotionView,
} from './promotion.service.ts';
export {
  CouponService,
  type Coupon,
  type CouponTemplate,
  type CouponTemplateInput,
  type PromotionSettings,
  type WalletView,
} from './coupon.service.ts';
export { promotionPricingSteps } from './pricing.steps.ts';
export { promotionSubscribers } from './promotion.events.ts';
export { promotionRoutes } from './promotion.routes.ts';
export type { ApplicationMethod, PromotionRules } from './promotion.rules.ts';
