import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { DatabaseHandle } from '@shualian/db';
import { DomainError } from '../../domain/errors.ts';
import type { App } from '../types.ts';
import { errorResponses } from '../schemas.ts';

export function healthRoutes(database: DatabaseHandle) {
  return async (app: App) => {
    app.get(
      '/healthz',
      {
        schema: {
          operationId: 'getHealth',
          tags: ['system'],
          summary: 'Liveness and database reachability',
          response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }), ...errorResponses(503) },
        },
      },
      async (request) => {
        try {
          await sql`select 1`.execute(database.db);
        } catch (error) {
          request.log.error({ err: error }, 'health check: database unreachable');
          throw new DomainError('unavailable', 'database_unavailable', 'the database does not answer');
        }
        return { status: 'ok' as const, database: database.kind };
      },
    );
  };
}
