import { createHash } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely, Transaction } from 'kysely';
import { conflict, invalid } from '../domain-errors.ts';
import { IdempotencyRepository } from './idempotency.repository.ts';

export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{8,128}$';

/**
 * Runs `work` in one transaction at most once per (merchant, scope, key). A retry with the same key and the same
 * request gets the first result back without doing anything; the same key with a different request is a 409. A failed
 * attempt rolls back its claim, so a retry after an error runs again.
 */
export async function runIdempotent<T>(
  db: Kysely<Database>,
  claim: { merchantId: string; scope: string; key: string; request: unknown },
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!new RegExp(IDEMPOTENCY_KEY_PATTERN).test(claim.key)) {
    throw invalid('idempotency_key_invalid', 'idempotencyKey must be 8-128 characters of A-Z a-z 0-9 _ . : -');
  }
  const requestHash = createHash('sha256').update(JSON.stringify(claim.request)).digest('hex');
  return db.transaction().execute(async (trx) => {
    const repo = new IdempotencyRepository(trx);
    const outcome = await repo.claim(claim.merchantId, claim.scope, claim.key, requestHash);
    if (!outcome.claimed) {
      if (outcome.requestHash !== requestHash) {
        throw conflict('idempotency_key_reused', 'this idempotency key was already used for a different request');
      }
      return outcome.result as T;
    }
    // The stored copy and the first answer must be identical, so both go through JSON.
    const result = JSON.parse(JSON.stringify(await work(trx))) as T;
    await repo.complete(claim.merchantId, claim.scope, claim.key, result);
    return result;
  });
}
