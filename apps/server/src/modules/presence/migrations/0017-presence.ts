import { sql, type Kysely } from 'kysely';

/**
 * The store entrance: each entrance camera's role at its door and the last crop time it sent (crops are counted in
 * camera order), and the visits. A member's visit names the member; an anonymous visit holds only times, counts and
 * the engine's age band and gender estimate (the table refuses demographics on a member's visit, and has no column
 * for a face: the embeddings that tell anonymous people apart live in the server's memory only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('presence_cameras')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('entry', 'exit', 'both')`))
    .addColumn('last_crop_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_cameras_pk', ['merchant_id', 'device_id'])
    .addForeignKeyConstraint('presence_cameras_device_fk', ['merchant_id', 'device_id'], 'devices', [
      'merchant_id',
      'id',
    ])
    .addForeignKeyConstraint('presence_cameras_store_fk', ['merchant_id', 'store_id'], 'stores', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('presence_visits')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid')
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('left_at', 'timestamptz')
    .addColumn('end_reason', 'text', (c) =>
      c.check(sql`end_reason in ('timeout', 'exit', 'consent_withdrawn', 'end_of_sequence')`),
    )
    .addColumn('sightings', 'integer', (c) => c.notNull().check(sql`sightings >= 1`))
    .addColumn('entry_device_id', 'uuid', (c) => c.notNull())
    .addColumn('last_device_id', 'uuid', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.check(sql`age_band in ('<18', '18-24', '25-34', '35-44', '45-54', '55+')`))
    .addColumn('gender', 'text', (c) => c.check(sql`gender in ('female', 'male')`))
    .addColumn('identified_at', 'timestamptz')
    .addPrimaryKeyConstraint('presence_visits_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('presence_visits_store_fk', ['merchant_id', 'store_id'], 'stores', ['merchant_id', 'id'])
    .addForeignKeyConstraint('presence_visits_member_fk', ['merchant_id', 'member_id'], 'members', [
      'merchant_id',
      'id',
    ])
    .addForeignKeyConstraint('presence_visits_entry_device_fk', ['merchant_id', 'entry_device_id'], 'devices', [
      'merchant_id',
      'id',
    ])
    .addForeignKeyConstraint('presence_visits_last_device_fk', ['merchant_id', 'last_device_id'], 'devices', [
      'merchant_id',
      'id',
    ])
    .addCheckConstraint(
      'presence_visits_member_not_profiled',
      sql`member_id is null or (age_band is null and gender is null)`,
    )
    .addCheckConstraint(
      'presence_visits_times',
      sql`entered_at <= last_seen_at and (left_at is null or (left_at >= last_seen_at and end_reason is not null))`,
    )
    .execute();
  await db.schema
    .createIndex('presence_visits_store_entered')
    .on('presence_visits')
    .columns(['merchant_id', 'store_id', 'entered_at'])
    .execute();
  await db.schema
    .createIndex('presence_visits_open')
    .on('presence_visits')
    .columns(['merchant_id', 'store_id', 'last_seen_at'])
    .where(sql.ref('left_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('presence_visits_member')
    .on('presence_visits')
    .columns(['merchant_id', 'member_id', 'entered_at'])
    .where(sql.ref('member_id'), 'is not', null)
    .execute();
}
