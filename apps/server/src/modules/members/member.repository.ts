import { randomUUID } from 'node:crypto';
import type { Member } from '@shualian/db';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';

export class MemberRepository extends Repository {
  /** The member with this phone, made if new; `created` tells which. */
  async findOrCreate(
    merchantId: string,
    phone: string,
    suffix: string,
    displayName: string | null,
  ): Promise<{ member: Member; created: boolean }> {
    const inserted = await this.db
      .insertInto('members')
      .values({ merchant_id: merchantId, id: randomUUID(), phone, phone_suffix: suffix, display_name: displayName })
      .onConflict((oc) => oc.columns(['merchant_id', 'phone']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { member: inserted, created: true };
    const member = await this.db
      .selectFrom('members')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('phone', '=', phone)
      .executeTakeFirstOrThrow();
    return { member, created: false };
  }

  get(merchantId: string, memberId: string): Promise<Member | undefined> {
    return this.db
      .selectFrom('members')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', memberId)
      .executeTakeFirst();
  }

  /** The member, row-locked until the transaction ends: what is decided on the member's behalf is decided one at a time. */
  getForUpdate(merchantId: string, memberId: string): Promise<Member | undefined> {
    return this.db
      .selectFrom('members')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', memberId)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Counts a deletion of the member's face data (and takes the member's row lock, as any update does). */
  async countFaceDataDeletion(merchantId: string, memberId: string): Promise<void> {
    await this.db
      .updateTable('members')
      .set({ face_data_deletions: sql`face_data_deletions + 1` })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', memberId)
      .execute();
  }

  getMany(merchantId: string, memberIds: string[]): Promise<Member[]> {
    if (memberIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('members')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', 'in', memberIds)
      .execute();
  }

  list(merchantId: string, filter: { phoneSuffix?: string; limit: number }) {
    let query = this.db
      .selectFrom('members')
      .selectAll('members')
      .select((eb) => [
        eb
          .exists(
            eb
              .selectFrom('consents')
              .select(sql`1`.as('one'))
              .whereRef('consents.merchant_id', '=', 'members.merchant_id')
              .whereRef('consents.member_id', '=', 'members.id')
              .where('consents.withdrawn_at', 'is', null),
          )
          .as('has_consent'),
        eb
          .selectFrom('face_templates')
          .select((t) => t.fn.countAll<number>().as('n'))
          .whereRef('face_templates.merchant_id', '=', 'members.merchant_id')
          .whereRef('face_templates.member_id', '=', 'members.id')
          .as('template_count'),
      ])
      .where('merchant_id', '=', merchantId);
    if (filter.phoneSuffix) query = query.where('phone_suffix', '=', filter.phoneSuffix);
    return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
  }

  async createSession(session: {
    tokenHash: string;
    merchantId: string;
    memberId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db
      .insertInto('member_sessions')
      .values({
        token_hash: session.tokenHash,
        merchant_id: session.merchantId,
        member_id: session.memberId,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  /** The live session of a token; a token that names no merchant (issued before tokens did) is looked up by hash alone. */
  findSession(merchantId: string | null, tokenHash: string, now: Date) {
    let query = this.db
      .selectFrom('member_sessions')
      .select(['merchant_id', 'member_id'])
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now);
    if (merchantId) query = query.where('merchant_id', '=', merchantId);
    return query.executeTakeFirst();
  }
}
