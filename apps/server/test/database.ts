import type { DatabaseHandle } from '@shualian/db';
import { createTestDatabase } from '@shualian/db/testing';
import { schemaMigrations } from '../src/schema-migrations.ts';

/** A fresh test database (see `createTestDatabase`) with the server's whole schema: baseline and modules. */
export function createSchemaTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle & { url?: string }> {
  return createTestDatabase({ ...options, migrations: schemaMigrations });
}
