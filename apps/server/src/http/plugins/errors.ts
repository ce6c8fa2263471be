import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isConnectionLost } from '@shualian/db';
import { DomainError, type ErrorKind } from '../../domain/errors.ts';

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
};

/** Turns every failure into `{ error: { code, message, details? } }` with the right status. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(statusOf[error.kind]).send({
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: `request ${fastifyError.validationContext ?? ''} is invalid: ${fastifyError.message}`.replace(
            '  ',
            ' ',
          ),
          details: {
            issues: fastifyError.validation.map((v) => ({
              path: v.instancePath,
              message: v.message,
              keyword: v.keyword,
            })),
          },
        },
      });
    }
    if (isConnectionLost(error)) {
      request.log.warn({ err: error }, 'database connection lost during the request');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send({
          error: {
            code: 'database_unavailable',
            message: 'the database did not answer; retry the request (with the same idempotency key)',
          },
        });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: { code: 'internal_error', message: 'something went wrong on our side' } });
    }
    return reply.status(status).send({ error: { code: codeOf(fastifyError), message: fastifyError.message } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'route_not_found', message: `no route ${request.method} ${request.url}` } }),
  );
});

// Fastify's own client errors (bad JSON, body too large, wrong content type) keep a readable code.
function codeOf(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'invalid_request';
    default:
      return error.statusCode === 429 ? 'rate_limited' : error.code === undefined ? 'bad_request' : 'invalid_request';
  }
}
