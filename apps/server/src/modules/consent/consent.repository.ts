import type { Consent } from '@shualian/db';
import { Repository } from '../../platform/db/repository.ts';

export class ConsentRepository extends Repository {
  /** The member's consent in force for a purpose: the latest one granted and not withdrawn. */
  active(merchantId: string, memberId: string, purpose: string): Promise<Consent | undefined> {
    return this.db
      .selectFrom('consents')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null)
      .orderBy('granted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Which of these members have a consent in force for a purpose. */
  async inForceAmong(merchantId: string, memberIds: string[], purpose: string): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('consents')
      .select('member_id')
      .distinct()
      .where('merchant_id', '=', merchantId)
      .where('member_id', 'in', memberIds)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.member_id));
  }

  /** Every member with a consent in force for a purpose. */
  async everyoneInForce(merchantId: string, purpose: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('consents')
      .select('member_id')
      .distinct()
      .where('merchant_id', '=', merchantId)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.member_id));
  }

  insert(row: {
    merchantId: string;
    id: string;
    memberId: string;
    purpose: string;
    version: string;
    textSha256: string;
    grantedAt: Date;
    deviceId: string | null;
    clientIp: string | null;
    userAgent: string | null;
  }): Promise<Consent> {
    return this.db
      .insertInto('consents')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        member_id: row.memberId,
        purpose: row.purpose,
        version: row.version,
        text_sha256: row.textSha256,
        granted_at: row.grantedAt,
        device_id: row.deviceId,
        client_ip: row.clientIp,
        user_agent: row.userAgent,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async withdraw(merchantId: string, consentId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('consents')
      .set({ withdrawn_at: at })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', consentId)
      .execute();
  }

  /** Withdraws every consent in force of the member for a purpose; how many there were. */
  async withdrawPurpose(merchantId: string, memberId: string, purpose: string, at: Date): Promise<number> {
    const rows = await this.db
      .updateTable('consents')
      .set({ withdrawn_at: at })
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null)
      .returning('id')
      .execute();
    return rows.length;
  }
}
