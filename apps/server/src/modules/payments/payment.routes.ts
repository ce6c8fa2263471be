import type { PaymentService } from './payment.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import {
  PaymentList,
  PaymentListQuery,
  PaymentParams,
  Refunded,
  RefundRequest,
  Settlement,
  SettlementQuery,
} from './payment.schemas.ts';

const staff = { security: [{ staffSession: [] }] };

/** Staff-side money: payments, refunds, the daily settlement. */
export function paymentRoutes(services: { payments: PaymentService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.staff);

    app.get(
      '/v1/merchants/:merchantId/payments',
      {
        schema: {
          ...staff,
          operationId: 'listPayments',
          tags: ['payments'],
          summary: 'Payments, newest first; by store, member or business day',
          description: 'Store staff see their own store only. `date` is a business day in China time.',
          params: MerchantParams,
          querystring: PaymentListQuery,
          response: {
            200: PaymentList,
            ...errorResponses({ 400: ['date_invalid'], 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const payments = await services.payments.list(requireStaff(request), request.params.merchantId, request.query);
        return {
          payments: payments.map((p) => ({
            paymentId: p.id,
            storeId: p.store_id,
            deviceId: p.device_id,
            memberId: p.member_id,
            amountFen: p.amount_fen,
            refundedFen: p.refunded_fen,
            items: p.items,
            createdAt: p.created_at.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/v1/merchants/:merchantId/payments/:paymentId/refunds',
      {
        schema: {
          ...staff,
          operationId: 'refundPayment',
          tags: ['payments'],
          summary: 'Refund all or part of a payment back to the wallet',
          description:
            'Several partial refunds may follow each other up to the amount paid. Idempotent by `idempotencyKey`. Store managers refund payments of their own store.',
          params: PaymentParams,
          body: RefundRequest,
          response: {
            201: Refunded,
            ...errorResponses({
              400: ['amount_invalid', 'idempotency_key_invalid'],
              403: ['forbidden'],
              404: ['merchant_not_found', 'payment_not_found'],
              409: ['refund_exceeds_payment', 'idempotency_key_reused'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await services.payments.refund(requireStaff(request), { ...request.params, ...request.body })),
    );

    app.get(
      '/v1/merchants/:merchantId/settlement',
      {
        schema: {
          ...staff,
          operationId: 'getSettlementReport',
          tags: ['payments'],
          summary: 'Daily settlement: gross, refunds and net per store, top-ups, and a ledger consistency check',
          description:
            'One business day (00:00-24:00 China time). `ledgerConsistent` is false if any ledger transaction or cached balance disagrees with its entries.',
          params: MerchantParams,
          querystring: SettlementQuery,
          response: {
            200: Settlement,
            ...errorResponses({ 400: ['date_invalid'], 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) =>
        services.payments.settlement(requireStaff(request), request.params.merchantId, request.query.date),
    );
  };
}
