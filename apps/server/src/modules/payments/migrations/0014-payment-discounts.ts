import { sql, type Kysely } from 'kysely';

/**
 * A payment keeps the discounts its price was made of (each offer once, with the label the shopper read), so its
 * receipt and any later look at it tell why it cost what it did. Payments from before keep an empty list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments add column discounts jsonb not null default '[]'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments drop column discounts`.execute(db);
}
