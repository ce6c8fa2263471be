import type { Database } from '@shualian/db';
import { sql, type Kysely } from 'kysely';
import { OUTBOX_CHANNEL } from './domain-event.ts';

export interface ClaimedDelivery {
  merchant_id: string;
  event_id: number;
  subscriber: string;
  attempts: number;
  lease_token: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  sequence: number;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

export interface DeadLetterRow {
  merchant_id: string;
  event_id: number;
  subscriber: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  sequence: number;
  payload: Record<string, unknown>;
  occurred_at: Date;
  attempts: number;
  last_error: string | null;
  dead_at: Date;
  held_behind: number;
}

type Key = { merchantId: string; eventId: number; subscriber: string };

/**
 * Whether delivery `d` is due now for one of these subscribers: pending, its retry time and any lease passed, and no
 * earlier event of its aggregate still open (pending, leased or dead) for the same subscriber.
 */
function dueFor(subscribers: readonly string[], now: Date) {
  return sql`d.status = 'pending'
    and (d.next_attempt_at is null or d.next_attempt_at <= ${now})
    and (d.lease_until is null or d.lease_until <= ${now})
    and d.subscriber = any(${sql.val([...subscribers])}::text[])
    and not exists (
      select 1 from outbox_deliveries earlier
      where earlier.subscriber = d.subscriber
        and earlier.merchant_id = d.merchant_id
        and earlier.aggregate_type = d.aggregate_type
        and earlier.aggregate_id = d.aggregate_id
        and earlier.sequence < d.sequence
        and earlier.status <> 'delivered'
    )`;
}

/** The outbox's SQL: subscriptions, claiming due deliveries under a lease, and their outcome. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveSubscriptions(subscriptions: { name: string; eventTypes: readonly string[] }[], now: Date): Promise<void> {
    if (subscriptions.length === 0) return;
    await this.db
      .insertInto('outbox_subscriptions')
      .values(subscriptions.map((s) => ({ subscriber: s.name, event_types: [...s.eventTypes], updated_at: now })))
      .onConflict((oc) =>
        oc.column('subscriber').doUpdateSet((eb) => ({
          event_types: eb.ref('excluded.event_types'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /**
   * The merchants with deliveries of these subscribers due now, oldest event first. Claims are made one merchant at a
   * time: a claim that locks rows stays on one merchant's rows, which a database distributed by merchant (Citus) can
   * run on one shard, where a locking read across merchants is refused. This read takes no lock.
   */
  async merchantsWithDue(subscribers: readonly string[], now: Date, limit: number): Promise<string[]> {
    const result = await sql<{ merchant_id: string }>`
      select d.merchant_id
      from outbox_deliveries d
      where ${dueFor(subscribers, now)}
      group by d.merchant_id
      order by min(d.event_id)
      limit ${limit}
    `.execute(this.db);
    return result.rows.map((r) => r.merchant_id);
  }

  /**
   * Takes up to `limit` due deliveries of these subscribers under a lease, in event order. A delivery is due when no
   * earlier event of its aggregate is still open for the same subscriber (pending, leased or dead): each subscriber
   * sees an aggregate's events one after another. SKIP LOCKED lets dispatchers in other processes claim other rows at
   * the same moment instead of waiting; the lease (not a lock held while the handler runs) is what keeps a claimed
   * delivery from a second dispatcher, so a handler may take its time, and one whose process died is taken over.
   */
  async claim(
    merchantId: string,
    subscribers: readonly string[],
    now: Date,
    leaseMs: number,
    limit: number,
    token: string,
  ) {
    const result = await sql<ClaimedDelivery>`
      with due as (
        select d.merchant_id, d.event_id, d.subscriber
        from outbox_deliveries d
        where d.merchant_id = ${merchantId} and ${dueFor(subscribers, now)}
        order by d.event_id
        limit ${limit}
        for update of d skip locked
      )
      update outbox_deliveries d
      set attempts = d.attempts + 1, lease_token = ${token}, lease_until = ${new Date(now.getTime() + leaseMs)}
      from due, outbox_events e
      where d.merchant_id = ${merchantId} and d.event_id = due.event_id and d.subscriber = due.subscriber
        and e.merchant_id = ${merchantId} and e.id = d.event_id
      returning d.merchant_id, d.event_id, d.subscriber, d.attempts, d.lease_token, e.type, e.aggregate_type,
        e.aggregate_id, e.sequence, e.payload, e.occurred_at
    `.execute(this.db);
    return result.rows
      .map((r) => ({ ...r, event_id: Number(r.event_id) }))
      .sort((a, b) => a.event_id - b.event_id || a.subscriber.localeCompare(b.subscriber));
  }

  async markDelivered(key: Key, token: string, now: Date): Promise<void> {
    await this.db
      .updateTable('outbox_deliveries')
      .set({ status: 'delivered', delivered_at: now, lease_token: null, lease_until: null, last_error: null })
      .where('merchant_id', '=', key.merchantId)
      .where('event_id', '=', key.eventId)
      .where('subscriber', '=', key.subscriber)
      .where('lease_token', '=', token)
      .execute();
  }

  /** A failed attempt: tried again at `retryAt`, or parked as a dead letter when `dead`. */
  async markFailed(key: Key, token: string, outcome: { error: string; dead: boolean; retryAt: Date; now: Date }) {
    await this.db
      .updateTable('outbox_deliveries')
      .set({
        status: outcome.dead ? 'dead' : 'pending',
        dead_at: outcome.dead ? outcome.now : null,
        next_attempt_at: outcome.retryAt,
        lease_token: null,
        lease_until: null,
        last_error: outcome.error.slice(0, 2000),
      })
      .where('merchant_id', '=', key.merchantId)
      .where('event_id', '=', key.eventId)
      .where('subscriber', '=', key.subscriber)
      .where('lease_token', '=', token)
      .execute();
  }

  /** The merchant's dead letters, newest first, each with how many later events of its aggregate wait behind it. */
  async deadLetters(merchantId: string, limit: number): Promise<DeadLetterRow[]> {
    const result = await sql<DeadLetterRow>`
      select d.merchant_id, d.event_id, d.subscriber, e.type, e.aggregate_type, e.aggregate_id, e.sequence, e.payload,
        e.occurred_at, d.attempts, d.last_error, d.dead_at,
        (select count(*) from outbox_deliveries later
          where later.subscriber = d.subscriber and later.merchant_id = d.merchant_id
            and later.aggregate_type = d.aggregate_type and later.aggregate_id = d.aggregate_id
            and later.sequence > d.sequence and later.status = 'pending')::int as held_behind
      from outbox_deliveries d
      join outbox_events e on e.merchant_id = d.merchant_id and e.id = d.event_id
      where d.merchant_id = ${merchantId} and d.status = 'dead'
      order by d.dead_at desc, d.event_id desc
      limit ${limit}
    `.execute(this.db);
    return result.rows.map((r) => ({ ...r, event_id: Number(r.event_id) }));
  }

  /** Puts a dead letter back in line with a fresh count of attempts; false when there is no such dead letter. */
  async retryDead(key: Key): Promise<boolean> {
    const result = await sql<{ event_id: number }>`
      with retried as (
        update outbox_deliveries
        set status = 'pending', attempts = 0, next_attempt_at = null, dead_at = null, lease_token = null,
          lease_until = null
        where merchant_id = ${key.merchantId} and event_id = ${key.eventId} and subscriber = ${key.subscriber}
          and status = 'dead'
        returning event_id
      )
      select event_id, pg_notify(${OUTBOX_CHANNEL}, '') as notified from retried
    `.execute(this.db);
    return result.rows.length > 0;
  }

  /** Forgets events older than `before` that every subscriber has received. */
  async prune(before: Date): Promise<number> {
    const result = await sql<{ count: number }>`
      with old as (
        select e.merchant_id, e.id from outbox_events e
        where e.occurred_at < ${before}
          and not exists (
            select 1 from outbox_deliveries d
            where d.merchant_id = e.merchant_id and d.event_id = e.id and d.status <> 'delivered'
          )
        limit 10000
      ), gone_deliveries as (
        delete from outbox_deliveries d using old where d.merchant_id = old.merchant_id and d.event_id = old.id
      ), gone as (
        delete from outbox_events e using old where e.merchant_id = old.merchant_id and e.id = old.id returning 1
      )
      select count(*)::int as count from gone
    `.execute(this.db);
    return result.rows[0]?.count ?? 0;
  }
}
