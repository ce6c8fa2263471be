import type { LivenessCaptureService } from './liveness-capture.service.ts';
import { decodeFrames, FlashFrames } from './face-frames.schemas.ts';
import { BASE64_IMAGE_REFUSALS } from '../image-gate.ts';
import type { Authenticators } from '../../../platform/http/authentication.plugin.ts';
import { requireDevice, requireStaff } from '../../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams } from '../../../platform/http/shared.schemas.ts';
import type { App } from '../../../platform/http/app.types.ts';
import {
  AttemptParams,
  AttemptStarted,
  AttemptVerdict,
  Capture,
  CaptureDeleted,
  CaptureParams,
  CalibrationReport,
  NewCapture,
  OpenCapture,
} from './liveness-capture.schemas.ts';

const staff = { tags: ['liveness calibration'], security: [{ staffSession: [] }] };
const device = { tags: ['liveness calibration'], security: [{ deviceSignature: [] }] };

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
            200: CalibrationReport,
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
          body: NewCapture,
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
            204: CaptureDeleted,
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
            200: OpenCapture,
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
            201: AttemptStarted,
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
            200: AttemptVerdict,
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
