import type { Database, NewStaffUser, StaffUser } from '@shualian/db';
import type { Kysely, Updateable } from 'kysely';

export class StaffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: NewStaffUser): Promise<void> {
    await this.db.insertInto('staff_users').values(row).execute();
  }

  findByUsername(username: string): Promise<StaffUser | undefined> {
    return this.db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async createSession(session: { tokenHash: string; staffId: string; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('staff_sessions')
      .values({ token_hash: session.tokenHash, staff_id: session.staffId, expires_at: session.expiresAt })
      .execute();
  }

  /** The staff member behind a live session; disabled staff and expired sessions give nothing. */
  findBySession(tokenHash: string, now: Date): Promise<StaffUser | undefined> {
    return this.db
      .selectFrom('staff_sessions')
      .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.staff_id')
      .selectAll('staff_users')
      .where('staff_sessions.token_hash', '=', tokenHash)
      .where('staff_sessions.expires_at', '>', now)
      .where('staff_users.disabled_at', 'is', null)
      .executeTakeFirst();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
  }

  /** Signs the staff member out everywhere. */
  async deleteSessionsOf(staffId: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
  }

  listByMerchant(merchantId: string): Promise<StaffUser[]> {
    return this.db
      .selectFrom('staff_users')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .orderBy('username')
      .execute();
  }

  /** A staff member of this merchant, the row locked until the transaction ends. */
  lockInMerchant(merchantId: string, staffId: string): Promise<StaffUser | undefined> {
    return this.db
      .selectFrom('staff_users')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', staffId)
      .forUpdate()
      .executeTakeFirst();
  }

  update(staffId: string, values: Updateable<Database['staff_users']>): Promise<StaffUser> {
    return this.db
      .updateTable('staff_users')
      .set(values)
      .where('id', '=', staffId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
