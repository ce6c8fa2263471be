import { sql } from 'kysely';
import type { DatabaseHandle } from '@shualian/db';
import { DomainError } from '../domain-errors.ts';
import type { Readiness } from './readiness.ts';
import type { App } from './app.types.ts';
import { errorResponses } from './shared.schemas.ts';
import { Healthy, Ready } from './health.schemas.ts';

export function healthRoutes(database: DatabaseHandle, readiness: Readiness) {
  const databaseAnswers = async (log: { error: (obj: object, msg: string) => void }) => {
    try {
      await sql`select 1`.execute(database.db);
      return true;
    } catch (error) {
      log.error({ err: error }, 'health check: database unreachable');
      return false;
    }
  };

  return async (app: App) => {
    app.get(
      '/healthz',
      {
        schema: {
          operationId: 'getHealth',
          tags: ['system'],
          summary: 'Liveness: the process answers and its database is reachable',
          description:
            'For a process supervisor: restart the server when this fails. It answers as soon as the server listens, before the face engine has loaded; use /readyz to know when face payment can be served. No sign-in.',
          response: {
            200: Healthy,
            ...errorResponses({ 503: ['database_unavailable'] }),
          },
        },
      },
      async (request) => {
        if (!(await databaseAnswers(request.log)))
          throw new DomainError('unavailable', 'database_unavailable', 'the database does not answer');
        return { status: 'ok' as const, database: database.kind };
      },
    );

    app.get(
      '/readyz',
      {
        schema: {
          operationId: 'getReadiness',
          tags: ['system'],
          summary:
            'Readiness: the database answers, migrations are done, the face engine is loaded and the galleries are built',
          description:
            'For a load balancer and for the kiosk: send face traffic only when this answers 200. While it answers 503 `not_ready`, `details.checks` says which start-up work is still pending (or failed). No sign-in.',
          response: {
            200: Ready,
            ...errorResponses({ 503: ['not_ready'] }),
          },
        },
      },
      async (request) => {
        const checks = {
          database: (await databaseAnswers(request.log)) ? ('ok' as const) : ('failed' as const),
          ...readiness.snapshot(),
        };
        if (Object.values(checks).some((state) => state !== 'ok')) {
          throw new DomainError('unavailable', 'not_ready', 'the server is still starting or a start-up step failed', {
            checks,
          });
        }
        return { status: 'ready' as const, checks };
      },
    );
  };
}
