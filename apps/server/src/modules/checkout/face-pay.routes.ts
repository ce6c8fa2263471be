import type { FacePayService } from './face-pay.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireDevice } from '../../platform/http/authentication.plugin.ts';
import { BASE64_IMAGE_REFUSALS, decodeFrames, FlashFrames, Frames } from '../biometrics/index.ts';
import { decodeImage, described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import {
  Cart,
  FirstLook,
  FirstLookAnalysed,
  OpenedSession,
  Paid,
  PaymentRequest,
  OfferChoices,
  Session,
  SessionParams,
  StepUpAnswer,
} from './face-pay.schemas.ts';

const device = { tags: ['face pay'], security: [{ deviceSignature: [] }] };
/** The kiosk's checkout by face. Every call is a signed device request. */
export function facePayRoutes(services: { facePay: FacePayService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.device);

    app.post(
      '/v1/face-sessions',
      {
        schema: {
          ...device,
          operationId: 'createFaceSession',
          summary: 'Open a single-use face-payment session for a cart; returns the screen-flash colour challenge',
          description:
            'Kiosks only. The server prices the cart (member prices apply) and answers with the colours to flash on the screen while the camera captures; send the frames to `submitFaceFrames` before `expiresAt`.',
          body: Cart,
          response: {
            201: OpenedSession,
            ...errorResponses({
              400: ['amount_invalid', 'cart_invalid', 'product_unknown', 'quantity_invalid'],
              403: ['forbidden'],
              503: ['face_pay_disabled', 'device_under_review'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await services.facePay.create(requireDevice(request), request.body)),
    );

    app.post(
      '/v1/face-sessions/:sessionId/frames',
      {
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitFaceFrames',
          summary:
            'Frames captured while the screen flashed the challenge; the server decides: approved, step_up or refused',
          description:
            'The face is identified and the flash checked on the face. `approved`: call `createPayment`. `step_up`: ask what `stepUp` names (`verifyStepUp`, or `submitHeadTurn` for head_turn). `refused`: start again or pay another way.',
          params: SessionParams,
          body: FlashFrames,
          response: {
            200: described(Session, 'The decision'),
            ...errorResponses({
              400: ['frame_count_invalid', 'flash_times_invalid', 'no_usable_frame', ...BASE64_IMAGE_REFUSALS],
              403: ['face_session_locked'],
              404: ['face_session_not_found'],
              409: ['face_session_used', 'face_session_refused', 'face_session_wrong_state'],
              410: ['face_session_expired'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) =>
        services.facePay.submitFrames(
          requireDevice(request),
          request.params.sessionId,
          decodeFrames(request.body.frames),
          request.body.shownAtMs,
        ),
    );

    app.post(
      '/v1/face-sessions/:sessionId/first-look',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitFirstLook',
          summary:
            "The challenge's first frame, sent while the screen still flashes, so the decision is quicker; decides nothing",
          description: 'Send the same bytes again as the first of the frames: only then is this analysis used.',
          params: SessionParams,
          body: FirstLook,
          response: {
            202: FirstLookAnalysed,
            ...errorResponses({
              400: [...BASE64_IMAGE_REFUSALS],
              403: ['face_session_locked'],
              404: ['face_session_not_found'],
              409: ['face_session_used', 'face_session_refused', 'face_session_wrong_state'],
              410: ['face_session_expired'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await services.facePay.submitFirstLook(
              requireDevice(request),
              request.params.sessionId,
              decodeImage(request.body.image, 'image'),
            ),
          ),
    );

    app.post(
      '/v1/face-sessions/:sessionId/head-turn',
      {
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitHeadTurn',
          summary:
            'Frames captured while the kiosk asked for the head turn (step-up head_turn); approved, step_up or refused',
          description:
            'Capture follows the `headTurn` timing of the session. The turn must come at the asked side and moment, from the same shopper as the flash frames.',
          params: SessionParams,
          body: Frames('ms since the kiosk began capturing for the head turn'),
          response: {
            200: described(Session, 'The decision'),
            ...errorResponses({
              400: ['step_up_mismatch', 'frame_count_invalid', ...BASE64_IMAGE_REFUSALS],
              403: ['face_session_locked'],
              404: ['face_session_not_found'],
              409: ['face_session_used', 'face_session_refused', 'face_session_wrong_state'],
              410: ['face_session_expired'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) =>
        services.facePay.submitHeadTurn(
          requireDevice(request),
          request.params.sessionId,
          decodeFrames(request.body.frames),
        ),
    );

    app.post(
      '/v1/face-sessions/:sessionId/step-up',
      {
        schema: {
          ...device,
          operationId: 'verifyStepUp',
          summary: 'Answer the step-up the session asks for: last 4 phone digits, the full phone number, or the PIN',
          description:
            'Send exactly one of the three, the one `stepUp` names. A wrong answer counts against `attemptsLeft`; at zero the session locks and the member is told.',
          params: SessionParams,
          body: StepUpAnswer,
          response: {
            200: described(Session, 'The decision after the answer'),
            ...errorResponses({
              400: ['step_up_mismatch', 'phone_suffix_invalid', 'phone_invalid', 'pin_not_set'],
              403: ['face_session_locked'],
              404: ['face_session_not_found'],
              409: ['face_session_used', 'face_session_refused', 'face_session_wrong_state'],
              410: ['face_session_expired'],
            }),
          },
        },
      },
      async (request) => services.facePay.verifyStepUp(requireDevice(request), request.params.sessionId, request.body),
    );

    app.post(
      '/v1/face-sessions/:sessionId/choices',
      {
        schema: {
          ...device,
          operationId: 'chooseFaceSessionOffers',
          summary: "The member's choices on the greeting: which coupons to use, how many points to redeem",
          description:
            'For a session whose `greeting.choosable` is true. The cart is priced again with the choices and the decision weighs the new amount: within the 免密 terms the session stays (or becomes) `approved`; above them it asks for the PIN (`step_up`, `pin`). Writes nothing but the session: coupons and points are spent by `createPayment`.',
          params: SessionParams,
          body: OfferChoices,
          response: {
            200: described(Session, 'The session priced with the choices'),
            ...errorResponses({
              400: ['amount_invalid', 'coupon_not_applicable', 'coupon_not_combinable', 'points_invalid'],
              403: ['face_session_locked'],
              404: ['face_session_not_found'],
              409: ['face_session_used', 'face_session_refused', 'face_session_wrong_state', 'choice_needs_pin'],
              410: ['face_session_expired'],
            }),
          },
        },
      },
      async (request) => services.facePay.choose(requireDevice(request), request.params.sessionId, request.body),
    );

    app.get(
      '/v1/face-sessions/:sessionId',
      {
        schema: {
          ...device,
          operationId: 'getFaceSession',
          summary: 'A face session as it stands',
          description:
            'For a kiosk that lost track of a session (a restart, a network cut): the state and what it waits for.',
          params: SessionParams,
          response: { 200: described(Session, 'The session'), ...errorResponses({ 404: ['face_session_not_found'] }) },
        },
      },
      async (request) => services.facePay.get(requireDevice(request), request.params.sessionId),
    );

    app.post(
      '/v1/payments',
      {
        schema: {
          ...device,
          operationId: 'createPayment',
          summary:
            'Charge the member an approved face session identified; retries with the same key never charge twice',
          description:
            "Limits are checked as the money moves: the merchant's per-payment maximum and hourly count, 免密 limits where no step-up was answered, and the balance. A declined payment moves nothing. What the session's price used (a promotion's budget and limits) is spent in the same transaction: when it is gone (`promotion_unavailable`, `promotion_limit_reached`), nothing is charged; open a new session to price the cart again.",
          body: PaymentRequest,
          response: {
            201: Paid,
            ...errorResponses({
              400: ['amount_invalid', 'idempotency_key_invalid'],
              403: ['face_session_locked'],
              404: ['face_session_not_found', 'merchant_not_found', 'member_not_found'],
              409: [
                'face_data_deleted',
                'face_session_used',
                'face_session_refused',
                'face_session_wrong_state',
                'idempotency_key_reused',
                'face_pay_disabled',
                'amount_over_limit',
                'velocity_limit',
                'step_up_required',
                'insufficient_funds',
                'promotion_unavailable',
                'promotion_limit_reached',
                'coupon_unavailable',
              ],
              410: ['face_session_expired'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await services.facePay.pay(requireDevice(request), request.body)),
    );
  };
}
