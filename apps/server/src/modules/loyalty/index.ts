// The loyalty module: member cards, tiers, points and stored-value plans (充值送); its pricing steps (tier discount,
// points redemption), its subscribers (cards on registration, points on payments and refunds) and recurring jobs.
// Other modules import only from here (lint: shualian/module-door).
import * as loyaltyTables from './migrations/0012-loyalty.ts';
import * as boostsAndBirthdayGifts from './migrations/0016-points-boosts-and-birthday-gifts.ts';
import * as tierUpgradeCoupons from './migrations/0021-tier-upgrade-coupons.ts';

export { BirthdayGiftService } from './birthday-gift.service.ts';
export { TierUpgradeGiftService } from './tier-upgrade-gift.service.ts';
export type { TierCoupons } from './tier-coupons.port.ts';
export { LOYALTY_EVENT_TYPES, loyaltySubscribers, registerLoyaltyJobs, type LoyaltyWork } from './loyalty.events.ts';
export { pointsRedemptionStep, tierDiscountStep } from './loyalty-pricing.steps.ts';
export { LoyaltyProgramService } from './loyalty-program.service.ts';
export { loyaltyRoutes } from './loyalty.routes.ts';
export { MemberCardService, type CardView } from './member-card.service.ts';
export {
  PointsService,
  type BoostLine,
  type PointsBoost,
  type PointsBoostContext,
  type PointsBoostOffer,
  type PointsOutlook,
} from './points.service.ts';
export { planRefund, StoredValueService } from './stored-value.service.ts';
export type { LoyaltyTier, SpendingOrder, TierBasis } from './loyalty.schema.ts';

/** The loyalty tables' migrations (see schema-migrations.ts). */
export const migrations = {
  '0012-loyalty': loyaltyTables,
  '0016-points-boosts-and-birthday-gifts': boostsAndBirthdayGifts,
  '0021-tier-upgrade-coupons': tierUpgradeCoupons,
};
