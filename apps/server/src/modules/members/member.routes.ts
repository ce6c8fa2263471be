import { Type } from '@sinclair/typebox';
import { maskPhone } from './phone.ts';
import type { Services } from '../../container.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember } from '../../platform/http/authentication.plugin.ts';
import { Base64Image, decodeImage, described, errorResponses, Fen, IdempotencyKey, LimitFen, NullableTimestamp, PositiveFen, RequestTimestamp, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';

const MerchantCode = Type.String({ pattern: '^[a-z0-9-]{2,40}$', description: 'the brand code, e.g. yabo' });
const Phone = Type.String({ minLength: 11, maxLength: 20 });
const MemberProfile = Type.Object({ memberId: Uuid, merchantId: Uuid, maskedPhone: Type.String(), displayName: Type.Union([Type.String(), Type.Null()]) });
const ConsentDocument = Type.Object({
  purpose: Type.String(),
  version: Type.String(),
  sha256: Type.String(),
  rawImagesKept: Type.Boolean({ description: 'whether this merchant keeps enrollment photos (encrypted)' }),
  retentionDays: Type.Integer({ description: 'days kept enrollment photos are kept at most' }),
  zh: Type.String(),
  en: Type.String(),
});
const Agreement = Type.Object({
  passwordFree: Type.Boolean(),
  perPaymentLimitFen: Fen,
  dailyLimitFen: Fen,
  pinSet: Type.Boolean(),
  pinLockedUntil: NullableTimestamp,
});
const Wallet = Type.Object({
  memberId: Uuid,
  balanceFen: Fen,
  verified: Type.Boolean({ description: 'the cached balance equals the sum of ledger entries' }),
  history: Type.Array(
    Type.Object({
      transactionId: Uuid,
      kind: Type.String(),
      amountFen: Fen,
      reference: Type.Union([Type.String(), Type.Null()]),
      testMoney: Type.Boolean({ description: 'a test-channel top-up: no real payment stands behind it' }),
      at: Timestamp,
    }),
  ),
});
export const WalletSchema = Wallet;
export const TopUpResultSchema = Type.Object({
  transactionId: Uuid,
  memberId: Uuid,
  amountFen: Fen,
  balanceFen: Fen,
  channel: Type.Union([Type.Literal('till'), Type.Literal('test')]),
  testMoney: Type.Boolean({ description: 'true for the test payment channel: test money, not real money' }),
});

const member = { tags: ['member app'], security: [{ memberSession: [] }] };

/** The member app ("mini-program"): sign-up, consent, face data, wallet, 免密 and PIN, receipts. */
export function memberRoutes(services: Services, auth: Authenticators, otpPerMinute: number) {
  return async (app: App) => {
    app.post(
      '/v1/members/otp',
      {
        config: { rateLimit: { max: otpPerMinute, timeWindow: '1 minute' } },
        schema: {
          operationId: 'requestOtp',
          tags: ['member app'],
          summary: 'Send a 6-digit SMS code (5 minutes; resend after 60 s; per-phone and per-network limits)',
          description: 'First step of member sign-in (and sign-up) in the member app of one merchant, named by its code. The code arrives by SMS; `registerMember` checks it.',
          body: Type.Object({ merchantCode: MerchantCode, phone: Phone }, { additionalProperties: false }),
          response: {
            202: Type.Object({ expiresAt: Timestamp }, { description: 'The code is on its way; it works until expiresAt' }),
            ...errorResponses({
              400: ['phone_invalid'],
              404: ['merchant_not_found'],
              429: ['otp_too_soon', 'otp_phone_limit', 'otp_ip_limit', 'otp_merchant_limit'],
            }),
          },
        },
      },
      async (request, reply) => {
        const { expiresAt } = await services.members.requestOtp(request.body.merchantCode, request.body.phone, request.ip);
        return reply.status(202).send({ expiresAt: expiresAt.toISOString() });
      },
    );

    app.post(
      '/v1/members/register',
      {
        config: { rateLimit: { max: otpPerMinute, timeWindow: '1 minute' } },
        schema: {
          operationId: 'registerMember',
          tags: ['member app'],
          summary: 'Verify the SMS code; registers the phone with the merchant if new, and signs the member in',
          description: 'Returns a member session token (30 days) for the member operations. `created` tells a new member from a returning one.',
          body: Type.Object(
            { merchantCode: MerchantCode, phone: Phone, code: Type.String({ pattern: '^\\d{6}$' }), displayName: Type.Optional(Type.String({ maxLength: 40 })) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object(
              { token: Type.String(), expiresAt: Timestamp, created: Type.Boolean(), member: MemberProfile },
              { description: 'Signed in' },
            ),
            ...errorResponses({
              400: ['phone_invalid'],
              401: ['otp_invalid', 'otp_expired'],
              404: ['merchant_not_found'],
              429: ['otp_attempts_exceeded'],
            }),
          },
        },
      },
      async (request) => {
        const result = await services.members.register(request.body);
        return {
          token: result.token,
          expiresAt: result.expiresAt.toISOString(),
          created: result.created,
          member: { memberId: result.member.id, merchantId: result.member.merchant_id, maskedPhone: maskPhone(result.member.phone), displayName: result.member.display_name },
        };
      },
    );

    app.get(
      '/v1/members/consent-document',
      {
        schema: {
          operationId: 'getConsentDocument',
          tags: ['member app'],
          summary: 'The current biometric consent text (zh-CN and English), its version and hash',
          description: 'Show this text in full before asking for consent; `recordConsent` takes back its version and sha256.',
          querystring: Type.Object({ merchantCode: MerchantCode }),
          response: { 200: described(ConsentDocument, 'The consent document'), ...errorResponses({ 404: ['merchant_not_found'] }) },
        },
      },
      async (request) => services.consents.document((await services.members.merchantByCode(request.query.merchantCode)).id),
    );

    app.register(async (memberApp: App) => {
      memberApp.addHook('preHandler', auth.member);

      memberApp.get(
        '/v1/member/me',
        {
          schema: {
            ...member,
            operationId: 'getMember',
            summary: 'Who am I: the signed-in member',
            description: 'The member behind the member session token; the phone is masked.',
            response: { 200: described(MemberProfile, 'The member'), ...errorResponses({ 404: ['member_not_found'] }) },
          },
        },
        async (request) => {
        const m = await services.members.get(requireMember(request));
        return { memberId: m.id, merchantId: m.merchant_id, maskedPhone: maskPhone(m.phone), displayName: m.display_name };
        },
      );

      memberApp.post(
        '/v1/member/consents',
        {
          schema: {
            ...member,
            operationId: 'recordConsent',
            summary: 'Record separate, explicit consent to the exact biometric consent text shown',
            description: 'Needed before `enrollFace`. Recording the same version again returns the consent already given.',
            body: Type.Object({ version: Type.String(), textSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), accepted: Type.Literal(true) }, { additionalProperties: false }),
            response: {
              201: Type.Object({ consentId: Uuid, version: Type.String(), grantedAt: Timestamp }, { description: 'Consent recorded' }),
              ...errorResponses({ 400: ['consent_text_outdated'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request, reply) => {
          const consent = await services.consents.grant(requireMember(request), {
            version: request.body.version,
            textSha256: request.body.textSha256,
            clientIp: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          return reply.status(201).send({ consentId: consent.id, version: consent.version, grantedAt: consent.granted_at.toISOString() });
        },
      );

      memberApp.delete(
        '/v1/member/consents/biometric',
        {
          schema: {
            ...member,
            operationId: 'withdrawConsent',
            summary: 'Withdraw biometric consent; the face data is deleted at once',
            description: 'Face templates and any kept raw images are deleted in the same step; face payment stops recognising the member.',
            response: {
              200: Type.Object({ templatesDeleted: Type.Integer(), imagesDeleted: Type.Integer() }, { description: 'Withdrawn; what was deleted' }),
              ...errorResponses({ 409: ['consent_not_given'] }),
            },
          },
        },
        async (request) => services.consents.withdraw(requireMember(request)),
      );

      memberApp.post(
        '/v1/member/face',
        {
          bodyLimit: 10 * 1024 * 1024,
          schema: {
            ...member,
            operationId: 'enrollFace',
            summary: 'Enroll (or re-enroll) the face from 1-5 camera frames; needs consent; refuses a face already enrolled for another member',
            description: 'Frames are base64 JPEG, PNG or WebP. Each frame passes the quality gates or is listed in `framesRejected` with its reasons; the usable ones become the templates, replacing earlier ones.',
            body: Type.Object({ frames: Type.Array(Base64Image, { minItems: 1, maxItems: 5 }) }, { additionalProperties: false }),
            response: {
              201: Type.Object({
                templateCount: Type.Integer(),
                framesUsed: Type.Integer(),
                framesRejected: Type.Array(Type.Object({ frame: Type.Integer(), reasons: Type.Array(Type.String()) })),
                replacedPrevious: Type.Boolean(),
              }, { description: 'Enrolled' }),
              ...errorResponses({
                400: ['frame_count_invalid', 'member_not_found', 'no_usable_frame', 'spoof_suspected', 'image_encoding_invalid', 'not_an_image', 'image_too_large', 'image_format_unsupported', 'image_truncated', 'image_corrupt'],
                403: ['consent_required', 'consent_withdrawn'],
                409: ['face_already_enrolled', 'face_data_deleted'],
                503: ['face_analysis_failed', 'face_engine_busy'],
              }),
            },
          },
        },
        async (request, reply) => {
          const frames = request.body.frames.map((f, i) => decodeImage(f, `frames[${i}]`));
          return reply.status(201).send(await services.faceData.enroll(requireMember(request), frames));
        },
      );

      memberApp.get(
        '/v1/member/face',
        {
          schema: {
            ...member,
            operationId: 'getFaceData',
            summary: 'What face data is stored about me',
            description: 'How many templates, from when and which model, how many raw images are kept, and the consent they rest on.',
            response: {
              200: Type.Object({
                enrolled: Type.Boolean(),
                templateCount: Type.Integer(),
                enrolledAt: NullableTimestamp,
                model: Type.Union([Type.String(), Type.Null()]),
                rawImagesKept: Type.Integer(),
                consent: Type.Union([Type.Object({ version: Type.String(), grantedAt: Timestamp }), Type.Null()]),
              }, { description: 'The stored face data' }),
              ...errorResponses({}),
            },
          },
        },
        async (request) => services.faceData.summary(requireMember(request)),
      );

      memberApp.delete(
        '/v1/member/face',
        {
          schema: {
            ...member,
            operationId: 'deleteFaceData',
            summary: 'Delete my face templates and images; I am no longer recognised, at once',
            description: 'Consent stays recorded; enroll again whenever you like.',
            response: {
              200: Type.Object({ templatesDeleted: Type.Integer(), imagesDeleted: Type.Integer() }, { description: 'Deleted; how much' }),
              ...errorResponses({}),
            },
          },
        },
        async (request) => {
          const actor = requireMember(request);
          return services.faceData.deleteAll(actor.merchantId, actor.memberId, { actorType: 'member', actorId: actor.memberId, reason: 'member_request' });
        },
      );

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
            body: Type.Object({ amountFen: PositiveFen, idempotencyKey: IdempotencyKey }, { additionalProperties: false }),
            response: {
              201: Type.Object(TopUpResultSchema.properties, { description: 'Topped up with test money' }),
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
          return reply.status(201).send(await services.wallets.topUp(actor, { merchantId: actor.merchantId, memberId: actor.memberId, ...request.body, channel: 'test' }));
        },
      );

      memberApp.get(
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

      memberApp.put(
        '/v1/member/payment-agreement',
        {
          schema: {
            ...member,
            operationId: 'updatePaymentAgreement',
            summary: 'Turn password-free face payment (免密) on or off and set its limits',
            description: 'Password-free payment needs a PIN first (it confirms payments above the limits). The per-payment limit may not exceed the daily one.',
            body: Type.Object(
              { passwordFree: Type.Optional(Type.Boolean()), perPaymentLimitFen: Type.Optional(LimitFen), dailyLimitFen: Type.Optional(LimitFen) },
              { additionalProperties: false },
            ),
            response: {
              200: described(Agreement, 'The agreement after the change'),
              ...errorResponses({ 400: ['limit_invalid', 'limit_too_high', 'pin_required'] }),
            },
          },
        },
        async (request) => services.agreements.update(requireMember(request), request.body),
      );

      memberApp.put(
        '/v1/member/pin',
        {
          config: { rateLimit: { max: otpPerMinute, timeWindow: '1 minute' } },
          schema: {
            ...member,
            operationId: 'setPaymentPin',
            summary: 'Set or change the 6-digit payment PIN',
            description: 'Changing a PIN needs the current one; wrong current PINs count towards the PIN lock.',
            body: Type.Object({ pin: Type.String({ pattern: '^\\d{6}$' }), currentPin: Type.Optional(Type.String()) }, { additionalProperties: false }),
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

      memberApp.get(
        '/v1/member/receipts',
        {
          schema: {
            ...member,
            operationId: 'listReceipts',
            summary: 'Receipts and notices, newest first',
            description: 'Payments, refunds and top-ups, and notices such as a locked face-payment attempt. Page with `before`.',
            querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), before: Type.Optional(RequestTimestamp) }),
            response: {
              200: Type.Object({
                receipts: Type.Array(
                  Type.Object({ id: Uuid, kind: Type.String(), paymentId: Type.Union([Uuid, Type.Null()]), body: Type.Record(Type.String(), Type.Unknown()), createdAt: Timestamp }),
                ),
              }, { description: 'The receipts, newest first' }),
              ...errorResponses({}),
            },
          },
        },
        async (request) => {
          const receipts = await services.receipts.list(requireMember(request), {
            limit: request.query.limit,
            before: request.query.before ? new Date(request.query.before) : undefined,
          });
          return { receipts: receipts.map((r) => ({ id: r.id, kind: r.kind, paymentId: r.payment_id, body: r.body, createdAt: r.created_at.toISOString() })) };
        },
      );
    });
  };
}
