import type { DomainEvent } from '../../platform/outbox/index.ts';

/** Events of a payment, recorded in the transaction that moves its money. A refund shares its payment's aggregate. */
export const PAYMENT_EVENT_TYPES = ['payment.completed', 'refund.completed'] as const;

const paymentAggregate = (paymentId: string) => ({ type: 'payment', id: paymentId });

/**
 * A paid line as the event carries it: the product, its category when the cart knew it, and what the shopper paid for
 * it after every discount (the lines add up to the payment's amount). Subscribers decide on the cart as it was paid
 * (points promotions on a product or a category) without reading the payment back.
 */
export interface PaidLine {
  productId: string;
  category: string | null;
  quantity: number;
  lineTotalFen: number;
}

export function paymentCompleted(p: {
  merchantId: string;
  paymentId: string;
  transactionId: string;
  memberId: string;
  storeId: string;
  deviceId: string | null;
  amountFen: number;
  verification: string;
  lines: readonly PaidLine[];
  occurredAt: Date;
}): DomainEvent {
  const { paymentId, transactionId, memberId, storeId, deviceId, amountFen, verification } = p;
  const lines = p.lines.map(({ productId, category, quantity, lineTotalFen }) => ({
    productId,
    category,
    quantity,
    lineTotalFen,
  }));
  const payload = { paymentId, transactionId, memberId, storeId, deviceId, amountFen, verification, lines };
  return {
    type: 'payment.completed',
    merchantId: p.merchantId,
    aggregate: paymentAggregate(paymentId),
    payload,
    occurredAt: p.occurredAt,
  };
}

export function refundCompleted(p: {
  merchantId: string;
  paymentId: string;
  refundId: string;
  transactionId: string;
  memberId: string;
  amountFen: number;
  refundedFen: number;
  staffId: string;
  occurredAt: Date;
}): DomainEvent {
  const { paymentId, refundId, transactionId, memberId, amountFen, refundedFen, staffId } = p;
  const payload = { paymentId, refundId, transactionId, memberId, amountFen, refundedFen, staffId };
  return {
    type: 'refund.completed',
    merchantId: p.merchantId,
    aggregate: paymentAggregate(paymentId),
    payload,
    occurredAt: p.occurredAt,
  };
}
