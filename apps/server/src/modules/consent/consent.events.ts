import type { DomainEvent } from '../../platform/outbox/index.ts';
import { memberAggregate } from '../members/index.ts';

export const CONSENT_EVENT_TYPES = ['consent.withdrawn'] as const;

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
