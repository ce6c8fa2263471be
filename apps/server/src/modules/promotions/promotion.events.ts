import type { Subscriber } from '../../platform/outbox/index.ts';
import type { CouponService } from './coupon.service.ts';

/**
 * What the promotions module does after other modules' changes commit: the welcome coupon on `member.registered`,
 * the 刷脸红包 on `payment.completed`, coupons given back on `refund.completed` (where the merchant says so). Each is
 * idempotent (issuance keys by member or payment; a restore only touches coupons still redeemed by the payment).
 */
export function promotionSubscribers(coupons: CouponService): Subscriber[] {
  return [
    {
      name: 'promotions.welcome-coupon',
      eventTypes: ['member.registered'],
      handle: async (event) => {
        await coupons.welcome(event.merchantId, String(event.payload.memberId));
      },
    },
    {
      name: 'promotions.red-packet',
      eventTypes: ['payment.completed'],
      handle: async (event) => {
        await coupons.redPacket(event.merchantId, String(event.payload.paymentId), String(event.payload.memberId));
      },
    },
    {
      name: 'promotions.restore-coupons',
      eventTypes: ['refund.completed'],
      handle: async (event) => {
        await coupons.restoreOnRefund(
          event.merchantId,
          String(event.payload.paymentId),
          Number(event.payload.refundedFen),
        );
      },
    },
  ];
}
