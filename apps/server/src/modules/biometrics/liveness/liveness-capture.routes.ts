import { Type } from '@sinclair/typebox';
import type { LivenessCaptureService } from './liveness-capture.service.ts';
import { ColourChallengeSchema, decodeFrames, FlashFrames } from './face-frames.schemas.ts';
import { BASE64_IMAGE_REFUSALS } from '../image-gate.ts';
import type { Authenticators } from '../../../platform/http/authentication.plugin.ts';
import { requireDevice, requireStaff } from '../../../platform/http/authentication.plugin.ts';
import {
  described,
  errorResponses,
  MerchantParams,
  Nullable,
  NullableTimestamp,
  Timestamp,
  Uuid,
} from '../../../platform/http/shared.schemas.ts';
import type { App } from '../../../platform/http/app.types.ts';

const staff = { tags: ['liveness calibration'], security: [{ staffSession: [] }] };
const device = { tags: ['liveness calibration'], security: [{ deviceSignature: [] }] };

const Label = Type.Union(
  [
    Type.Literal('live'),
    Type.Literal('print'),
    Type.Literal('screen'),
    Type.Literal('mask'),
    Type.Literal('other_attack'),
  ],
  { description: 'what is held in front of the kiosk during this capture: a live face, or an attack of this kind' },
);
const Capture = Type.Object({
  captureId: Uuid,
  deviceId: Uuid,
  label: Label,
  note: Nullable(Type.String()),
  startedBy: Uuid,
  consentVersion: Type.String(),
  startedAt: Timestamp,
  endedAt: NullableTimestamp,
  attempts: Type.Integer({ minimum: 0 }),
  passed: Type.Integer({ minimum: 0, description: 'attempts the live checks passed, as configured' }),
});
const Verdict = Type.Object({
  passed: Type.Boolean({ description: 'every live check passed as configured: a payment would have gone on' }),
  colour: Type.Object({
    passed: Type.Boolean(),
    reason: Nullable(Type.String()),
    stepsConfirmed: Type.Integer(),
    stepsSeen: Type.Integer(),
    chanceInStep: Type.Number(),
    correlation: Type.Number(),
  }),
  passiveLiveFrames: Type.Integer(),
  antispoof: Type.Array(Type.Number()),
  liveness: Type.Array(Type.Number()),
  clearFrames: Type.Integer(),
});
const LabelReport = Type.Object({
  label: Label,
  attempts: Type.Integer(),
  passed: Type.Integer(),
  errorRate: Nullable(
    Type.Number({ description: 'live: the share refused; an attack: the share that passed (null without attempts)' }),
  ),
  log10ChanceInStep: Nullable(Type.Object({ min: Type.Number(), median: Type.Number(), max: Type.Number() })),
  antispoofMedian: Nullable(Type.Number()),
});
const CaptureParams = Type.Object({ merchantId: Uuid, captureId: Uuid });
const AttemptParams = Type.Object({ attemptId: Uuid });

/** Liveness calibration: staff open labelled captures at a kiosk; the kiosk runs attempts; the console reports. */
export function livenessCaptureRoutes(services: { livenessCaptures: LivenessCaptureService }, auth: Authenticators) {
  return async (app: App) => {
    app.get(
      '/v1/merchants/:merchantId/liveness-captures',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'getLivenessCalibration',
          summary: 'Calibration captures and how often each kind of attempt passed the live checks',
          description:
            'Merchant and provider admins. The 50 latest captures with their tallies, the pass rate per label over every assessed attempt (a live face refused is a genuine shopper turned away; an attack passed is a hole), the flash check figures, and the consent text staff agree to before a capture.',
          params: MerchantParams,
          response: {
            200: Type.Object(
              {
                captures: Type.Array(Capture),
                labels: Type.Array(LabelReport),
                configured: Type.Object({
                  maxChanceInStep: Type.Number(),
                  passiveVetoOnlyWhenNoFrameLooksLive: Type.Boolean(),
                }),
                consent: Type.Object({
                  version: Type.String(),
                  text: Type.Object({ zh: Type.String(), en: Type.String() }),
                }),
              },
              { description: 'Captures, pass rates by label, the configured checks and the consent text' },
            ),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => services.livenessCaptures.report(requireStaff(request), request.params.merchantId),
    );

    app.post(
      '/v1/merchants/:merchantId/liveness-captures',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'startLivenessCapture',
          summary: 'Open a labelled calibration capture at a kiosk',
          description:
            'The kiosk then offers calibration attempts instead of checkout until the capture ends. `consentVersion` must be the current calibration text, which the people taking part have agreed to. One open capture per kiosk (409 `capture_already_open`).',
          params: MerchantParams,
          body: Type.Object(
            {
              deviceId: Uuid,
              label: Label,
              note: Type.Optional(Type.String({ maxLength: 200 })),
              consentVersion: Type.String({ maxLength: 40 }),
            },
            { additionalProperties: false },
          ),
          response: {
            201: described(Capture, 'The capture, open'),
            ...errorResponses({
              400: ['consent_version_mismatch', 'device_not_kiosk'],
              403: ['forbidden'],
              404: ['merchant_not_found', 'device_not_found'],
              409: ['capture_already_open'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await services.livenessCaptures.start(requireStaff(request), request.params.merchantId, request.body)),
    );

    app.post(
      '/v1/merchants/:merchantId/liveness-captures/:captureId/end',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'endLivenessCapture',
          summary: 'End a calibration capture; the kiosk returns to checkout',
          description: 'Its attempts stay in the report until the capture is deleted.',
          params: CaptureParams,
          response: {
            200: described(Capture, 'The capture, ended, with its tallies'),
            ...errorResponses({
              403: ['forbidden'],
              404: ['merchant_not_found', 'capture_not_found'],
              409: ['capture_ended'],
            }),
          },
        },
      },
      async (request) =>
        services.livenessCaptures.end(requireStaff(request), request.params.merchantId, request.params.captureId),
    );

    app.delete(
      '/v1/merchants/:merchantId/liveness-captures/:captureId',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'deleteLivenessCapture',
          summary: 'Delete a calibration capture and every attempt it recorded',
          description: 'For a capture that was mislabelled, or at the request of someone who took part.',
          params: CaptureParams,
          response: {
            204: Type.Null({ description: 'Deleted' }),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'capture_not_found'] }),
          },
        },
      },
      async (request, reply) => {
        await services.livenessCaptures.remove(
          requireStaff(request),
          request.params.merchantId,
          request.params.captureId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/device/liveness-capture',
      {
        preHandler: auth.device,
        schema: {
          ...device,
          operationId: 'getOpenLivenessCapture',
          summary: "This kiosk's open calibration capture, if a technician started one",
          description: 'While one is open the kiosk runs calibration attempts instead of checkout.',
          response: {
            200: Type.Object(
              { capture: Nullable(Type.Object({ captureId: Uuid, label: Label })) },
              { description: 'The open capture, or null' },
            ),
            ...errorResponses({ 403: ['forbidden'] }),
          },
        },
      },
      async (request) => ({ capture: await services.livenessCaptures.current(requireDevice(request)) }),
    );

    app.post(
      '/v1/device/liveness-capture/attempts',
      {
        preHandler: auth.device,
        schema: {
          ...device,
          operationId: 'startLivenessAttempt',
          summary: 'One calibration attempt: a fresh colour challenge to flash, exactly as a payment gets',
          description: 'Send the frames to `submitLivenessAttemptFrames` before `expiresAt`.',
          response: {
            201: Type.Object(
              { attemptId: Uuid, expiresAt: Timestamp, challenge: ColourChallengeSchema },
              { description: 'The attempt and its colour challenge' },
            ),
            ...errorResponses({ 403: ['forbidden'], 404: ['capture_not_open'] }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await services.livenessCaptures.startAttempt(requireDevice(request))),
    );

    app.post(
      '/v1/device/liveness-capture/attempts/:attemptId/frames',
      {
        preHandler: auth.device,
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitLivenessAttemptFrames',
          summary: 'Frames of a calibration attempt: the live checks run as for a payment and their figures are kept',
          description:
            "Nobody is identified and no frame is kept: only the checks' numbers, under the capture's label.",
          params: AttemptParams,
          body: FlashFrames,
          response: {
            200: Type.Object(
              { attemptId: Uuid, label: Label, verdict: Verdict },
              { description: 'What the live checks measured' },
            ),
            ...errorResponses({
              400: ['frame_count_invalid', 'flash_times_invalid', 'no_usable_frame', ...BASE64_IMAGE_REFUSALS],
              403: ['forbidden'],
              404: ['attempt_not_found'],
              409: ['attempt_used'],
              410: ['attempt_expired'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) =>
        services.livenessCaptures.submitFrames(
          requireDevice(request),
          request.params.attemptId,
          decodeFrames(request.body.frames),
          request.body.shownAtMs,
        ),
    );
  };
}
