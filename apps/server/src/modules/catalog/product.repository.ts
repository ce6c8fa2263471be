import type { Database, Product } from '@shualian/db';
import type { Insertable, Updateable } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';

export class ProductRepository extends Repository {
  async insertMany(rows: Insertable<Database['products']>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('products').values(rows).execute();
  }

  insert(row: Insertable<Database['products']>): Promise<Product> {
    return this.db.insertInto('products').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Active products unless `status` says otherwise. */
  list(
    merchantId: string,
    filter: { barcode?: string; category?: string; status?: 'active' | 'inactive' | 'all' } = {},
  ): Promise<Product[]> {
    let query = this.db.selectFrom('products').selectAll().where('merchant_id', '=', merchantId);
    if (filter.barcode) query = query.where('barcode', '=', filter.barcode);
    if (filter.category) query = query.where('category', '=', filter.category);
    const status = filter.status ?? 'active';
    if (status !== 'all') query = query.where('active', '=', status === 'active');
    return query.orderBy('sku').execute();
  }

  /** The product, its row locked until the transaction ends. */
  lock(merchantId: string, productId: string): Promise<Product | undefined> {
    return this.db
      .selectFrom('products')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', productId)
      .forUpdate()
      .executeTakeFirst();
  }

  update(merchantId: string, productId: string, values: Updateable<Database['products']>): Promise<Product> {
    return this.db
      .updateTable('products')
      .set(values)
      .where('merchant_id', '=', merchantId)
      .where('id', '=', productId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
