import { sql, type Kysely } from 'kysely';

// Migrations are frozen once released: they take Kysely<unknown> so later schema types never change their meaning.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_providers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('merchants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('provider_id', 'uuid', (c) => c.notNull().references('service_providers.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('stores')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('store_group', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('stores_pk', ['merchant_id', 'id'])
    .addUniqueConstraint('stores_code_unique', ['merchant_id', 'code'])
    .execute();

  // Staff span tenancy levels (a provider admin belongs to no merchant), so this is a reference table.
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('provider_id', 'uuid', (c) => c.notNull().references('service_providers.id'))
    .addColumn('merchant_id', 'uuid', (c) => c.references('merchants.id'))
    .addColumn('store_id', 'uuid')
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'staff_role_scope',
      sql`(role = 'provider_admin' and merchant_id is null and store_id is null)
       or (role = 'merchant_admin' and merchant_id is not null and store_id is null)
       or (role in ('store_manager', 'cashier') and merchant_id is not null and store_id is not null)`,
    )
    .addForeignKeyConstraint('staff_store_fk', ['merchant_id', 'store_id'], 'stores', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'uuid', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('kiosk', 'entrance_camera', 'member_app')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'active', 'revoked')`))
    .addColumn('activation_code_hash', 'text', (c) => c.unique())
    .addColumn('activation_expires_at', 'timestamptz')
    .addColumn('public_key', 'text')
    .addColumn('app_version', 'text')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('activated_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('devices_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('devices_store_fk', ['merchant_id', 'store_id'], 'stores', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('device_nonces')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('device_nonces_pk', ['merchant_id', 'device_id', 'nonce'])
    .addForeignKeyConstraint(
      'device_nonces_device_fk',
      ['merchant_id', 'device_id'],
      'devices',
      ['merchant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('device_nonces_seen_at').on('device_nonces').column('seen_at').execute();

  await db.schema
    .createTable('products')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('barcode', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo('件'))
    .addColumn('price_fen', 'bigint', (c) => c.notNull().check(sql`price_fen >= 0`))
    .addColumn('member_price_fen', 'bigint', (c) => c.check(sql`member_price_fen >= 0`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('products_pk', ['merchant_id', 'id'])
    .addUniqueConstraint('products_sku_unique', ['merchant_id', 'sku'])
    .addUniqueConstraint('products_barcode_unique', ['merchant_id', 'barcode'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('audit_events_pk', ['merchant_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').columns(['merchant_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'products',
    'device_nonces',
    'devices',
    'staff_sessions',
    'staff_users',
    'stores',
    'merchants',
    'service_providers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
