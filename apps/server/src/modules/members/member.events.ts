import type { DomainEvent } from '../../platform/outbox/index.ts';

export const MEMBER_EVENT_TYPES = ['member.registered'] as const;

// A member's registration, enrollment and consent share the member's aggregate, so a subscriber sees them in order.
export const memberAggregate = (memberId: string) => ({ type: 'member', id: memberId });

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
