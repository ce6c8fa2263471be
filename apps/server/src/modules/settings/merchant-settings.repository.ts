import { Repository } from '../../platform/db/repository.ts';

/** The settings column of the merchant row: the settings module's only table state. */
export class MerchantSettingsRepository extends Repository {
  stored(merchantId: string) {
    return this.db.selectFrom('merchants').select('settings').where('id', '=', merchantId).executeTakeFirst();
  }

  /** The stored settings, the merchant row locked until the transaction ends (two admins saving queue up). */
  lock(merchantId: string) {
    return this.db
      .selectFrom('merchants')
      .select('settings')
      .where('id', '=', merchantId)
      .forUpdate()
      .executeTakeFirst();
  }

  async store(merchantId: string, settings: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('merchants')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', merchantId)
      .execute();
  }
}
