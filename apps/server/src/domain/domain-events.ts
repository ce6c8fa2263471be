import type { DomainEvent } from '../platform/outbox/domain-event.ts';

/**
 * The events the system records, each in the transaction of the change it reports. Payloads carry ids and amounts;
 * a subscriber that needs a member's details asks the member service. Payments and their refunds share the payment's
 * aggregate (a refund comes after its payment); a member's registration, enrollment and consent share the member's.
 */
export const EVENT_TYPES = [
  'payment.completed',
  'refund.completed',
  'member.registered',
  'member.enrolled',
  'consent.withdrawn',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const paymentAggregate = (paymentId: string) => ({ type: 'payment', id: paymentId });
const memberAggregate = (memberId: string) => ({ type: 'member', id: memberId });

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

export function memberRegistered(p: { merchantId: string; memberId: string; occurredAt: Date }): DomainEvent {
  const payload = { memberId: p.memberId };
  return {
    type: 'member.registered',
    merchantId: p.merchantId,
    aggregate: memberAggregate(p.memberId),
    payload,
    occurredAt: p.occurredAt,
  };
}

export function memberEnrolled(p: {
  merchantId: string;
  memberId: string;
  templates: number;
  replacedPrevious: boolean;
  deviceId: string | null;
  occurredAt: Date;
}): DomainEvent {
  const { memberId, templates, replacedPrevious, deviceId } = p;
  const payload = { memberId, templates, replacedPrevious, deviceId };
  return {
    type: 'member.enrolled',
    merchantId: p.merchantId,
    aggregate: memberAggregate(memberId),
    payload,
    occurredAt: p.occurredAt,
  };
}

export function consentWithdrawn(p: {
  merchantId: string;
  memberId: string;
  consentVersion: string;
  templatesDeleted: number;
  imagesDeleted: number;
  occurredAt: Date;
}): DomainEvent {
  const { memberId, consentVersion, templatesDeleted, imagesDeleted } = p;
  const payload = { memberId, consentVersion, templatesDeleted, imagesDeleted };
  return {
    type: 'consent.withdrawn',
    merchantId: p.merchantId,
    aggregate: memberAggregate(memberId),
    payload,
    occurredAt: p.occurredAt,
  };
}
