import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams, StoreParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { TenancyAdminService } from './tenancy-admin.service.ts';
import type { TenancyService } from './tenancy.service.ts';
import type { Merchant as MerchantRow, Store as StoreRow } from '@shualian/db';
import { Merchant, MerchantList, NewMerchant, NewStore, Store, StoreChange, StoreList } from './tenancy.schemas.ts';

const presentMerchant = (m: MerchantRow) => ({
  id: m.id,
  providerId: m.provider_id,
  code: m.code,
  name: m.name,
  createdAt: m.created_at.toISOString(),
});
const presentStore = (s: StoreRow) => ({
  id: s.id,
  merchantId: s.merchant_id,
  code: s.code,
  name: s.name,
  address: s.address,
  storeGroup: s.store_group,
});

export function tenancyRoutes(
  services: { tenancy: TenancyService; tenancyAdmin: TenancyAdminService },
  auth: Authenticators,
) {
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
            200: MerchantList,
            ...errorResponses({}),
          },
        },
      },
      async (request) => {
        const merchants = await services.tenancy.listMerchants(requireStaff(request));
        return { merchants: merchants.map(presentMerchant) };
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
            200: StoreList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const stores = await services.tenancy.listStores(requireStaff(request), request.params.merchantId);
        return { stores: stores.map(presentStore) };
      },
    );

    app.post(
      '/v1/merchants',
      {
        schema: {
          operationId: 'createMerchant',
          tags: ['tenancy'],
          summary: 'Create a merchant (a brand with its stores, staff, catalog and members); provider admins',
          description:
            "The merchant belongs to your provider and starts with default settings and no stores. Next: its stores (`createStore`) and its first merchant admin (`createStaff`). The code is the brand's name in the member app and cannot be changed.",
          security: [{ staffSession: [] }],
          body: NewMerchant,
          response: {
            201: described(Merchant, 'The new merchant'),
            ...errorResponses({ 403: ['forbidden'], 409: ['merchant_code_taken'] }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentMerchant(await services.tenancyAdmin.createMerchant(requireStaff(request), request.body))),
    );

    app.post(
      '/v1/merchants/:merchantId/stores',
      {
        schema: {
          operationId: 'createStore',
          tags: ['tenancy'],
          summary: 'Open a store of the merchant; merchant and provider admins',
          description:
            'Store codes are unique within the merchant. Devices and store staff are then placed in the store.',
          security: [{ staffSession: [] }],
          params: MerchantParams,
          body: NewStore,
          response: {
            201: described(Store, 'The new store'),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'], 409: ['store_code_taken'] }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            presentStore(
              await services.tenancyAdmin.createStore(requireStaff(request), request.params.merchantId, request.body),
            ),
          ),
    );

    app.patch(
      '/v1/merchants/:merchantId/stores/:storeId',
      {
        schema: {
          operationId: 'updateStore',
          tags: ['tenancy'],
          summary: "Change a store's code, name, address or group; merchant and provider admins",
          description:
            'Send only what changes; null clears the address or group. Every change is audited with its old and new value.',
          security: [{ staffSession: [] }],
          params: StoreParams,
          body: StoreChange,
          response: {
            200: described(Store, 'The store after the change'),
            ...errorResponses({
              403: ['forbidden'],
              404: ['merchant_not_found', 'store_not_found'],
              409: ['store_code_taken'],
            }),
          },
        },
      },
      async (request) =>
        presentStore(
          await services.tenancyAdmin.updateStore(
            requireStaff(request),
            request.params.merchantId,
            request.params.storeId,
            request.body,
          ),
        ),
    );
  };
}
