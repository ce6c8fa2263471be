import type { ConsentService } from './consent.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { FaceDataDeleted } from '../biometrics/index.ts';
import {
  ConsentDocument,
  ConsentDocumentQuery,
  ConsentGrant,
  ConsentGranted,
  EntranceConsentDocument,
  EntranceConsentStatus,
  EntranceConsentWithdrawn,
} from './consent.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };

/**
 * The member app's consents: the biometric one (the text to show, consent given to it, consent withdrawn) and the
 * entrance one ("recognise me when I enter": its text, on, off).
 */
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

    app.get(
      '/v1/members/entrance-consent-document',
      {
        schema: {
          operationId: 'getEntranceConsentDocument',
          tags: ['member app'],
          summary: 'The current entrance consent text ("recognise me when I enter"), its version and hash',
          description:
            'A consent of its own, separate from the biometric consent to face payment and off by default. Show this text in full before the member turns it on; `recordEntranceConsent` takes back its version and sha256.',
          querystring: ConsentDocumentQuery,
          response: {
            200: EntranceConsentDocument,
            ...errorResponses({ 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => services.consents.entranceDocumentByCode(request.query.merchantCode),
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

      memberApp.get(
        '/v1/member/entrance-recognition',
        {
          schema: {
            ...member,
            operationId: 'getEntranceRecognition',
            summary: 'Whether the member is recognised when entering a store, with the text to agree to',
            description:
              'Off until the member turns it on (`recordEntranceConsent`). `faceEnrolled` false: the member has no face data, so the entrance cannot recognise them even when on.',
            response: {
              200: EntranceConsentStatus,
              ...errorResponses({ 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) => {
          const status = await services.consents.entranceStatus(requireMember(request));
          return { ...status, grantedAt: status.grantedAt?.toISOString() ?? null };
        },
      );

      memberApp.post(
        '/v1/member/consents/entrance',
        {
          schema: {
            ...member,
            operationId: 'recordEntranceConsent',
            summary: 'Turn "recognise me when I enter" on: consent to the exact entrance consent text shown',
            description:
              'From the next crop on, the entrance cameras name the member (with face data) to the store staff and record their visits. Recording the same version again returns the consent already given.',
            body: ConsentGrant,
            response: {
              201: ConsentGranted,
              ...errorResponses({ 400: ['consent_text_outdated'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request, reply) => {
          const consent = await services.consents.grantEntrance(requireMember(request), {
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
        '/v1/member/consents/entrance',
        {
          schema: {
            ...member,
            operationId: 'withdrawEntranceConsent',
            summary: 'Turn "recognise me when I enter" off, at once',
            description:
              "The member's next crop at any entrance is counted anonymously; their open visit ends there, and the staff view stops showing them now. Face data and face payment are not affected; visits recorded before are kept.",
            response: {
              200: EntranceConsentWithdrawn,
              ...errorResponses({ 409: ['consent_not_given'] }),
            },
          },
        },
        async (request) => {
          const { withdrawnAt } = await services.consents.withdrawEntrance(requireMember(request));
          return { on: false as const, withdrawnAt: withdrawnAt.toISOString() };
        },
      );
    });
  };
}
