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
          description:
            'For load balancers and monitoring: 200 while the server runs and its database answers. No sign-in.',
          response: {
            200: Type.Object(
              { status: Type.Literal('ok'), database: Type.String({ description: 'pglite or postgres' }) },
              { description: 'The server and its database answer' },
            ),
            ...errorResponses({ 503: ['database_unavailable'] }),
          },
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
