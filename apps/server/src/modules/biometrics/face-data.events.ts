import type { DomainEvent } from '../../platform/outbox/index.ts';
import { memberAggregate } from '../members/index.ts';

export const FACE_DATA_EVENT_TYPES = ['member.enrolled'] as const;

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
