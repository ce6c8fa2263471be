import type { Device, DeviceKind } from '@shualian/db';
import { Repository } from '../../platform/db/repository.ts';

export class DeviceRepository extends Repository {
  async insertPending(row: {
    merchantId: string;
    id: string;
    storeId: string;
    kind: DeviceKind;
    name: string;
    activationCodeHash: string;
    activationExpiresAt: Date;
    createdBy: string;
  }): Promise<Device> {
    return this.db
      .insertInto('devices')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        store_id: row.storeId,
        kind: row.kind,
        name: row.name,
        status: 'pending',
        activation_code_hash: row.activationCodeHash,
        activation_expires_at: row.activationExpiresAt,
        created_by: row.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  get(merchantId: string, deviceId: string): Promise<Device | undefined> {
    return this.db
      .selectFrom('devices')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', deviceId)
      .executeTakeFirst();
  }

  list(merchantId: string, storeId?: string): Promise<Device[]> {
    let query = this.db.selectFrom('devices').selectAll().where('merchant_id', '=', merchantId);
    if (storeId) query = query.where('store_id', '=', storeId);
    return query.orderBy('created_at').execute();
  }

  /**
   * Turns a pending device with this activation code into an active one, in one statement so two devices racing
   * with the same code cannot both win. The code is consumed (cleared) on success. A code that names no merchant
   * (issued before codes did) is looked up across merchants.
   */
  activate(
    merchantId: string | null,
    codeHash: string,
    now: Date,
    publicKey: string,
    appVersion: string | null,
  ): Promise<Device | undefined> {
    let query = this.db
      .updateTable('devices')
      .set({
        status: 'active',
        public_key: publicKey,
        app_version: appVersion,
        activated_at: now,
        last_seen_at: now,
        activation_code_hash: null,
        activation_expires_at: null,
      })
      .where('activation_code_hash', '=', codeHash)
      .where('status', '=', 'pending')
      .where('activation_expires_at', '>', now);
    if (merchantId) query = query.where('merchant_id', '=', merchantId);
    return query.returningAll().executeTakeFirst();
  }

  findByActivationCode(merchantId: string | null, codeHash: string): Promise<Device | undefined> {
    let query = this.db.selectFrom('devices').selectAll().where('activation_code_hash', '=', codeHash);
    if (merchantId) query = query.where('merchant_id', '=', merchantId);
    return query.executeTakeFirst();
  }

  revoke(merchantId: string, deviceId: string, now: Date): Promise<Device | undefined> {
    return this.db
      .updateTable('devices')
      .set({ status: 'revoked', revoked_at: now, activation_code_hash: null, activation_expires_at: null })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', deviceId)
      .where('status', '!=', 'revoked')
      .returningAll()
      .executeTakeFirst();
  }

  async touch(merchantId: string, deviceId: string, now: Date, appVersion?: string): Promise<void> {
    await this.db
      .updateTable('devices')
      .set(appVersion ? { last_seen_at: now, app_version: appVersion } : { last_seen_at: now })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', deviceId)
      .execute();
  }

  /** Records a nonce; false when the device already used it (a replay). */
  async rememberNonce(merchantId: string, deviceId: string, nonce: string, now: Date): Promise<boolean> {
    const inserted = await this.db
      .insertInto('device_nonces')
      .values({ merchant_id: merchantId, device_id: deviceId, nonce, seen_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('nonce')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async forgetNoncesBefore(cutoff: Date): Promise<void> {
    await this.db.deleteFrom('device_nonces').where('seen_at', '<', cutoff).execute();
  }
}
