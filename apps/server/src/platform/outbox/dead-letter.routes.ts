import type { Authenticators } from '../http/authentication.plugin.ts';
import { requireStaff } from '../http/authentication.plugin.ts';
import { errorResponses, MerchantParams } from '../http/shared.schemas.ts';
import type { App } from '../http/app.types.ts';
import type { DeadLetterService } from './dead-letter.service.ts';
import { DeadLetterList, DeadLetterQuery, DeadLetterQueued, DeadLetterRetry } from './dead-letter.schemas.ts';

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
          querystring: DeadLetterQuery,
          response: {
            200: DeadLetterList,
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
          body: DeadLetterRetry,
          response: {
            200: DeadLetterQueued,
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
