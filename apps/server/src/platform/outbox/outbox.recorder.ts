import type { Database } from '@shualian/db';
import { sql, type Kysely } from 'kysely';
import { OUTBOX_CHANNEL, type DomainEvent } from './domain-event.ts';

/**
 * Records a domain event inside the business transaction `trx`: it exists exactly when the change commits.
 *
 * One statement: the aggregate's counter is raised (its row stays locked until commit, so a later sequence number
 * never commits before an earlier one), the event is written with one pending delivery per subscriber of its type,
 * and a NOTIFY wakes the dispatchers once the transaction commits. Record events last in a transaction, after the
 * business rows are locked, so the counter lock is always the last one taken.
 */
export async function recordEvent(
  trx: Kysely<Database>,
  event: DomainEvent,
): Promise<{ id: number; sequence: number }> {
  if (!trx.isTransaction) throw new Error(`event ${event.type} must be recorded inside the business transaction`);
  const occurredAt = event.occurredAt ?? new Date();
  const { merchantId, aggregate } = event;
  const result = await sql<{ id: number; sequence: number }>`
    with counter as (
      insert into outbox_aggregates (merchant_id, aggregate_type, aggregate_id, last_sequence)
      values (${merchantId}, ${aggregate.type}, ${aggregate.id}, 1)
      on conflict (merchant_id, aggregate_type, aggregate_id)
        do update set last_sequence = outbox_aggregates.last_sequence + 1
      returning last_sequence
    ), event as (
      insert into outbox_events (merchant_id, type, aggregate_type, aggregate_id, sequence, payload, occurred_at)
      select ${merchantId}, ${event.type}, ${aggregate.type}, ${aggregate.id}, last_sequence,
             ${JSON.stringify(event.payload)}::jsonb, ${occurredAt}
      from counter
      returning id, sequence
    ), deliveries as (
      insert into outbox_deliveries
        (merchant_id, event_id, subscriber, aggregate_type, aggregate_id, sequence, status)
      select ${merchantId}, event.id, s.subscriber, ${aggregate.type}, ${aggregate.id}, event.sequence, 'pending'
      from event, outbox_subscriptions s
      where ${event.type} = any(s.event_types)
    )
    select event.id, event.sequence, pg_notify(${OUTBOX_CHANNEL}, '') as notified from event
  `.execute(trx);
  const row = result.rows[0]!;
  return { id: Number(row.id), sequence: row.sequence };
}
