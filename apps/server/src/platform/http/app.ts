import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DatabaseHandle } from '@shualian/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import { DomainError } from '../domain-errors.ts';
import type { Services } from '../../container.ts';
import { authenticators } from './authentication.plugin.ts';
import { documentErrors } from './error-contract.plugin.ts';
import { errorsPlugin, frameworkErrors } from './errors.plugin.ts';
import { rawJsonBodyPlugin } from './raw-json-body.plugin.ts';
import { strictBodyValidators, strictInputPlugin } from './strict-input.plugin.ts';
import { auditRoutes } from '../../modules/audit/index.ts';
import { deadLetterRoutes } from '../outbox/dead-letter.routes.ts';
import { authRoutes } from '../../modules/tenancy/index.ts';
import { catalogRoutes } from '../../modules/catalog/index.ts';
import { deviceRoutes } from '../../modules/devices/index.ts';
import { facePayRoutes, quoteRoutes } from '../../modules/checkout/index.ts';
import { livenessCaptureRoutes } from '../../modules/biometrics/index.ts';
import { faceRoutes } from '../../modules/biometrics/index.ts';
import { memberRoutes } from '../../modules/members/index.ts';
import { consentRoutes } from '../../modules/consent/index.ts';
import { faceDataRoutes } from '../../modules/biometrics/index.ts';
import { walletRoutes } from '../../modules/ledger/index.ts';
import { loyaltyRoutes } from '../../modules/loyalty/index.ts';
import { paymentAgreementRoutes, paymentRoutes, receiptRoutes } from '../../modules/payments/index.ts';
import { promotionRoutes } from '../../modules/promotions/index.ts';
import { doorRoutes } from '../../modules/door-access/index.ts';
import { entranceRoutes, presenceRoutes } from '../../modules/presence/index.ts';
import { healthRoutes } from './health.routes.ts';
import { Readiness } from './readiness.ts';
import { settingsRoutes } from '../../modules/settings/index.ts';
import { staffRoutes } from '../../modules/tenancy/index.ts';
import { tenancyRoutes } from '../../modules/tenancy/index.ts';
import { ErrorBody } from './shared.schemas.ts';
import { securitySchemes } from './security-schemes.ts';
import { webAppRoutes } from './web-apps.routes.ts';
import type { App } from './app.types.ts';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  logger?: FastifyServerOptions['logger'];
  /** Where the built browser apps are; without it the server answers the API only. */
  webAppsDir?: string;
  /** Start-up work still running after the server listens (`/readyz`); none by default. */
  readiness?: Readiness;
}

export const API_VERSION = '0.1.0';

const API_DESCRIPTION = `Face-ID membership and face payment for physical stores. Money is always integer fen (1/100 yuan).

Every error has the ErrorBody shape \`{ "error": { "code", "message", "details?" } }\`. Clients switch on \`code\`; each
operation lists, status by status, the codes it can answer with (also as \`x-error-codes\`), and \`message\` is for
people. Device requests are signed: see the deviceSignature security scheme and docs/device-signing.md.`;

/** Assembles the HTTP API: cross-cutting plugins first, then each area's routes as an encapsulated plugin. */
export async function buildApp({
  config,
  database,
  services,
  logger,
  webAppsDir,
  readiness = new Readiness(),
}: AppDependencies): Promise<App> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Behind a proxy the client address comes from X-Forwarded-For, but only the hops named here may set it:
    // rate limits and consent records key on this address.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
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
        new DomainError(
          'rate_limited',
          'rate_limited',
          `too many attempts; retry in ${Math.ceil(context.ttl / 1000)} s`,
        ),
        { statusCode: 429 },
      ),
  });
  app.addSchema(ErrorBody);
  app.addHook('onRoute', documentErrors);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Shualian API',
        version: API_VERSION,
        description: API_DESCRIPTION,
      },
      components: { securitySchemes },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // The plugin's own policy asks browsers to upgrade every request to HTTPS, which leaves the page blank when a shop
    // reaches its server over plain HTTP, and refuses the inline styles Swagger UI draws with.
    staticCSP: [
      "default-src 'self'",
      "base-uri 'self'",
      "font-src 'self' data:",
      "frame-ancestors 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "script-src 'self'",
      "script-src-attr 'none'",
      "style-src 'self' 'unsafe-inline'",
    ].join('; '),
    uiConfig: { validatorUrl: null },
  });

  const auth = authenticators(services);
  await app.register(healthRoutes(database, readiness));
  await app.register(authRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(tenancyRoutes(services, auth));
  await app.register(staffRoutes(services, auth));
  await app.register(deviceRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(catalogRoutes(services, auth));
  await app.register(auditRoutes(services, auth));
  await app.register(memberRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(consentRoutes(services, auth));
  await app.register(faceDataRoutes(services, auth));
  await app.register(walletRoutes(services, auth));
  await app.register(loyaltyRoutes(services, auth));
  await app.register(paymentAgreementRoutes(services, auth, config.authRateLimitPerMinute));
  await app.register(receiptRoutes(services, auth));
  await app.register(paymentRoutes(services, auth));
  await app.register(settingsRoutes(services, auth));
  await app.register(facePayRoutes(services, auth));
  await app.register(quoteRoutes(services, auth));
  await app.register(promotionRoutes(services, auth));
  await app.register(faceRoutes(services, auth));
  await app.register(livenessCaptureRoutes(services, auth));
  await app.register(entranceRoutes(services, auth));
  await app.register(presenceRoutes(services, auth));
  await app.register(doorRoutes(services, auth));
  await app.register(deadLetterRoutes(services.deadLetters, auth));

  if (webAppsDir) await app.register(webAppRoutes(webAppsDir));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
