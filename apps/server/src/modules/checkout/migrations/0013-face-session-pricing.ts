import { sql, type Kysely } from 'kysely';

/**
 * A face session keeps how its cart was priced (the adjustments and the moment), so the payment spends exactly what
 * that price used (promotion budgets, coupons) inside its transaction. Sessions opened before this have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table face_sessions add column pricing jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table face_sessions drop column pricing`.execute(db);
}
