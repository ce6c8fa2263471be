import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DatabaseHandle } from '@shualian/db';
import { DEVICE_HEADERS } from '@shualian/device-signing';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import type { Services } from '../services/index.ts';
import { authenticators } from './plugins/authentication.ts';
import { errorsPlugin, frameworkErrors } from './plugins/errors.ts';
import { rawJsonBodyPlugin } from './plugins/raw-json-body.ts';
import { strictBodyValidators, strictInputPlugin } from './plugins/strict-input.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { catalogRoutes } from './routes/catalog.routes.ts';
import { deviceRoutes } from './routes/device.routes.ts';
import { facePayRoutes } from './routes/face-pay.routes.ts';
import { faceRoutes } from './routes/face.routes.ts';
import { memberRoutes } from './routes/member.routes.ts';
import { paymentRoutes } from './routes/payment.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { settingsRoutes } from './routes/settings.routes.ts';
import { tenancyRoutes } from './routes/tenancy.routes.ts';
import { ErrorBody } from './schemas.ts';
import { webAppRoutes } from '../web/web-apps.ts';
import type { App } from './types.ts';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  logger?: FastifyServerOptions['logger'];
  /** Where the built browser apps are; without it the server answers the API only. */
  webAppsDir?: string;
}

export const API_VERSION = '0.1.0';

/** Assembles the HTTP API: cross-cutting plugins first, then each area's routes as an encapsulated plugin. */
export async function buildApp({ config, database, services, logger, webAppsDir }: AppDependencies): Promise<App> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidators() } },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(rawJsonBodyPlugin);
  await app.register(strictInputPlugin);
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      directives: {
        // tfjs runs the on-device face checks in WebAssembly; camera frames pass through blob: and data: URLs.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        // store devices often reach the server over plain HTTP on the shop's network
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    // The plugin throws what this returns; a DomainError lets the error handler give it the usual body.
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new DomainError('rate_limited', 'rate_limited', `too many attempts; retry in ${Math.ceil(context.ttl / 1000)} s`),
        { statusCode: 429 },
      ),
  });
  app.addSchema(ErrorBody);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Shualian API',
        version: API_VERSION,
        description: 'Face-ID membership and face payment for physical stores. Errors always have the ErrorBody shape.',
      },
      components: {
        securitySchemes: {
          staffSession: { type: 'http', scheme: 'bearer', description: 'token from POST /v1/auth/login' },
          memberSession: { type: 'http', scheme: 'bearer', description: 'token from POST /v1/members/register' },
          deviceSignature: {
            type: 'apiKey',
            in: 'header',
            name: DEVICE_HEADERS.signature,
            description: `ECDSA P-256 signature with ${Object.values(DEVICE_HEADERS).join(', ')}; see docs/architecture.md`,
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const auth = authenticators(services);
  await app.register(healthRoutes(database));
  await app.register(authRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(tenancyRoutes(services, auth));
  await app.register(deviceRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(catalogRoutes(services, auth));
  await app.register(auditRoutes(services, auth));
  await app.register(memberRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(paymentRoutes(services, auth));
  await app.register(settingsRoutes(services, auth));
  await app.register(facePayRoutes(services, auth));
  await app.register(faceRoutes(services, auth));

  if (webAppsDir) await app.register(webAppRoutes(webAppsDir));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
