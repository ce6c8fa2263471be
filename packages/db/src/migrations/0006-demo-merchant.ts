import { sql, type Kysely } from 'kysely';

// The demo merchant seeded on first start is marked, so the kiosk can offer its demo camera there and nowhere else.
// Only the seed sets it: no API writes this column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('merchants')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('merchants').dropColumn('demo').execute();
}
