import type { Kysely } from 'kysely';

// Products get a category (drinks, snacks, …) that merchant admins set and the console and kiosks group by.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('category', 'text').execute();
  await db.schema.createIndex('products_category').on('products').columns(['merchant_id', 'category']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('products_category').execute();
  await db.schema.alterTable('products').dropColumn('category').execute();
}
