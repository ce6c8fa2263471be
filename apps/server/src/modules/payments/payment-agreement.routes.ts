import type { PaymentAgreementService } from './payment-agreement.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { Agreement, AgreementChange, PinChange } from './payment-agreement.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };

/** The member's face-payment agreement in the member app: 免密 and its limits, the payment PIN. */
export function paymentAgreementRoutes(
  services: { agreements: PaymentAgreementService },
  auth: Authenticators,
  pinPerMinute: number,
) {
  return async (app: App) => {
    app.addHook('preHandler', auth.member);

    app.get(
      '/v1/member/payment-agreement',
      {
        schema: {
          ...member,
          operationId: 'getPaymentAgreement',
          summary: 'My face-payment agreement: password-free (免密) and its limits, PIN state',
          description: "Before the member changes anything, the merchant's default limits apply.",
          response: { 200: described(Agreement, 'The agreement'), ...errorResponses({}) },
        },
      },
      async (request) => services.agreements.view(requireMember(request)),
    );

    app.put(
      '/v1/member/payment-agreement',
      {
        schema: {
          ...member,
          operationId: 'updatePaymentAgreement',
          summary: 'Turn password-free face payment (免密) on or off and set its limits',
          description:
            'Password-free payment needs a PIN first (it confirms payments above the limits). The per-payment limit may not exceed the daily one.',
          body: AgreementChange,
          response: {
            200: described(Agreement, 'The agreement after the change'),
            ...errorResponses({ 400: ['limit_invalid', 'limit_too_high', 'pin_required'] }),
          },
        },
      },
      async (request) => services.agreements.update(requireMember(request), request.body),
    );

    app.put(
      '/v1/member/pin',
      {
        config: { rateLimit: { max: pinPerMinute, timeWindow: '1 minute' } },
        schema: {
          ...member,
          operationId: 'setPaymentPin',
          summary: 'Set or change the 6-digit payment PIN',
          description: 'Changing a PIN needs the current one; wrong current PINs count towards the PIN lock.',
          body: PinChange,
          response: {
            200: described(Agreement, 'The agreement, with the PIN set'),
            ...errorResponses({
              400: ['pin_invalid', 'pin_too_weak', 'current_pin_required'],
              401: ['pin_wrong'],
              429: ['pin_locked'],
            }),
          },
        },
      },
      async (request) => services.agreements.setPin(requireMember(request), request.body),
    );
  };
}
