import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Keeps the exact bytes of JSON bodies (devices sign them) and still parses them with Fastify's safe parser. */
export const rawJsonBodyPlugin = fp(async (app: FastifyInstance) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    parseJson(request, (body as Buffer).toString('utf8'), done);
  });
});
