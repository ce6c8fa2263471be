import { Repository } from '../../platform/db/repository.ts';

export class OtpRepository extends Repository {
  async insert(row: {
    merchantId: string;
    id: string;
    phone: string;
    codeHash: string;
    expiresAt: Date;
    clientIp: string | null;
    createdAt: Date;
  }): Promise<void> {
    await this.db
      .insertInto('otp_challenges')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        phone: row.phone,
        code_hash: row.codeHash,
        expires_at: row.expiresAt,
        client_ip: row.clientIp,
        created_at: row.createdAt,
      })
      .execute();
  }

  /** The newest unconsumed challenge for this phone, locked so two verifications cannot both consume it. */
  latestOpen(merchantId: string, phone: string) {
    return this.db
      .selectFrom('otp_challenges')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('phone', '=', phone)
      .where('consumed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
  }

  async recordFailure(merchantId: string, id: string): Promise<void> {
    await this.db
      .updateTable('otp_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .execute();
  }

  async consume(merchantId: string, id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('otp_challenges')
      .set({ consumed_at: now })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .execute();
  }
}
