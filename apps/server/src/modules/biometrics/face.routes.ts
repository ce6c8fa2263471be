import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/domain-errors.ts';
import { MAX_IMAGE_BYTES } from './engine-adapter.ts';
import { IMAGE_REFUSALS } from './image-gate.ts';
import type { FaceCheckService } from './face-check.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { DetectedFaces, Identification, IdentifyQuery, Verification } from './face.schemas.ts';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Why a picture that must show one usable face is refused. */
const ONE_FACE_REFUSALS = [
  'multipart_required',
  'multipart_invalid',
  'unexpected_field',
  ...IMAGE_REFUSALS,
  'image_missing',
  'no_face',
  'multiple_faces',
  'face_too_small',
  'too_dark',
  'too_bright',
  'blurred',
  'face_unusable',
] as const;
const secured = { tags: ['face engine'], security: [{ staffSession: [] }] };

/** Reads the named image parts of a multipart upload, refusing anything that is not a picture or is too large. */
async function readImages(request: FastifyRequest, names: string[]): Promise<Record<string, Buffer>> {
  if (!request.isMultipart())
    throw new DomainError(
      'invalid',
      'multipart_required',
      `send the image${names.length > 1 ? 's' : ''} as multipart/form-data fields: ${names.join(', ')}`,
    );
  const images: Record<string, Buffer> = {};
  try {
    for await (const part of request.files({ limits: { fileSize: MAX_IMAGE_BYTES, files: names.length } })) {
      if (!names.includes(part.fieldname))
        throw new DomainError('invalid', 'unexpected_field', `unexpected field ${part.fieldname}`);
      if (!IMAGE_TYPES.includes(part.mimetype)) {
        const code = part.mimetype.startsWith('image/') ? 'image_format_unsupported' : 'not_an_image';
        throw new DomainError('invalid', code, `${part.fieldname} must be JPEG, PNG or WebP (got ${part.mimetype})`);
      }
      const bytes = await part.toBuffer();
      if (part.file.truncated)
        throw new DomainError(
          'invalid',
          'image_too_large',
          `${part.fieldname} is larger than ${MAX_IMAGE_BYTES} bytes`,
          { maxBytes: MAX_IMAGE_BYTES },
        );
      images[part.fieldname] = bytes;
    }
  } catch (error) {
    // the multipart parser's own errors (no boundary, cut short) are the client's, not ours
    if (error instanceof DomainError || (error as { statusCode?: number }).statusCode) throw error;
    throw new DomainError(
      'invalid',
      'multipart_invalid',
      `the multipart body cannot be read: ${(error as Error).message}`,
    );
  }
  const missing = names.filter((n) => !images[n]);
  if (missing.length)
    throw new DomainError(
      'invalid',
      'image_missing',
      `missing image field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
    );
  return images;
}

/** The face engine as an API for integrators and the console: detect, verify (1:1), identify (1:N). */
export function faceRoutes(services: { faceCheck: FaceCheckService }, auth: Authenticators) {
  return async (app: App) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_IMAGE_BYTES, files: 2, fields: 4 },
      throwFileSizeLimit: false,
    });

    app.post(
      '/v1/face/detect',
      {
        preHandler: auth.staff,
        schema: {
          ...secured,
          operationId: 'detectFaces',
          summary:
            'Find every face in an image with its quality gates, pose, passive liveness and age/gender (multipart field: image)',
          description:
            'The face engine on its own, for integrators and for checking a camera. Nothing is stored. `subject` is the index of the face the engine would use.',
          consumes: ['multipart/form-data'],
          response: {
            200: DetectedFaces,
            ...errorResponses({
              400: ['multipart_required', 'multipart_invalid', 'unexpected_field', ...IMAGE_REFUSALS, 'image_missing'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) => {
        const { image } = await readImages(request, ['image']);
        const inspection = await services.faceCheck.detect(image!);
        return { ...inspection, faces: inspection.faces.map(({ embedding: _embedding, ...face }) => face) };
      },
    );

    app.post(
      '/v1/face/verify',
      {
        preHandler: auth.staff,
        schema: {
          ...secured,
          operationId: 'verifyFaces',
          summary: 'Are these the same person? (multipart fields: imageA, imageB; each must show exactly one face)',
          description: "1:1 comparison with the engine's match threshold. Nothing is stored.",
          consumes: ['multipart/form-data'],
          response: {
            200: Verification,
            ...errorResponses({
              400: ONE_FACE_REFUSALS,
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) => {
        const { imageA, imageB } = await readImages(request, ['imageA', 'imageB']);
        return services.faceCheck.verify(imageA!, imageB!);
      },
    );

    app.post(
      '/v1/merchants/:merchantId/face/identify',
      {
        preHandler: auth.staff,
        schema: {
          tags: ['face engine'],
          security: [{ staffSession: [] }],
          operationId: 'identifyFace',
          summary: "Search the merchant's member gallery (1:N) for the face in the image (multipart field: image)",
          description:
            'The closest enrolled members with their scores; `phoneSuffix` narrows the search to members whose phone ends so. Merchant and provider admins only (403 for store roles). Each search is in the audit log with the members it matched, and a staff member may run at most `SHUALIAN_IDENTIFY_PER_STAFF_PER_HOUR` an hour (429 `identify_limit`).',
          consumes: ['multipart/form-data'],
          params: MerchantParams,
          querystring: IdentifyQuery,
          response: {
            200: Identification,
            ...errorResponses({
              400: ONE_FACE_REFUSALS,
              403: ['forbidden'],
              404: ['merchant_not_found'],
              429: ['identify_limit'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) =>
        services.faceCheck.identify(
          requireStaff(request),
          request.params.merchantId,
          async () => (await readImages(request, ['image'])).image!,
          request.query,
        ),
    );
  };
}
