import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { distributeNewTables } from './distribution.ts';
import { migrations as shippedMigrations } from './migrations/index.ts';

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrationReport {
  applied: string[];
}

/**
 * Brings the schema to the latest version. PostgreSQL runs DDL inside transactions, and Kysely's migrator wraps the
 * whole pending batch in one, so a failing migration leaves the database exactly as it was. On a Citus coordinator,
 * the tables each migration makes are distributed or made reference tables right after it (distribution.ts).
 */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema's handle
  db: Kysely<any>,
  migrations: Record<string, Migration> = shippedMigrations,
): Promise<MigrationReport> {
  const placed = Object.fromEntries(
    Object.entries(migrations).map(([name, migration]): [string, Migration] => [
      name,
      {
        ...migration,
        up: async (trx) => {
          await migration.up(trx);
          await distributeNewTables(trx);
        },
      },
    ]),
  );
  const migrator = new Migrator({ db, provider: { getMigrations: async () => placed } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${describe(error)}`, results, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
