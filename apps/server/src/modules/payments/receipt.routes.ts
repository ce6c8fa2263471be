import type { ReceiptService } from './receipt.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember } from '../../platform/http/authentication.plugin.ts';
import { errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { ReceiptList, ReceiptQuery } from './receipt.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };

/** The member's receipts and notices in the member app. */
export function receiptRoutes(services: { receipts: ReceiptService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.member);

    app.get(
      '/v1/member/receipts',
      {
        schema: {
          ...member,
          operationId: 'listReceipts',
          summary: 'Receipts and notices, newest first',
          description:
            'Payments, refunds and top-ups, and notices such as a locked face-payment attempt. Page with `before`.',
          querystring: ReceiptQuery,
          response: { 200: ReceiptList, ...errorResponses({}) },
        },
      },
      async (request) => {
        const receipts = await services.receipts.list(requireMember(request), {
          limit: request.query.limit,
          before: request.query.before ? new Date(request.query.before) : undefined,
        });
        return {
          receipts: receipts.map((r) => ({
            id: r.id,
            kind: r.kind,
            paymentId: r.payment_id,
            body: r.body,
            createdAt: r.created_at.toISOString(),
          })),
        };
      },
    );
  };
}
