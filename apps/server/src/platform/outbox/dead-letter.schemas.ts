import { Type } from '@sinclair/typebox';
import { PageLimit, Timestamp } from '../http/shared.schemas.ts';

/** Event deliveries that failed every attempt, and the staff's retry of one. */
const SubscriberName = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,99}$', description: 'e.g. loyalty.points' });
const EventId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

const DeadLetter = Type.Object({
  eventId: EventId,
  subscriber: SubscriberName,
  type: Type.String({ description: 'the event type, e.g. payment.completed' }),
  aggregateType: Type.String(),
  aggregateId: Type.String(),
  sequence: Type.Integer({ description: "the event's place in its aggregate's history, from 1" }),
  payload: Type.Record(Type.String(), Type.Unknown()),
  occurredAt: Timestamp,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deadAt: Timestamp,
  heldBehind: Type.Integer({
    description: 'later events of the same aggregate waiting for this one (each subscriber gets them in order)',
  }),
});

export const DeadLetterQuery = Type.Object({ limit: PageLimit });
export const DeadLetterList = Type.Object(
  { deadLetters: Type.Array(DeadLetter) },
  { description: 'Up to `limit`, newest first' },
);

export const DeadLetterRetry = Type.Object(
  { eventId: EventId, subscriber: SubscriberName },
  { additionalProperties: false },
);
export const DeadLetterQueued = Type.Object(
  { eventId: EventId, subscriber: SubscriberName, status: Type.Literal('pending') },
  { description: 'Queued again; a dispatcher delivers it shortly' },
);
