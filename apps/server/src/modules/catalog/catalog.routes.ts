import type { Product as ProductRow } from '@shualian/db';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireActor, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { CatalogService } from './catalog.service.ts';
import { NewProduct, Product, ProductChange, ProductList, ProductListQuery, ProductParams } from './catalog.schemas.ts';

const staff = { tags: ['catalog'], security: [{ staffSession: [] }] };
const manageErrors = {
  403: ['forbidden'],
  404: ['merchant_not_found', 'product_not_found'],
} as const;

function present(p: ProductRow) {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    nameEn: p.name_en,
    unit: p.unit,
    priceFen: p.price_fen,
    memberPriceFen: p.member_price_fen,
    category: p.category,
    active: p.active,
  };
}

export function catalogRoutes(services: { catalog: CatalogService }, auth: Authenticators) {
  return async (app: App) => {
    app.get(
      '/v1/merchants/:merchantId/products',
      {
        preHandler: auth.staffOrDevice,
        schema: {
          operationId: 'listProducts',
          tags: ['catalog'],
          summary: 'Active products, optionally looked up by barcode (kiosk scanning)',
          description:
            'For staff of the merchant and its signed devices. Prices are integer fen; `memberPriceFen` applies to members. `status` shows deactivated products too (the console).',
          security: [{ staffSession: [] }, { deviceSignature: [] }],
          params: MerchantParams,
          querystring: ProductListQuery,
          response: {
            200: ProductList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const products = await services.catalog.list(requireActor(request), request.params.merchantId, request.query);
        return { products: products.map(present) };
      },
    );

    app.post(
      '/v1/merchants/:merchantId/products',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'createProduct',
          summary: 'Add a product with its barcode, price, member price and category; merchant and provider admins',
          description:
            'SKU and barcode are unique within the merchant, deactivated products included (clear the old barcode to reuse it). Prices are integer fen; the member price may not exceed the price. Audited.',
          params: MerchantParams,
          body: NewProduct,
          response: {
            201: described(Product, 'The new product, active'),
            ...errorResponses({
              400: ['amount_invalid', 'member_price_above_price'],
              403: ['forbidden'],
              404: ['merchant_not_found'],
              409: ['product_sku_taken', 'product_barcode_taken'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(present(await services.catalog.create(requireStaff(request), request.params.merchantId, request.body))),
    );

    app.patch(
      '/v1/merchants/:merchantId/products/:productId',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'updateProduct',
          summary: "Change a product's barcode, prices, names, unit or category; merchant and provider admins",
          description:
            'Send only what changes; null clears an optional field. New prices apply to carts priced from now on; sessions already open keep theirs. Every change is audited with its old and new value.',
          params: ProductParams,
          body: ProductChange,
          response: {
            200: described(Product, 'The product after the change'),
            ...errorResponses({
              ...manageErrors,
              400: ['amount_invalid', 'member_price_above_price'],
              409: ['product_sku_taken', 'product_barcode_taken'],
            }),
          },
        },
      },
      async (request) =>
        present(
          await services.catalog.update(
            requireStaff(request),
            request.params.merchantId,
            request.params.productId,
            request.body,
          ),
        ),
    );

    for (const [action, active] of [
      ['deactivate', false],
      ['reactivate', true],
    ] as const) {
      app.post(
        `/v1/merchants/:merchantId/products/:productId/${action}`,
        {
          preHandler: auth.staff,
          schema: {
            ...staff,
            operationId: `${action}Product`,
            summary: active
              ? 'Put a deactivated product on sale again; merchant and provider admins'
              : 'Take a product off sale; merchant and provider admins',
            description: active
              ? 'Kiosks find it again. Doing it twice changes nothing.'
              : 'Kiosks no longer find it and carts refuse it; payments already made keep their lines. Doing it twice changes nothing. Audited.',
            params: ProductParams,
            response: {
              200: described(Product, `The product, ${active ? 'active' : 'inactive'}`),
              ...errorResponses(manageErrors),
            },
          },
        },
        async (request) =>
          present(
            await services.catalog.setActive(
              requireStaff(request),
              request.params.merchantId,
              request.params.productId,
              active,
            ),
          ),
      );
    }
  };
}
