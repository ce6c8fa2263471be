import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { errorResponses, StoreParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { PresenceService } from './presence.service.ts';
import { PresenceNow, PresenceQuery, TrafficQuery, TrafficReport } from './presence.schemas.ts';

const staff = { tags: ['presence'], security: [{ staffSession: [] }] };

/** The staff's view of a store's entrance: who is in now, and a day's traffic. */
export function presenceRoutes(services: { presence: PresenceService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.staff);

    app.get(
      '/v1/merchants/:merchantId/stores/:storeId/presence',
      {
        schema: {
          ...staff,
          operationId: 'getStorePresence',
          summary: 'Who is in the store now: consenting members with their benefits, and how many anonymous visitors',
          description:
            "Any staff role of the store (`presence.read`). Members are those who turned entrance recognition on, seen within the visit window: masked name and phone, tier, visits to this store, last purchase, usable coupons, payments this visit. Everyone else is a count. Never a face image. For a live list, send the last answer's `version` as `after` with `waitSeconds`: the read answers as soon as someone enters, is named or leaves (as counted by this server process; other changes, such as payments, show by the end of the wait).",
          params: StoreParams,
          querystring: PresenceQuery,
          response: {
            200: PresenceNow,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'store_not_found'] }),
          },
        },
      },
      async (request, reply) => {
        const { after, waitSeconds = 0 } = request.query;
        // The reader hanging up ends the wait, so a closed tab holds nothing.
        const gone = new AbortController();
        reply.raw.once('close', () => gone.abort());
        const now = await services.presence.present(
          requireStaff(request),
          request.params.merchantId,
          request.params.storeId,
          after === undefined ? undefined : { after, waitMs: waitSeconds * 1000, cancelled: gone.signal },
        );
        return {
          ...now,
          at: now.at.toISOString(),
          members: now.members.map((m) => ({
            ...m,
            lastPurchaseAt: m.lastPurchaseAt?.toISOString() ?? null,
            enteredAt: m.enteredAt.toISOString(),
            lastSeenAt: m.lastSeenAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/v1/merchants/:merchantId/stores/:storeId/traffic',
      {
        schema: {
          ...staff,
          operationId: 'getStoreTraffic',
          summary:
            "A business day's traffic: visitors by hour (members and anonymous), demographics, dwell, conversion",
          description:
            "Any staff role of the store (`presence.read`). Unique visitors, not detections: a visit is one person's time in the store. Demographics are the engine's estimates of anonymous visitors only.",
          params: StoreParams,
          querystring: TrafficQuery,
          response: {
            200: TrafficReport,
            ...errorResponses({
              400: ['date_invalid'],
              403: ['forbidden'],
              404: ['merchant_not_found', 'store_not_found'],
            }),
          },
        },
      },
      async (request) =>
        services.presence.traffic(
          requireStaff(request),
          request.params.merchantId,
          request.params.storeId,
          request.query.date,
        ),
    );
  };
}
