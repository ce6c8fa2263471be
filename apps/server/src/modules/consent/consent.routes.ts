import type { ConsentService } from './consent.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { FaceDataDeleted } from '../biometrics/index.ts';
import { ConsentDocument, ConsentDocumentQuery, ConsentGrant, ConsentGranted } from './consent.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };

/** The member app's consent: the text to show, consent given to it, consent withdrawn. */
export function consentRoutes(services: { consents: ConsentService }, auth: Authenticators) {
  return async (app: App) => {
    app.get(
      '/v1/members/consent-document',
      {
        schema: {
          operationId: 'getConsentDocument',
          tags: ['member app'],
          summary: 'The current biometric consent text (zh-CN and English), its version and hash',
          description:
            'Show this text in full before asking for consent; `recordConsent` takes back its version and sha256.',
          querystring: ConsentDocumentQuery,
          response: {
            200: described(ConsentDocument, 'The consent document'),
            ...errorResponses({ 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => services.consents.documentByCode(request.query.merchantCode),
    );

    app.register(async (memberApp: App) => {
      memberApp.addHook('preHandler', auth.member);

      memberApp.post(
        '/v1/member/consents',
        {
          schema: {
            ...member,
            operationId: 'recordConsent',
            summary: 'Record separate, explicit consent to the exact biometric consent text shown',
            description:
              'Needed before `enrollFace`. Recording the same version again returns the consent already given.',
            body: ConsentGrant,
            response: {
              201: ConsentGranted,
              ...errorResponses({ 400: ['consent_text_outdated'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request, reply) => {
          const consent = await services.consents.grant(requireMember(request), {
            version: request.body.version,
            textSha256: request.body.textSha256,
            clientIp: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          return reply
            .status(201)
            .send({ consentId: consent.id, version: consent.version, grantedAt: consent.granted_at.toISOString() });
        },
      );

      memberApp.delete(
        '/v1/member/consents/biometric',
        {
          schema: {
            ...member,
            operationId: 'withdrawConsent',
            summary: 'Withdraw biometric consent; the face data is deleted at once',
            description:
              'Face templates and any kept raw images are deleted in the same step; face payment stops recognising the member.',
            response: {
              200: described(FaceDataDeleted, 'Withdrawn; what was deleted'),
              ...errorResponses({ 409: ['consent_not_given'] }),
            },
          },
        },
        async (request) => services.consents.withdraw(requireMember(request)),
      );
    });
  };
}
