import { Type } from '@sinclair/typebox';
import type { Authenticators } from '../plugins/authentication.ts';
import { requireStaff } from '../plugins/authentication.ts';
import { errorResponses, MerchantParams, Timestamp, Uuid } from '../schemas.ts';
import type { App } from '../types.ts';
import type { Services } from '../../services/index.ts';

const Merchant = Type.Object({
  id: Uuid,
  providerId: Uuid,
  code: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
});
const Store = Type.Object({
  id: Uuid,
  merchantId: Uuid,
  code: Type.String(),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  storeGroup: Type.Union([Type.String(), Type.Null()]),
});

export function tenancyRoutes(services: Services, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.staff);

    app.get(
      '/v1/merchants',
      {
        schema: {
          operationId: 'listMerchants',
          tags: ['tenancy'],
          summary: 'The merchants you reach',
          description: 'A provider admin sees every merchant of its provider; anyone else sees their own merchant.',
          security: [{ staffSession: [] }],
          response: {
            200: Type.Object({ merchants: Type.Array(Merchant) }, { description: 'The merchants, oldest first' }),
            ...errorResponses({}),
          },
        },
      },
      async (request) => {
        const merchants = await services.tenancy.listMerchants(requireStaff(request));
        return {
          merchants: merchants.map((m) => ({
            id: m.id,
            providerId: m.provider_id,
            code: m.code,
            name: m.name,
            createdAt: m.created_at.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/v1/merchants/:merchantId/stores',
      {
        schema: {
          operationId: 'listStores',
          tags: ['tenancy'],
          summary: 'The stores of a merchant',
          description: 'Store managers and cashiers see their own store only.',
          security: [{ staffSession: [] }],
          params: MerchantParams,
          response: {
            200: Type.Object({ stores: Type.Array(Store) }, { description: 'The stores, by code' }),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const stores = await services.tenancy.listStores(requireStaff(request), request.params.merchantId);
        return {
          stores: stores.map((s) => ({
            id: s.id,
            merchantId: s.merchant_id,
            code: s.code,
            name: s.name,
            address: s.address,
            storeGroup: s.store_group,
          })),
        };
      },
    );
  };
}
