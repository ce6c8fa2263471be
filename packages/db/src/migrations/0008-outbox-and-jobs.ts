import { sql, type Kysely } from 'kysely';

/**
 * Events recorded in the business transaction (the outbox) and their delivery to each subscriber after commit.
 *
 * - `outbox_aggregates` numbers each aggregate's events. Recording an event raises its counter with an upsert, which
 *   row-locks the counter until commit: two transactions recording for one aggregate commit in sequence order.
 * - `outbox_subscriptions` names which subscriber wants which event types; the dispatchers write it on start.
 * - `outbox_deliveries` is one row per event and subscriber, written with the event: a subscriber's success or
 *   failure never re-runs or holds up another's.
 *
 * The job queue (pg-boss) keeps its own tables in the `pgboss` schema, created and migrated by pg-boss itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_aggregates')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('aggregate_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_aggregates_pk', ['merchant_id', 'aggregate_type', 'aggregate_id'])
    .execute();

  await db.schema
    .createTable('outbox_events')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('aggregate_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_events_pk', ['merchant_id', 'id'])
    .addUniqueConstraint('outbox_events_aggregate_sequence', [
      'merchant_id',
      'aggregate_type',
      'aggregate_id',
      'sequence',
    ])
    .execute();

  await db.schema
    .createTable('outbox_subscriptions')
    .addColumn('subscriber', 'text', (c) => c.primaryKey())
    .addColumn('event_types', sql`text[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox_deliveries')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'bigint', (c) => c.notNull())
    .addColumn('subscriber', 'text', (c) => c.notNull())
    // The event's aggregate and sequence, copied so the next delivery in order is found from this table alone.
    .addColumn('aggregate_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'dead')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Null until a failure sets when to try again: a new delivery is due at once.
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('lease_token', 'uuid')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('dead_at', 'timestamptz')
    .addPrimaryKeyConstraint('outbox_deliveries_pk', ['merchant_id', 'event_id', 'subscriber'])
    .addForeignKeyConstraint('outbox_deliveries_event_fk', ['merchant_id', 'event_id'], 'outbox_events', [
      'merchant_id',
      'id',
    ])
    .execute();
  // What a dispatcher looks for: the due ones, and whether an earlier event of the same aggregate is still open.
  await db.schema
    .createIndex('outbox_deliveries_due')
    .on('outbox_deliveries')
    .columns(['next_attempt_at'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('outbox_deliveries_open_by_aggregate')
    .on('outbox_deliveries')
    .columns(['subscriber', 'merchant_id', 'aggregate_type', 'aggregate_id', 'sequence'])
    .where(sql.ref('status'), '<>', 'delivered')
    .execute();
  await db.schema
    .createIndex('outbox_deliveries_dead')
    .on('outbox_deliveries')
    .columns(['merchant_id', 'dead_at'])
    .where(sql.ref('status'), '=', 'dead')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_deliveries').execute();
  await db.schema.dropTable('outbox_subscriptions').execute();
  await db.schema.dropTable('outbox_events').execute();
  await db.schema.dropTable('outbox_aggregates').execute();
}
