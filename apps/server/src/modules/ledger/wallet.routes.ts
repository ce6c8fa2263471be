import type { WalletService } from './wallet.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { MemberParams, TestTopUp, TillTopUp, TopUpResult, Wallet } from './wallet.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };
const staff = { security: [{ staffSession: [] }] };

/** The member wallet: the member's own (view, test-money top-up) and staff's (view, top-up at the till). */
export function walletRoutes(services: { wallets: WalletService }, auth: Authenticators) {
  return async (app: App) => {
    app.register(async (memberApp: App) => {
      memberApp.addHook('preHandler', auth.member);

      memberApp.get(
        '/v1/member/wallet',
        {
          schema: {
            ...member,
            operationId: 'getWallet',
            summary: 'My wallet: balance and recent history',
            description: 'Integer fen; `verified` says the balance agrees with the ledger.',
            response: { 200: described(Wallet, 'The wallet'), ...errorResponses({ 404: ['member_not_found'] }) },
          },
        },
        async (request) => {
          const actor = requireMember(request);
          return services.wallets.view(actor, actor.merchantId, actor.memberId);
        },
      );

      memberApp.post(
        '/v1/member/wallet/top-ups',
        {
          schema: {
            ...member,
            operationId: 'topUpWalletTestChannel',
            summary: 'Top up with test money through the test payment channel (only where the merchant turned it on)',
            description:
              'Test money, for demos and staging: no payment stands behind it. Off unless the merchant setting `testPaymentChannel` is on (403 `test_channel_disabled`); the demo merchant has it on. The answer and the wallet history say `testMoney: true`. Idempotent by `idempotencyKey`.',
            body: TestTopUp,
            response: {
              201: described(TopUpResult, 'Topped up with test money'),
              ...errorResponses({
                400: ['amount_invalid', 'idempotency_key_invalid'],
                403: ['test_channel_disabled', 'forbidden'],
                404: ['member_not_found'],
                409: ['idempotency_key_reused'],
              }),
            },
          },
        },
        async (request, reply) => {
          const actor = requireMember(request);
          return reply.status(201).send(
            await services.wallets.topUp(actor, {
              merchantId: actor.merchantId,
              memberId: actor.memberId,
              ...request.body,
              channel: 'test',
            }),
          );
        },
      );
    });

    app.register(async (staffApp: App) => {
      staffApp.addHook('preHandler', auth.staff);

      staffApp.post(
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
            body: TillTopUp,
            response: {
              201: described(TopUpResult, 'Topped up: the ledger transaction and the new balance'),
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
            await services.wallets.topUp(requireStaff(request), {
              ...request.params,
              ...request.body,
              channel: 'till',
            }),
          ),
      );

      staffApp.get(
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
              200: described(Wallet, 'The wallet'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'member_not_found'] }),
            },
          },
        },
        async (request) =>
          services.wallets.view(requireStaff(request), request.params.merchantId, request.params.memberId),
      );
    });
  };
}
