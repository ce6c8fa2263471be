import { Type } from '@sinclair/typebox';
import { maskPhone } from '../../domain/phone.ts';
import type { Services } from '../../services/index.ts';
import type { Authenticators } from '../plugins/authentication.ts';
import { requireStaff } from '../plugins/authentication.ts';
import { errorResponses, Fen, IdempotencyKey, MerchantParams, PositiveFen, Timestamp, Uuid } from '../schemas.ts';
import type { App } from '../types.ts';
import { WalletSchema } from './member.routes.ts';

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
          params: MerchantParams,
          querystring: Type.Object({ phoneSuffix: Type.Optional(Type.String({ pattern: '^\\d{4}$' })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
          response: {
            200: Type.Object({
              members: Type.Array(
                Type.Object({ memberId: Uuid, maskedPhone: Type.String(), displayName: Type.Union([Type.String(), Type.Null()]), consent: Type.Boolean(), enrolled: Type.Boolean(), createdAt: Timestamp }),
              ),
            }),
            ...errorResponses(400, 401, 403, 404),
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
          params: MemberParams,
          body: Type.Object({ amountFen: PositiveFen, idempotencyKey: IdempotencyKey }, { additionalProperties: false }),
          response: { 201: Type.Object({ transactionId: Uuid, memberId: Uuid, amountFen: Fen, balanceFen: Fen }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await services.wallets.topUp(requireStaff(request), { ...request.params, ...request.body, channel: 'till' }),
        ),
    );

    app.get(
      '/v1/merchants/:merchantId/members/:memberId/wallet',
      { schema: { ...staff, operationId: 'getMemberWallet', tags: ['wallet'], params: MemberParams, response: { 200: WalletSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => services.wallets.view(requireStaff(request), request.params.merchantId, request.params.memberId),
    );

    app.get(
      '/v1/merchants/:merchantId/payments',
      {
        schema: {
          ...staff,
          operationId: 'listPayments',
          tags: ['payments'],
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
            }),
            ...errorResponses(400, 401, 403, 404),
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
          params: Type.Object({ merchantId: Uuid, paymentId: Uuid }),
          body: Type.Object({ amountFen: PositiveFen, idempotencyKey: IdempotencyKey, reason: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
          response: {
            201: Type.Object({ refundId: Uuid, paymentId: Uuid, transactionId: Uuid, amountFen: Fen, refundedFen: Fen, balanceFen: Fen }),
            ...errorResponses(400, 401, 403, 404, 409),
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
            }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => services.payments.settlement(requireStaff(request), request.params.merchantId, request.query.date),
    );
  };
}
