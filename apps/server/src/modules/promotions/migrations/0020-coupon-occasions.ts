import { sql, type Kysely } from 'kysely';

/**
 * Coupons given on an occasion the loyalty module decides carry it as their source: `birthday` (a tier's birthday
 * coupon) and `tier_upgrade` (the coupon a tier gives the member who reaches it). Birthday coupons given before this
 * were recorded as grants with the reason `birthday`; they read as birthday coupons from now on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table coupons
      drop constraint coupons_source_check,
      add constraint coupons_source_check
        check (source in ('grant', 'registration', 'campaign', 'red_packet', 'birthday', 'tier_upgrade'))
  `.execute(db);
  await sql`update coupons set source = 'birthday' where source = 'grant' and issued_by is null and reason = 'birthday'`.execute(
    db,
  );
}
