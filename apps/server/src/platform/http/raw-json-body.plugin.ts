import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { decodeUtf8Body } from './strict-input.plugin.ts';

/** Keeps the exact bytes of JSON bodies (devices sign them) and still parses them with Fastify's safe parser. */
export const rawJsonBodyPlugin = fp(async (app: FastifyInstance) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    let text: string;
    try {
      text = decodeUtf8Body(body as Buffer);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(request, text, done);
  });
});
