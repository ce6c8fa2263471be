import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isConnectionLost } from '@shualian/db';
import { DomainError, type ErrorKind } from '../domain-errors.ts';

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
  app.setErrorHandler(async (error: FastifyError | DomainError | Error, request, reply) => {
    await receiveRestOfBody(request.raw);
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

/**
 * Errors Fastify meets before any route is chosen (a path that is not valid percent-encoded UTF-8, a parameter past
 * the length limit) get the same error body as every other refusal.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] =
    error.code === 'FST_ERR_BAD_URL'
      ? [400, 'url_invalid', 'the path is not valid percent-encoded UTF-8']
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? [414, 'url_too_long', 'a path parameter is too long']
        : [500, 'internal_error', 'something went wrong on our side'];
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void receiveRestOfBody(request.raw).then(() => reply.status(status).send({ error: { code, message } }));
}

/**
 * Refused before its body was read (too large, wrong content type, too many requests), a request's remaining bytes are
 * read and dropped before the answer goes out. Closing a connection with bytes still unread makes the kernel reset it,
 * and a client still sending then loses the answer: it sees "connection reset" instead of the 413. Past
 * DRAIN_LIMIT_BYTES (or DRAIN_LIMIT_MS) the connection is closed regardless.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_LIMIT_MS = 10_000;

function receiveRestOfBody(raw: IncomingMessage): Promise<void> {
  if (raw.complete || raw.destroyed || raw.readableEnded) return Promise.resolve();
  if (Number(raw.headers['content-length']) > DRAIN_LIMIT_BYTES) return Promise.resolve();
  return new Promise((resolve) => {
    let received = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', count);
      raw.off('end', finish);
      raw.off('error', finish);
      raw.off('close', finish);
      resolve();
    };
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > DRAIN_LIMIT_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_LIMIT_MS);
    raw.on('data', count);
    raw.once('end', finish);
    raw.once('error', finish);
    raw.once('close', finish);
    // a multipart parser that stopped reading would hold the stream back; nothing reads for it any more
    raw.unpipe();
    raw.resume();
  });
}

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
