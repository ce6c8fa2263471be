import type { Database, NewStaffUser, StaffUser } from '@shualian/db';
import { sql, type Updateable } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';

export class StaffRepository extends Repository {
  async insert(row: NewStaffUser): Promise<void> {
    await this.db.insertInto('staff_users').values(row).execute();
  }

  findByUsername(username: string): Promise<StaffUser | undefined> {
    return this.db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  /**
   * Counts one password check against the account before it is made, in one conditional update: a check in flight
   * counts as a failure until it succeeds, so however many guesses arrive together, no more than `maxFailures` are
   * ever checked. The check that reaches the limit locks the account (each lock twice as long as the last, up to 64×
   * `lockSeconds`); an expired lock starts a fresh count. Nothing is returned while the account is locked.
   */
  async reserveLoginAttempt(
    staffId: string,
    policy: { maxFailures: number; lockSeconds: number },
    now: Date,
  ): Promise<{ failures: number; lockedUntil: Date | null; lockouts: number } | undefined> {
    const failures = sql<number>`(case when locked_until is null then failed_logins else 0 end) + 1`;
    const locks = sql<boolean>`${failures} >= ${policy.maxFailures}`;
    const { rows } = await sql<{ failed_logins: number; locked_until: Date | null; lockouts: number }>`
      update staff_users set
        failed_logins = ${failures},
        locked_until = case when ${locks}
          then ${now}::timestamptz + make_interval(secs => ${policy.lockSeconds}::float8 * power(2, least(lockouts, 6)))
          else null end,
        lockouts = case when ${locks} then lockouts + 1 else lockouts end
      where id = ${staffId} and (locked_until is null or locked_until <= ${now}::timestamptz)
      returning failed_logins, locked_until, lockouts`.execute(this.db);
    const row = rows[0];
    return (
      row && {
        failures: row.failed_logins,
        lockedUntil: row.locked_until && new Date(row.locked_until),
        lockouts: row.lockouts,
      }
    );
  }

  async clearLoginFailures(staffId: string): Promise<void> {
    await this.db
      .updateTable('staff_users')
      .set({ failed_logins: 0, locked_until: null, lockouts: 0 })
      .where('id', '=', staffId)
      .execute();
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
