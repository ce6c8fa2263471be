import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { AuditService } from './audit.service.ts';
import { AuditEventList, AuditQuery } from './audit.schemas.ts';

export function auditRoutes(services: { audit: AuditService }, auth: Authenticators) {
  return async (app: App) => {
    app.get(
      '/v1/merchants/:merchantId/audit-events',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'listAuditEvents',
          tags: ['audit'],
          summary: 'Who did what, newest first; page with beforeId',
          description:
            "The merchant's audit log: device registrations and revocations, settings, catalog, store and staff changes, consent, face-pay refusals and locks. Merchant admins and provider admins only.",
          security: [{ staffSession: [] }],
          params: MerchantParams,
          querystring: AuditQuery,
          response: {
            200: AuditEventList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const events = await services.audit.list(requireStaff(request), request.params.merchantId, request.query);
        return {
          events: events.map((e) => ({
            id: e.id,
            actorType: e.actor_type,
            actorId: e.actor_id,
            action: e.action,
            targetType: e.target_type,
            targetId: e.target_id,
            details: e.details,
            at: e.at.toISOString(),
          })),
        };
      },
    );
  };
}
