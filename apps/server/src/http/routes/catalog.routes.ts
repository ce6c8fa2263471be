import { Type } from '@sinclair/typebox';
import type { Authenticators } from '../plugins/authentication.ts';
import { requireActor } from '../plugins/authentication.ts';
import { errorResponses, MerchantParams, Uuid } from '../schemas.ts';
import type { App } from '../types.ts';
import type { Services } from '../../services/index.ts';

const Product = Type.Object({
  id: Uuid,
  sku: Type.String(),
  barcode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  unit: Type.String(),
  priceFen: Type.Integer({ description: 'price in fen (1/100 yuan)' }),
  memberPriceFen: Type.Union([Type.Integer(), Type.Null()]),
});

export function catalogRoutes(services: Services, auth: Authenticators) {
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
            'For staff of the merchant and its signed devices. Prices are integer fen; `memberPriceFen` applies to members.',
          security: [{ staffSession: [] }, { deviceSignature: [] }],
          params: MerchantParams,
          querystring: Type.Object({ barcode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,48}$' })) }),
          response: {
            200: Type.Object({ products: Type.Array(Product) }, { description: 'The products, by SKU' }),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const products = await services.catalog.list(requireActor(request), request.params.merchantId, request.query);
        return {
          products: products.map((p) => ({
            id: p.id,
            sku: p.sku,
            barcode: p.barcode,
            name: p.name,
            nameEn: p.name_en,
            unit: p.unit,
            priceFen: p.price_fen,
            memberPriceFen: p.member_price_fen,
          })),
        };
      },
    );
  };
}
