import { Type } from '@sinclair/typebox';
import type { Services } from '../../services/index.ts';
import type { Authenticators } from '../plugins/authentication.ts';
import { requireDevice } from '../plugins/authentication.ts';
import { Base64Image, decodeImage, errorResponses, Fen, IdempotencyKey, Timestamp, Uuid } from '../schemas.ts';
import type { App } from '../types.ts';

const device = { tags: ['face pay'], security: [{ deviceSignature: [] }] };
const Rgb = Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), { minItems: 3, maxItems: 3, description: '[red, green, blue]' });
const LineItem = Type.Object({
  productId: Uuid,
  name: Type.String(),
  quantity: Type.Integer(),
  unitPriceFen: Fen,
  memberPriceFen: Type.Union([Fen, Type.Null()]),
  lineTotalFen: Fen,
});
const Session = Type.Object({
  sessionId: Uuid,
  status: Type.Union([
    Type.Literal('awaiting_frames'),
    Type.Literal('step_up'),
    Type.Literal('approved'),
    Type.Literal('paid'),
    Type.Literal('locked'),
    Type.Literal('refused'),
  ]),
  amountFen: Fen,
  items: Type.Array(LineItem),
  expiresAt: Timestamp,
  stepUp: Type.Union([Type.Literal('phone_suffix'), Type.Literal('full_phone'), Type.Literal('pin'), Type.Literal('head_turn'), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  member: Type.Union([Type.Object({ maskedPhone: Type.String(), maskedName: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  attemptsLeft: Type.Integer(),
  headTurn: Type.Union(
    [
      Type.Object({
        side: Type.Union([Type.Literal('left'), Type.Literal('right')], { description: "the shopper's own left or right" }),
        turnAtMs: Type.Integer({ description: 'when to ask for the turn, ms after capture starts' }),
        backAtMs: Type.Integer({ description: 'when to ask to look back at the screen' }),
        totalMs: Type.Integer({ description: 'when to stop capturing' }),
      }),
      Type.Null(),
    ],
    { description: 'the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face)' },
  ),
});
// A frame's time is when the camera took it where the browser says so, which can fall just before capture began.
const FrameList = (atMs: string) =>
  Type.Array(Type.Object({ image: Base64Image, atMs: Type.Integer({ minimum: -1_000, maximum: 60_000, description: atMs }) }, { additionalProperties: false }), {
    minItems: 1,
    maxItems: 16,
  });
const Frames = (atMs: string) => Type.Object({ frames: FrameList(atMs) }, { additionalProperties: false });
const FlashFrames = Type.Object(
  {
    frames: FrameList('ms since the first colour went up, by the kiosk clock: when the camera took the frame'),
    shownAtMs: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0, maximum: 60_000 }), {
        minItems: 2,
        maxItems: 64,
        description: 'when the kiosk actually put each colour up (0 for the first) and took the flash down; without it the schedule is assumed',
      }),
    ),
  },
  { additionalProperties: false },
);
const decodeFrames = (frames: Array<{ image: string; atMs: number }>) => frames.map((f, i) => ({ image: decodeImage(f.image, `frames[${i}].image`), atMs: f.atMs }));
const SessionParams = Type.Object({ sessionId: Uuid });

/** The kiosk's checkout by face. Every call is a signed device request. */
export function facePayRoutes(services: Services, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.device);

    app.post(
      '/v1/face-sessions',
      {
        schema: {
          ...device,
          operationId: 'createFaceSession',
          summary: 'Open a single-use face-payment session for a cart; returns the screen-flash colour challenge',
          body: Type.Object(
            { items: Type.Array(Type.Object({ productId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 99 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }) },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Intersect([
              Session,
              Type.Object({
                challenge: Type.Object({
                  nonce: Type.String(),
                  totalMs: Type.Integer(),
                  steps: Type.Array(Type.Object({ rgb: Rgb, startMs: Type.Integer(), durationMs: Type.Integer() })),
                }),
              }),
            ]),
            ...errorResponses(400, 401, 403, 503),
          },
        },
      },
      async (request, reply) => reply.status(201).send(await services.facePay.create(requireDevice(request), request.body)),
    );

    app.post(
      '/v1/face-sessions/:sessionId/frames',
      {
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitFaceFrames',
          summary: 'Frames captured while the screen flashed the challenge; the server decides: approved, step_up or refused',
          params: SessionParams,
          body: FlashFrames,
          response: { 200: Session, ...errorResponses(400, 401, 404, 409, 410, 413, 503) },
        },
      },
      async (request) => services.facePay.submitFrames(requireDevice(request), request.params.sessionId, decodeFrames(request.body.frames), request.body.shownAtMs),
    );

    app.post(
      '/v1/face-sessions/:sessionId/first-look',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitFirstLook',
          summary: "The challenge's first frame, sent while the screen still flashes, so the decision is quicker; decides nothing",
          description: 'Send the same bytes again as the first of the frames: only then is this analysis used.',
          params: SessionParams,
          body: Type.Object({ image: Base64Image }, { additionalProperties: false }),
          response: {
            202: Type.Object({ sessionId: Uuid, usable: Type.Boolean(), reasons: Type.Array(Type.String()) }),
            ...errorResponses(400, 401, 404, 409, 410, 413, 503),
          },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await services.facePay.submitFirstLook(requireDevice(request), request.params.sessionId, decodeImage(request.body.image, 'image'))),
    );

    app.post(
      '/v1/face-sessions/:sessionId/head-turn',
      {
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitHeadTurn',
          summary: 'Frames captured while the kiosk asked for the head turn (step-up head_turn); approved, step_up or refused',
          params: SessionParams,
          body: Frames('ms since the kiosk began capturing for the head turn'),
          response: { 200: Session, ...errorResponses(400, 401, 403, 404, 409, 410, 413, 503) },
        },
      },
      async (request) => services.facePay.submitHeadTurn(requireDevice(request), request.params.sessionId, decodeFrames(request.body.frames)),
    );

    app.post(
      '/v1/face-sessions/:sessionId/step-up',
      {
        schema: {
          ...device,
          operationId: 'verifyStepUp',
          summary: 'Answer the step-up the session asks for: last 4 phone digits, the full phone number, or the PIN',
          params: SessionParams,
          body: Type.Object(
            { phoneSuffix: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), pin: Type.Optional(Type.String()) },
            { additionalProperties: false, minProperties: 1, maxProperties: 1 },
          ),
          response: { 200: Session, ...errorResponses(400, 401, 403, 404, 409, 410) },
        },
      },
      async (request) => services.facePay.verifyStepUp(requireDevice(request), request.params.sessionId, request.body),
    );

    app.get(
      '/v1/face-sessions/:sessionId',
      { schema: { ...device, operationId: 'getFaceSession', params: SessionParams, response: { 200: Session, ...errorResponses(401, 404) } } },
      async (request) => services.facePay.get(requireDevice(request), request.params.sessionId),
    );

    app.post(
      '/v1/payments',
      {
        schema: {
          ...device,
          operationId: 'createPayment',
          summary: 'Charge the member an approved face session identified; retries with the same key never charge twice',
          body: Type.Object({ faceSessionId: Uuid, idempotencyKey: IdempotencyKey }, { additionalProperties: false }),
          response: {
            201: Type.Object({ paymentId: Uuid, transactionId: Uuid, memberId: Uuid, amountFen: Fen, balanceFen: Fen, receiptId: Uuid, createdAt: Timestamp }),
            ...errorResponses(400, 401, 403, 404, 409, 410),
          },
        },
      },
      async (request, reply) => reply.status(201).send(await services.facePay.pay(requireDevice(request), request.body)),
    );
  };
}
