import type { FaceDataService } from './face-data.service.ts';
import { BASE64_IMAGE_REFUSALS } from './image-gate.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember } from '../../platform/http/authentication.plugin.ts';
import { decodeImage, described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { Enrolled, Enrollment, FaceDataDeleted, FaceDataSummary } from './face-data.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };

/** The member's own face data in the member app: enroll, see what is stored, delete it. */
export function faceDataRoutes(services: { faceData: FaceDataService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.member);

    app.post(
      '/v1/member/face',
      {
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          ...member,
          operationId: 'enrollFace',
          summary:
            'Enroll (or re-enroll) the face from 1-5 camera frames; needs consent; refuses a face already enrolled for another member',
          description:
            'Frames are base64 JPEG, PNG or WebP. Each frame passes the quality gates or is listed in `framesRejected` with its reasons; the usable ones become the templates, replacing earlier ones.',
          body: Enrollment,
          response: {
            201: Enrolled,
            ...errorResponses({
              400: [
                'frame_count_invalid',
                'member_not_found',
                'no_usable_frame',
                'spoof_suspected',
                ...BASE64_IMAGE_REFUSALS,
              ],
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

    app.get(
      '/v1/member/face',
      {
        schema: {
          ...member,
          operationId: 'getFaceData',
          summary: 'What face data is stored about me',
          description:
            'How many templates, from when and which model, how many raw images are kept, and the consent they rest on.',
          response: { 200: FaceDataSummary, ...errorResponses({}) },
        },
      },
      async (request) => services.faceData.summary(requireMember(request)),
    );

    app.delete(
      '/v1/member/face',
      {
        schema: {
          ...member,
          operationId: 'deleteFaceData',
          summary: 'Delete my face templates and images; I am no longer recognised, at once',
          description: 'Consent stays recorded; enroll again whenever you like.',
          response: {
            200: described(FaceDataDeleted, 'Deleted; how much'),
            ...errorResponses({}),
          },
        },
      },
      async (request) => {
        const actor = requireMember(request);
        return services.faceData.deleteAll(actor.merchantId, actor.memberId, {
          actorType: 'member',
          actorId: actor.memberId,
          reason: 'member_request',
        });
      },
    );
  };
}
