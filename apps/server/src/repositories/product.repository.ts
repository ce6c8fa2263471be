import type { Database, Product } from '@shualian/db';
import type { Insertable, Kysely } from 'kysely';

export class ProductRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(rows: Insertable<Database['products']>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('products').values(rows).execute();
  }

  list(merchantId: string, filter: { barcode?: string; includeInactive?: boolean } = {}): Promise<Product[]> {
    let query = this.db.selectFrom('products').selectAll().where('merchant_id', '=', merchantId);
    if (filter.barcode) query = query.where('barcode', '=', filter.barcode);
    if (!filter.includeInactive) query = query.where('active', '=', true);
    return query.orderBy('sku').execute();
  }
}
