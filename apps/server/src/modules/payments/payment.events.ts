import type { DomainEvent } from '../../platform/outbox/index.ts';

/** Events of a payment, recorded in the transaction that moves its money. A refund shares its payment's aggregate. */
export const PAYMENT_EVENT_TYPES = ['payment.completed', 'refund.completed'] as const;

const paymentAggregate = (paymentId: string) => ({ type: 'payment', id: paymentId });

export function paymentCompleted(p: {
  merchantId: string;
  paymentId: string;
  transactionId: string;
  memberId: string;
  storeId: string;
  deviceId: string | null;
  amountFen: number;
  verification: string;
  occurredAt: Date;
}): DomainEvent {
  const { paymentId, transactionId, memberId, storeId, deviceId, amountFen, verification } = p;
  const payload = { paymentId, transactionId, memberId, storeId, deviceId, amountFen, verification };
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
