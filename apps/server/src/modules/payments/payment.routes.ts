import { Type } from '@sinclair/typebox';
import { maskPhone } from '../members/index.ts';
import type { Services } from '../../container.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, Fen, IdempotencyKey, MerchantParams, PositiveFen, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { TopUpResultSchema, WalletSchema } from '../members/index.ts';
import { TOP_UP_REASON_MAX_LENGTH } from '../ledger/index.ts';

const staff = { security: [{ staffSession: [] }] };
const MemberParams = Type.Object({ merchantId: Uuid, memberId: Uuid });
const DateString = Type.String({ format: 'date', description: 'business day (China time), YYYY-MM-DD' });

/** Staff-side money: members, wallets and top-ups at the till, payments, refunds, the daily settlement. */
export function paymentRoutes(services: Services, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.staff);

    app.get(
      '/v1/merchants/:merchantId/members',
      {
        schema: {
          ...staff,
          operationId: 'listMembers',
          tags: ['members'],
          summary: 'Members with consent and enrollment state; phones masked; no face images',
          description: 'Find a member at the till by the last 4 digits of the phone. Newest first.',
          params: MerchantParams,
          querystring: Type.Object({ phoneSuffix: Type.Optional(Type.String({ pattern: '^\\d{4}$' })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
          response: {
            200: Type.Object({
              members: Type.Array(
                Type.Object({ memberId: Uuid, maskedPhone: Type.String(), displayName: Type.Union([Type.String(), Type.Null()]), consent: Type.Boolean(), enrolled: Type.Boolean(), createdAt: Timestamp }),
              ),
            }, { description: 'The members, newest first' }),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => {
        const members = await services.members.list(requireStaff(request), request.params.merchantId, request.query);
        return {
          members: members.map((m) => ({
            memberId: m.id,
            maskedPhone: maskPhone(m.phone),
            displayName: m.display_name,
            consent: Boolean(m.has_consent),
            enrolled: Number(m.template_count) > 0,
            createdAt: m.created_at.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/v1/merchants/:merchantId/members/:memberId/top-ups',
      {
        schema: {
          ...staff,
          operationId: 'topUpWallet',
          tags: ['wallet'],
          summary: "Top up a member's wallet at the till (cash or card taken by staff)",
          description:
            'Needs a reason (what was received, a receipt number). One top-up may be at most the merchant setting for the role: `cashierMaxTopUpFen`, `storeManagerMaxTopUpFen` or `merchantAdminMaxTopUpFen` (403 `top_up_over_role_limit`). The ledger transaction carries the staff id; every top-up is in the audit log. Retries with the same `idempotencyKey` give the first answer back and never top up twice; the same key with a different request is refused.',
          params: MemberParams,
          body: Type.Object(
            { amountFen: PositiveFen, idempotencyKey: IdempotencyKey, reason: Type.String({ minLength: 1, maxLength: TOP_UP_REASON_MAX_LENGTH }) },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object(TopUpResultSchema.properties, {
              description: 'Topped up: the ledger transaction and the new balance',
            }),
            ...errorResponses({
              400: ['amount_invalid', 'idempotency_key_invalid', 'reason_required', 'reason_too_long'],
              403: ['forbidden', 'top_up_over_role_limit'],
              404: ['merchant_not_found', 'member_not_found'],
              409: ['idempotency_key_reused'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await services.wallets.topUp(requireStaff(request), { ...request.params, ...request.body, channel: 'till' }),
        ),
    );

    app.get(
      '/v1/merchants/:merchantId/members/:memberId/wallet',
      {
        schema: {
          ...staff,
          operationId: 'getMemberWallet',
          tags: ['wallet'],
          summary: "A member's wallet: balance and recent history",
          description: 'The balance is computed from the ledger; `verified` says it agrees with the cached balance.',
          params: MemberParams,
          response: {
            200: described(WalletSchema, 'The wallet'),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'member_not_found'] }),
          },
        },
      },
      async (request) => services.wallets.view(requireStaff(request), request.params.merchantId, request.params.memberId),
    );

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
          querystring: Type.Object({
            storeId: Type.Optional(Uuid),
            memberId: Type.Optional(Uuid),
            date: Type.Optional(DateString),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: {
            200: Type.Object({
              payments: Type.Array(
                Type.Object({ paymentId: Uuid, storeId: Uuid, deviceId: Type.Union([Uuid, Type.Null()]), memberId: Uuid, amountFen: Fen, refundedFen: Fen, items: Type.Array(Type.Unknown()), createdAt: Timestamp }),
              ),
            }, { description: 'The payments, newest first' }),
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
          description: 'Several partial refunds may follow each other up to the amount paid. Idempotent by `idempotencyKey`. Store managers refund payments of their own store.',
          params: Type.Object({ merchantId: Uuid, paymentId: Uuid }),
          body: Type.Object({ amountFen: PositiveFen, idempotencyKey: IdempotencyKey, reason: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
          response: {
            201: Type.Object(
              { refundId: Uuid, paymentId: Uuid, transactionId: Uuid, amountFen: Fen, refundedFen: Fen, balanceFen: Fen },
              { description: "Refunded: the payment's refunded total and the wallet's new balance" },
            ),
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
        reply.status(201).send(await services.payments.refund(requireStaff(request), { ...request.params, ...request.body })),
    );

    app.get(
      '/v1/merchants/:merchantId/settlement',
      {
        schema: {
          ...staff,
          operationId: 'getSettlementReport',
          tags: ['payments'],
          summary: 'Daily settlement: gross, refunds and net per store, top-ups, and a ledger consistency check',
          description: 'One business day (00:00-24:00 China time). `ledgerConsistent` is false if any ledger transaction or cached balance disagrees with its entries.',
          params: MerchantParams,
          querystring: Type.Object({ date: DateString }),
          response: {
            200: Type.Object({
              date: Type.String(),
              from: Timestamp,
              to: Timestamp,
              stores: Type.Array(Type.Object({ storeId: Uuid, paymentCount: Type.Integer(), grossFen: Fen, refundCount: Type.Integer(), refundedFen: Fen, netFen: Fen })),
              grossFen: Fen,
              refundedFen: Fen,
              netFen: Fen,
              topUpCount: Type.Integer(),
              topUpFen: Fen,
              ledgerConsistent: Type.Boolean(),
            }, { description: 'The settlement of the day' }),
            ...errorResponses({ 400: ['date_invalid'], 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => services.payments.settlement(requireStaff(request), request.params.merchantId, request.query.date),
    );
  };
}
