import * as promotionsAndCoupons from './0010-promotions-and-coupons.ts';

/** The promotions module's migrations (see schema-migrations.ts). */
export const migrations = { '0010-promotions-and-coupons': promotionsAndCoupons };
