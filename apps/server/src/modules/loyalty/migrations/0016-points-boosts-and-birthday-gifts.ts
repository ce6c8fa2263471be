import { sql, type Kysely } from 'kysely';

/**
 * What a points promotion gave a payment (which one, its name as the points history shows it, its multiplier and the
 * fen it boosted), the birthday coupon each tier gives (a coupon template of the promotions module; null: none), and
 * the birthday gifts given: one row per member per year, the claim that makes the birthday job give once whatever
 * its retries or a second run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table loyalty_payments
      add column boost_promotion_id uuid,
      add column boost_label text,
      add column boost_percent integer,
      add column boosted_fen bigint,
      add constraint loyalty_payments_boost_whole check (
        (boost_promotion_id is null and boost_label is null and boost_percent is null and boosted_fen is null)
        or (boost_promotion_id is not null and boost_label is not null
          and boost_percent between 101 and 1000 and boosted_fen between 1 and amount_fen)
      )
  `.execute(db);
  await sql`alter table loyalty_tiers add column birthday_coupon_template_id uuid`.execute(db);

  await db.schema
    .createTable('birthday_gifts')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1970 and 9999`))
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('tier_rank', 'integer', (c) => c.notNull().check(sql`tier_rank >= 0`))
    .addColumn('coupon_template_id', 'uuid')
    .addColumn('coupon_id', 'uuid')
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('birthday_gifts_pk', ['merchant_id', 'member_id', 'year'])
    .addForeignKeyConstraint('birthday_gifts_member_fk', ['merchant_id', 'member_id'], 'members', ['merchant_id', 'id'])
    .addCheckConstraint('birthday_gifts_something', sql`coupon_id is not null or points > 0`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('birthday_gifts').execute();
  await sql`alter table loyalty_tiers drop column birthday_coupon_template_id`.execute(db);
  await sql`
    alter table loyalty_payments
      drop constraint loyalty_payments_boost_whole,
      drop column boosted_fen,
      drop column boost_percent,
      drop column boost_label,
      drop column boost_promotion_id
  `.execute(db);
}
