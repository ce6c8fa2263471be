import { sql, type Kysely } from 'kysely';

/**
 * Member-only doors: each door's relay (where its signed commands go) and public key (the private one is derived from
 * the master key, never stored), the entrance cameras that watch a door, the members barred from the merchant's doors,
 * and the door's trail: every decision at a door (opened, relay failed, refused and why). The trail holds no face data,
 * and no identity for an anonymous person (the table refuses a member on an anonymous refusal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('doors')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 60`))
    .addColumn('relay_url', 'text', (c) => c.notNull().check(sql`length(relay_url) <= 500`))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('doors_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('doors_store_fk', ['merchant_id', 'store_id'], 'stores', ['merchant_id', 'id'])
    .addUniqueConstraint('doors_store_name_unique', ['merchant_id', 'store_id', 'name'])
    .execute();

  await db.schema
    .createTable('door_cameras')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('door_id', 'uuid', (c) => c.notNull())
    .addColumn('bound_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('door_cameras_pk', ['merchant_id', 'device_id'])
    .addForeignKeyConstraint('door_cameras_device_fk', ['merchant_id', 'device_id'], 'devices', ['merchant_id', 'id'])
    .addForeignKeyConstraint('door_cameras_door_fk', ['merchant_id', 'door_id'], 'doors', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('door_blocked_members')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) between 1 and 200`))
    .addColumn('blocked_by', 'uuid', (c) => c.notNull())
    .addColumn('blocked_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('door_blocked_members_pk', ['merchant_id', 'member_id'])
    .addForeignKeyConstraint('door_blocked_members_member_fk', ['merchant_id', 'member_id'], 'members', [
      'merchant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('door_events')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('door_id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('opened', 'relay_failed', 'refused')`))
    .addColumn('reason', 'text', (c) =>
      c.check(sql`reason in ('anonymous', 'no_entrance_consent', 'member_blocked', 'door_disabled')`),
    )
    .addColumn('command_id', 'uuid')
    .addColumn('relay_status', 'integer')
    .addColumn('relay_error', 'text', (c) => c.check(sql`length(relay_error) <= 200`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('door_events_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('door_events_door_fk', ['merchant_id', 'door_id'], 'doors', ['merchant_id', 'id'])
    .addForeignKeyConstraint('door_events_store_fk', ['merchant_id', 'store_id'], 'stores', ['merchant_id', 'id'])
    .addForeignKeyConstraint('door_events_device_fk', ['merchant_id', 'device_id'], 'devices', ['merchant_id', 'id'])
    .addForeignKeyConstraint('door_events_member_fk', ['merchant_id', 'member_id'], 'members', ['merchant_id', 'id'])
    .addCheckConstraint(
      'door_events_outcome_shape',
      sql`(outcome = 'refused') = (reason is not null) and (outcome = 'refused') = (command_id is null)
          and (reason is distinct from 'anonymous' or member_id is null)
          and (outcome <> 'opened' or member_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('door_events_store_at')
    .on('door_events')
    .columns(['merchant_id', 'store_id', 'at'])
    .execute();
}
