import type { Database } from '@shualian/db';
import type { Selectable } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';

/** Each merchant's data keys, wrapped by the master key. */
export class DataKeyRepository extends Repository {
  /** The given version, or the newest when none is given. */
  find(merchantId: string, version?: number): Promise<Selectable<Database['merchant_data_keys']> | undefined> {
    return this.db
      .selectFrom('merchant_data_keys')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .$if(version !== undefined, (q) => q.where('version', '=', version!))
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Stores the first key unless another start stored it first; the caller reads it back either way. */
  async insertFirst(merchantId: string, wrappedKey: string): Promise<void> {
    await this.db
      .insertInto('merchant_data_keys')
      .values({ merchant_id: merchantId, version: 1, wrapped_key: wrappedKey })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
