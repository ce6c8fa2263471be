import { runIdempotent } from './idempotency.ts';
import type { Db } from './repository.ts';

/** Runs work in one database transaction; services receive it instead of the database handle. */
export class Transactions {
  constructor(private readonly db: Db) {}

  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** Runs work in one transaction at most once per (merchant, scope, key): see `runIdempotent`. */
  once<T>(
    claim: { merchantId: string; scope: string; key: string; request: unknown },
    work: (trx: Db) => Promise<T>,
  ): Promise<T> {
    return runIdempotent(this.db, claim, work);
  }
}
