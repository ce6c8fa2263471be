import { sql, type Kysely } from 'kysely';

/**
 * Sign-in lockout on the staff row, counters for per-hour limits decided in the database, and who moved money on
 * each ledger transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_users')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // One row per limited thing (a phone, a client address, a staff member…): the window it is in and the uses so far.
  await db.schema
    .createTable('rate_counters')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('rate_counters_pk', ['merchant_id', 'key'])
    .execute();
  await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_started_at').execute();

  await db.schema.alterTable('ledger_transactions').addColumn('staff_id', 'uuid').addColumn('reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ledger_transactions').dropColumn('reason').dropColumn('staff_id').execute();
  await db.schema.dropTable('rate_counters').execute();
  await db.schema
    .alterTable('staff_users')
    .dropColumn('lockouts')
    .dropColumn('locked_until')
    .dropColumn('failed_logins')
    .execute();
}
