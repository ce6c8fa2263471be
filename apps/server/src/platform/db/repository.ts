import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';

/** The database or a transaction on it: repositories run their SQL on whichever they are given. */
export type Db = Kysely<Database>;

/**
 * A repository is built once on the database (the container does it) and bound to a caller's transaction with
 * `with(trx)`, so a service holds its repositories from construction and still runs them inside one transaction.
 */
export abstract class Repository {
  constructor(protected readonly db: Db) {}

  with(trx: Db): this {
    return new (this.constructor as new (db: Db) => this)(trx);
  }
}
