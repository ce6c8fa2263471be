import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireActor } from '../../platform/http/authentication.plugin.ts';
import { errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { Quote, QuoteRequest } from './quote.schemas.ts';
import type { QuoteService } from './quote.service.ts';

/** Cart quotes: a till (signed device request) or an integrator (staff bearer) prices a cart. */
export function quoteRoutes(services: { quotes: QuoteService }, auth: Authenticators) {
  return async (app: App) => {
    app.post(
      '/v1/merchants/:merchantId/quotes',
      {
        preHandler: auth.staffOrDevice,
        schema: {
          operationId: 'quoteCart',
          tags: ['checkout'],
          security: [{ deviceSignature: [] }, { staffSession: [] }],
          summary: 'Price a cart for a member (or nobody): member prices, promotions, coupons; writes nothing',
          description:
            'Every adjustment carries its step, label and source (the promotion or coupon). Without `couponIds` the best eligible coupons apply; `[]` applies none. `unapplied` lists usable coupons left out. Devices quote for their own store; staff for their merchant (store staff their store).',
          params: MerchantParams,
          body: QuoteRequest,
          response: {
            200: Quote,
            ...errorResponses({
              400: [
                'cart_invalid',
                'product_unknown',
                'quantity_invalid',
                'coupon_not_applicable',
                'coupon_not_combinable',
              ],
              403: ['forbidden'],
              404: ['merchant_not_found', 'store_not_found', 'member_not_found'],
            }),
          },
        },
      },
      async (request) =>
        services.quotes.quote(requireActor(request), { merchantId: request.params.merchantId, ...request.body }),
    );
  };
}
