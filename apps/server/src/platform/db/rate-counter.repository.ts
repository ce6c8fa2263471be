import { sql } from 'kysely';
import { Repository } from './repository.ts';

export type TakeResult = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-window use counters kept in the database. A window opens with the first use and lasts `windowSeconds`; a use
 * is counted only while the window is under its limit, in one conditional upsert, so concurrent requests on any number
 * of server processes can never count past the limit.
 */
export class RateCounterRepository extends Repository {
  async take(
    merchantId: string,
    key: string,
    rule: { limit: number; windowSeconds: number },
    now: Date,
  ): Promise<TakeResult> {
    const cutoff = new Date(now.getTime() - rule.windowSeconds * 1000);
    if (rule.limit > 0) {
      const { rows } = await sql<{ count: number }>`
        insert into rate_counters as c (merchant_id, key, window_started_at, count)
        values (${merchantId}, ${key}, ${now}, 1)
        on conflict (merchant_id, key) do update set
          count = case when c.window_started_at <= ${cutoff} then 1 else c.count + 1 end,
          window_started_at = case when c.window_started_at <= ${cutoff} then ${now} else c.window_started_at end
        where c.window_started_at <= ${cutoff} or c.count < ${rule.limit}
        returning count`.execute(this.db);
      if (rows[0]) return { allowed: true, count: Number(rows[0].count) };
    }
    const row = await this.db
      .selectFrom('rate_counters')
      .select('window_started_at')
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .executeTakeFirst();
    const opensAt = row
      ? row.window_started_at.getTime() + rule.windowSeconds * 1000
      : now.getTime() + rule.windowSeconds * 1000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)) };
  }

  /** Drops counters whose window opened before `before` (pass a time older than the longest window). */
  async forgetWindowsBefore(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('rate_counters').where('window_started_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
