import type { Greeting, OfferChoices } from '@shualian/sdk';

/**
 * The member's choices as the session's price stands, with one coupon switched or the points switched: the whole
 * choice is sent each time, so the server prices exactly what the greeting shows.
 */
export function choicesWith(greeting: Greeting, change: { coupon: string } | { points: boolean }): OfferChoices {
  const applied = greeting.coupons.filter((c) => c.applied).map((c) => c.couponId);
  const redeemed = greeting.points?.redeemedPoints ?? 0;
  if ('coupon' in change) {
    const couponIds = applied.includes(change.coupon)
      ? applied.filter((id) => id !== change.coupon)
      : [...applied, change.coupon];
    return { couponIds, redeemPoints: redeemed };
  }
  return { couponIds: applied, redeemPoints: change.points ? (greeting.points?.maxRedeemPoints ?? 0) : 0 };
}
