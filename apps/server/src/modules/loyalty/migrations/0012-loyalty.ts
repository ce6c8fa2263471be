import { sql, type Kysely } from 'kysely';

/**
 * Loyalty: each merchant's programme (points rates, tier rule, expiry, stored-value spending order), its tiers, one
 * member card per member, the points lots (FIFO, for expiry), the payments points were earned on (and what a refund
 * took back), tier history, stored-value plans (充值送) and their purchases. Balances are not here: points and stored
 * value are ledger accounts (the ledger module's migration 0011).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('loyalty_programs')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('points_per_yuan', 'integer', (c) => c.notNull().check(sql`points_per_yuan between 0 and 1000`))
    .addColumn('points_per_yuan_off', 'integer', (c) =>
      c.notNull().check(sql`points_per_yuan_off between 1 and 100000`),
    )
    .addColumn('max_redeem_percent', 'integer', (c) => c.notNull().check(sql`max_redeem_percent between 0 and 100`))
    .addColumn('points_expiry_months', 'integer', (c) => c.check(sql`points_expiry_months between 1 and 120`))
    .addColumn('tier_basis', 'text', (c) => c.notNull().check(sql`tier_basis in ('spend', 'points', 'visits')`))
    .addColumn('tier_window_days', 'integer', (c) => c.notNull().check(sql`tier_window_days between 1 and 1096`))
    .addColumn('spending_order', 'text', (c) =>
      c.notNull().check(sql`spending_order in ('principal_first', 'bonus_first', 'proportional')`),
    )
    .addColumn('card_seq', 'bigint', (c) => c.notNull().check(sql`card_seq >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('loyalty_programs_pk', ['merchant_id'])
    .execute();

  await db.schema
    .createTable('loyalty_tiers')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('rank', 'integer', (c) => c.notNull().check(sql`rank between 1 and 20`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('threshold', 'bigint', (c) => c.notNull().check(sql`threshold >= 0`))
    .addColumn('discount_percent', 'integer', (c) => c.notNull().check(sql`discount_percent between 0 and 50`))
    .addColumn('points_multiplier_percent', 'integer', (c) =>
      c.notNull().check(sql`points_multiplier_percent between 0 and 1000`),
    )
    .addColumn('birthday_points', 'integer', (c) => c.notNull().check(sql`birthday_points >= 0`))
    .addPrimaryKeyConstraint('loyalty_tiers_pk', ['merchant_id', 'rank'])
    .execute();

  await db.schema
    .createTable('member_cards')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('card_number', 'text', (c) => c.notNull())
    .addColumn('tier_rank', 'integer', (c) => c.notNull().check(sql`tier_rank >= 0`))
    .addColumn('tier_since', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_cards_pk', ['merchant_id', 'member_id'])
    .addUniqueConstraint('member_cards_number_unique', ['merchant_id', 'card_number'])
    .addForeignKeyConstraint('member_cards_member_fk', ['merchant_id', 'member_id'], 'members', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('tier_changes')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('from_rank', 'integer', (c) => c.notNull())
    .addColumn('to_rank', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('payment', 'evaluation')`))
    .addColumn('measure', 'bigint', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('tier_changes_pk', ['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('tier_changes_member')
    .on('tier_changes')
    .columns(['merchant_id', 'member_id', 'changed_at'])
    .execute();

  // One row per payment the member was credited for: the measure of tiers (spend, visits, points in the window) and
  // the idempotency of earning and reversing.
  await db.schema
    .createTable('loyalty_payments')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('payment_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().check(sql`refunded_fen between 0 and amount_fen`))
    .addColumn('points_earned', 'integer', (c) => c.notNull().check(sql`points_earned >= 0`))
    .addColumn('points_reversed', 'integer', (c) => c.notNull().check(sql`points_reversed between 0 and points_earned`))
    .addColumn('paid_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('loyalty_payments_pk', ['merchant_id', 'payment_id'])
    .execute();
  await db.schema
    .createIndex('loyalty_payments_member')
    .on('loyalty_payments')
    .columns(['merchant_id', 'member_id', 'paid_at'])
    .execute();

  // A refund's points reversal, once per refund: what was due, what the balance allowed, and the shortfall.
  await db.schema
    .createTable('points_reversals')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('refund_id', 'uuid', (c) => c.notNull())
    .addColumn('payment_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('points_due', 'integer', (c) => c.notNull().check(sql`points_due >= 0`))
    .addColumn('points_reversed', 'integer', (c) => c.notNull().check(sql`points_reversed between 0 and points_due`))
    .addColumn('shortfall', 'integer', (c) => c.notNull().check(sql`shortfall = points_due - points_reversed`))
    .addColumn('reversed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_reversals_pk', ['merchant_id', 'refund_id'])
    .execute();

  // Points as lots, spent oldest first, so that expiry can take exactly what is older than the policy allows.
  await db.schema
    .createTable('points_lots')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('remaining', 'integer', (c) => c.notNull().check(sql`remaining between 0 and points`))
    .addColumn('earned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addPrimaryKeyConstraint('points_lots_pk', ['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('points_lots_member')
    .on('points_lots')
    .columns(['merchant_id', 'member_id', 'earned_at'])
    .execute();
  await sql`create index points_lots_expiring on points_lots (merchant_id, expires_at) where remaining > 0`.execute(db);

  await db.schema
    .createTable('stored_value_plans')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'bigint', (c) => c.notNull().check(sql`price_fen > 0`))
    .addColumn('bonus_fen', 'bigint', (c) => c.notNull().check(sql`bonus_fen >= 0`))
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz', (c) => c.notNull())
    .addColumn('per_member_limit', 'integer', (c) => c.notNull().check(sql`per_member_limit >= 1`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_value_plans_pk', ['merchant_id', 'id'])
    .addCheckConstraint('stored_value_plans_valid_range', sql`valid_until > valid_from`)
    .execute();

  await db.schema
    .createTable('stored_value_purchases')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('plan_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('principal_fen', 'bigint', (c) => c.notNull().check(sql`principal_fen > 0`))
    .addColumn('bonus_fen', 'bigint', (c) => c.notNull().check(sql`bonus_fen >= 0`))
    .addColumn('refunded_principal_fen', 'bigint', (c) => c.notNull().check(sql`refunded_principal_fen >= 0`))
    .addColumn('forfeited_bonus_fen', 'bigint', (c) => c.notNull().check(sql`forfeited_bonus_fen >= 0`))
    .addColumn('purchased_at', 'timestamptz', (c) => c.notNull())
    .addColumn('refunded_at', 'timestamptz')
    .addPrimaryKeyConstraint('stored_value_purchases_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('stored_value_purchases_plan_fk', ['merchant_id', 'plan_id'], 'stored_value_plans', [
      'merchant_id',
      'id',
    ])
    .addForeignKeyConstraint('stored_value_purchases_member_fk', ['merchant_id', 'member_id'], 'members', [
      'merchant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('stored_value_purchases_member')
    .on('stored_value_purchases')
    .columns(['merchant_id', 'member_id', 'plan_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stored_value_purchases',
    'stored_value_plans',
    'points_lots',
    'points_reversals',
    'loyalty_payments',
    'tier_changes',
    'member_cards',
    'loyalty_tiers',
    'loyalty_programs',
  ])
    await db.schema.dropTable(table).execute();
}
