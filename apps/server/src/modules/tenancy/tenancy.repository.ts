import type { Database, Merchant, Store } from '@shualian/db';
import type { Insertable, Updateable } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';

export class TenancyRepository extends Repository {
  countProviders(): Promise<number> {
    return this.db
      .selectFrom('service_providers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }

  async insertProvider(row: Insertable<Database['service_providers']>): Promise<void> {
    await this.db.insertInto('service_providers').values(row).execute();
  }

  async insertMerchant(row: Insertable<Database['merchants']>): Promise<void> {
    await this.db.insertInto('merchants').values(row).execute();
  }

  async insertStore(row: Insertable<Database['stores']>): Promise<void> {
    await this.db.insertInto('stores').values(row).execute();
  }

  getMerchant(merchantId: string): Promise<Merchant | undefined> {
    return this.db.selectFrom('merchants').selectAll().where('id', '=', merchantId).executeTakeFirst();
  }

  getMerchantByCode(code: string): Promise<Merchant | undefined> {
    return this.db.selectFrom('merchants').selectAll().where('code', '=', code).executeTakeFirst();
  }

  getDemoMerchant(): Promise<Merchant | undefined> {
    return this.db.selectFrom('merchants').selectAll().where('demo', '=', true).executeTakeFirst();
  }

  listMerchants(providerId: string, merchantId?: string): Promise<Merchant[]> {
    let query = this.db.selectFrom('merchants').selectAll().where('provider_id', '=', providerId);
    if (merchantId) query = query.where('id', '=', merchantId);
    return query.orderBy('created_at').execute();
  }

  getStore(merchantId: string, storeId: string): Promise<Store | undefined> {
    return this.db
      .selectFrom('stores')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', storeId)
      .executeTakeFirst();
  }

  /** The store, its row locked until the transaction ends. */
  lockStore(merchantId: string, storeId: string): Promise<Store | undefined> {
    return this.db
      .selectFrom('stores')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', storeId)
      .forUpdate()
      .executeTakeFirst();
  }

  updateStore(merchantId: string, storeId: string, values: Updateable<Database['stores']>): Promise<Store> {
    return this.db
      .updateTable('stores')
      .set(values)
      .where('merchant_id', '=', merchantId)
      .where('id', '=', storeId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listStores(merchantId: string, storeId?: string): Promise<Store[]> {
    let query = this.db.selectFrom('stores').selectAll().where('merchant_id', '=', merchantId);
    if (storeId) query = query.where('id', '=', storeId);
    return query.orderBy('code').execute();
  }
}
