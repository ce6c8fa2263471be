import type { DatabaseHandle } from '@shualian/db';
import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';

/**
 * pg-boss over the server's own database handle, so the job queue needs no connection settings of its own.
 *
 * On a PostgreSQL server it shares the pool. On embedded PGlite (one session) each statement waits for the Kysely
 * connection like any query, so a job query never lands inside a business transaction; pg-boss's schema migrations
 * are several statements in one text, which PGlite runs with `exec` (the simple protocol) rather than `query`.
 */
export function pgBossDatabase(database: Pick<DatabaseHandle, 'db' | 'native'>): PgBoss.Db {
  const { db, native } = database;
  // Through Kysely on a server too: it owns the pool's life (and ends it on close). Without parameters pg uses the
  // simple protocol, which takes several statements in one text.
  if (!native.pglite) return { executeSql: (text, values) => db.executeQuery(CompiledQuery.raw(text, values ?? [])) };
  const pglite = native.pglite;
  return {
    executeSql: (text, values) =>
      db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }),
  };
}
