import * as promotionsAndCoupons from './0010-promotions-and-coupons.ts';
import * as couponOccasions from './0020-coupon-occasions.ts';

/** The promotions module's migrations (see schema-migrations.ts). */
export const migrations = {
  '0010-promotions-and-coupons': promotionsAndCoupons,
  '0020-coupon-occasions': couponOccasions,
};
