import type { ResponseOf } from '@shualian/sdk';

export type CouponWallet = ResponseOf<'getMyCoupons'>;
export type WalletCoupon = CouponWallet['usable'][number];
export type CouponGroup = 'usable' | 'upcoming' | 'used' | 'expired';

/** The wallet's four groups in the order a member looks for them: 可用, 即将可用, 已使用, 已过期. */
export const COUPON_GROUPS: CouponGroup[] = ['usable', 'upcoming', 'used', 'expired'];

export function walletGroups(wallet: CouponWallet): { group: CouponGroup; coupons: WalletCoupon[] }[] {
  return COUPON_GROUPS.map((group) => ({ group, coupons: wallet[group] }));
}

export function walletIsEmpty(wallet: CouponWallet): boolean {
  return COUPON_GROUPS.every((group) => wallet[group].length === 0);
}

/** Whole yuan without ".00" (¥5), cents only when there are some (¥3.50). */
function yuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? `¥${whole}` : `¥${whole}.${String(cents).padStart(2, '0')}`;
}

/**
 * What the coupon gives, big on its face: the amount of a coupon with its own value (a 刷脸红包 of ¥3.50), otherwise
 * the offer in words as the shop writes it (满50减10, 9折, 第2件半价).
 */
export function couponValue(coupon: Pick<WalletCoupon, 'valueFen' | 'description'>): string {
  return coupon.valueFen !== null ? yuan(coupon.valueFen) : coupon.description;
}

/** The validity line of a coupon in its group: a message key and the moment it names. */
export function couponValidity(
  coupon: Pick<WalletCoupon, 'validFrom' | 'validUntil' | 'redeemedAt'>,
  group: CouponGroup,
): { key: string; at: string } {
  switch (group) {
    case 'usable':
      return { key: 'coupons.validUntil', at: coupon.validUntil };
    case 'upcoming':
      return { key: 'coupons.validFrom', at: coupon.validFrom };
    case 'used':
      return coupon.redeemedAt
        ? { key: 'coupons.usedAt', at: coupon.redeemedAt }
        : { key: 'coupons.validUntil', at: coupon.validUntil };
    case 'expired':
      return { key: 'coupons.expiredAt', at: coupon.validUntil };
  }
}

const SOURCES = ['grant', 'registration', 'campaign', 'red_packet', 'birthday', 'tier_upgrade'];

/** Where the coupon came from, as a message key (a source the app does not know yet reads as "other"). */
export function couponSourceKey(source: string): string {
  return `coupons.source.${SOURCES.includes(source) ? source : 'other'}`;
}
