import { randomUUID } from 'node:crypto';
import type { Member } from '@shualian/db';
import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';

// PostgreSQL takes at most 65,535 parameters in one statement; a gallery can hold more members than that.
const ID_CHUNK = 10_000;

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

  /** Sets (or clears) the member's birthday; `setAt` marks one the member set themselves. Returns the member. */
  async setBirthday(
    merchantId: string,
    memberId: string,
    birthday: { month: number; day: number; year: number | null } | null,
    setAt: Date | null,
  ): Promise<Member> {
    return this.db
      .updateTable('members')
      .set({
        birth_month: birthday?.month ?? null,
        birth_day: birthday?.day ?? null,
        birth_year: birthday?.year ?? null,
        birthday_set_at: setAt,
      })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', memberId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The merchant's members born on any of these days (month and day), a page at a time by id. */
  bornOn(
    merchantId: string,
    days: ReadonlyArray<{ month: number; day: number }>,
    afterId: string | null,
    limit: number,
  ): Promise<Member[]> {
    if (days.length === 0) return Promise.resolve([]);
    let query = this.db
      .selectFrom('members')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where((eb) => eb.or(days.map((d) => eb.and([eb('birth_month', '=', d.month), eb('birth_day', '=', d.day)]))));
    if (afterId) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
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

  /** The merchant's members, newest first, optionally those whose phone ends in these 4 digits. */
  list(merchantId: string, filter: { phoneSuffix?: string; limit: number }): Promise<Member[]> {
    let query = this.db.selectFrom('members').selectAll().where('merchant_id', '=', merchantId);
    if (filter.phoneSuffix) query = query.where('phone_suffix', '=', filter.phoneSuffix);
    return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
  }

  /** The last 4 phone digits of each of these members that exists, asked in chunks a statement's parameters hold. */
  async phoneSuffixes(merchantId: string, memberIds: string[]): Promise<Map<string, string>> {
    const suffixes = new Map<string, string>();
    for (let at = 0; at < memberIds.length; at += ID_CHUNK) {
      const rows = await this.db
        .selectFrom('members')
        .select(['id', 'phone_suffix'])
        .where('merchant_id', '=', merchantId)
        .where('id', 'in', memberIds.slice(at, at + ID_CHUNK))
        .execute();
      for (const row of rows) suffixes.set(row.id, row.phone_suffix);
    }
    return suffixes;
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
