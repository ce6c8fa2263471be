import { sql } from 'kysely';
import { Repository } from './repository.ts';

export type Claim = { claimed: true } | { claimed: false; requestHash: string; result: unknown };

export class IdempotencyRepository extends Repository {
  /**
   * Claims a key inside the caller's transaction. A concurrent holder of the same key makes this wait until it commits
   * (then the stored result is returned) or rolls back (then the claim succeeds).
   */
  async claim(merchantId: string, scope: string, key: string, requestHash: string): Promise<Claim> {
    const inserted = await sql<{ key: string }>`
      insert into idempotency_records (merchant_id, scope, key, request_hash, result)
      values (${merchantId}, ${scope}, ${key}, ${requestHash}, '{}'::jsonb)
      on conflict do nothing returning key`.execute(this.db);
    if (inserted.rows.length > 0) return { claimed: true };
    const existing = await this.db
      .selectFrom('idempotency_records')
      .select(['request_hash', 'result'])
      .where('merchant_id', '=', merchantId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return { claimed: false, requestHash: existing.request_hash, result: existing.result };
  }

  async complete(merchantId: string, scope: string, key: string, result: unknown): Promise<void> {
    await this.db
      .updateTable('idempotency_records')
      .set({ result: JSON.stringify(result) })
      .where('merchant_id', '=', merchantId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  }
}
