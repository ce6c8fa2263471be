import { sql, type Kysely } from 'kysely';

/** The coupon template (promotions module) a tier gives the member who reaches it; null: none. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table loyalty_tiers add column upgrade_coupon_template_id uuid`.execute(db);
}
