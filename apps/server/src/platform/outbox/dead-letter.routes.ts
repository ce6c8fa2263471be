import { Type } from '@sinclair/typebox';
import type { Authenticators } from '../http/authentication.plugin.ts';
import { requireStaff } from '../http/authentication.plugin.ts';
import { errorResponses, MerchantParams, Timestamp } from '../http/shared.schemas.ts';
import type { App } from '../http/app.types.ts';
import type { DeadLetterService } from './dead-letter.service.ts';

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

export function deadLetterRoutes(deadLetters: DeadLetterService, auth: Authenticators) {
  return async (app: App) => {
    app.get(
      '/v1/merchants/:merchantId/events/dead-letters',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'listDeadLetters',
          tags: ['events'],
          summary: 'Event deliveries that failed every attempt, newest first',
          description:
            'Each delivery of an event to a subscriber (loyalty, marketing, analytics, …) is retried with growing waits; after the last attempt it is parked here with its error, and later events of the same aggregate wait behind it. Merchant admins and provider admins only.',
          security: [{ staffSession: [] }],
          params: MerchantParams,
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
          response: {
            200: Type.Object({ deadLetters: Type.Array(DeadLetter) }, { description: 'Up to `limit`, newest first' }),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const rows = await deadLetters.list(requireStaff(request), request.params.merchantId, request.query);
        return {
          deadLetters: rows.map((r) => ({
            eventId: r.event_id,
            subscriber: r.subscriber,
            type: r.type,
            aggregateType: r.aggregate_type,
            aggregateId: r.aggregate_id,
            sequence: r.sequence,
            payload: r.payload,
            occurredAt: r.occurred_at.toISOString(),
            attempts: r.attempts,
            lastError: r.last_error,
            deadAt: r.dead_at.toISOString(),
            heldBehind: r.held_behind,
          })),
        };
      },
    );

    app.post(
      '/v1/merchants/:merchantId/events/dead-letters/retry',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'retryDeadLetter',
          tags: ['events'],
          summary: 'Send a dead letter to its subscriber again',
          description:
            'Puts the delivery back in line with its attempts counted afresh (after fixing what made it fail); the events held behind it follow in order. Merchant admins and provider admins only.',
          security: [{ staffSession: [] }],
          params: MerchantParams,
          body: Type.Object({ eventId: EventId, subscriber: SubscriberName }, { additionalProperties: false }),
          response: {
            200: Type.Object(
              { eventId: EventId, subscriber: SubscriberName, status: Type.Literal('pending') },
              { description: 'Queued again; a dispatcher delivers it shortly' },
            ),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'dead_letter_not_found'] }),
          },
        },
      },
      async (request) => {
        await deadLetters.retry(requireStaff(request), request.params.merchantId, request.body);
        return { eventId: request.body.eventId, subscriber: request.body.subscriber, status: 'pending' as const };
      },
    );
  };
}
