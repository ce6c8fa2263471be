import { FaceEngineError, INPUT_LIMITS, inspectImage, type ImageLimits } from '@shualian/face-engine';
import { DomainError } from '../../platform/domain-errors.ts';
import type { ErrorCode } from '../../platform/http/error-codes.ts';

/** Bytes a single uploaded image may have. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** The image gate's limits on this server: the engine's, with the upload size above. */
export const IMAGE_LIMITS: ImageLimits = { ...INPUT_LIMITS, maxBytes: MAX_IMAGE_BYTES };

/** What the image gate (and the engine's workers, decoding) refuse a picture with: every operation taking one lists them. */
export const IMAGE_REFUSALS = [
  'not_an_image',
  'image_too_large',
  'image_format_unsupported',
  'image_truncated',
  'image_corrupt',
] as const satisfies readonly ErrorCode[];

/** The refusals of a picture sent as base64 in a JSON body: the gate's, and text that is not base64. */
export const BASE64_IMAGE_REFUSALS = [
  'image_encoding_invalid',
  ...IMAGE_REFUSALS,
] as const satisfies readonly ErrorCode[];

/**
 * The image gate, which every use case that takes pictures passes them through after its own checks (consent, the
 * session's state) and before any face work: format by magic bytes, structure through to the end, the declared size
 * against the caps. Headers only, no pixel decoded (the engine's workers check again as they decode). Every picture
 * of the request is checked, not only those the engine would look at; `field` names the one refused.
 */
export async function checkImages(images: Uint8Array[], field: (index: number) => string): Promise<void> {
  await Promise.all(
    images.map(async (image, index) => {
      try {
        await inspectImage(image, IMAGE_LIMITS);
      } catch (error) {
        if (!(error instanceof FaceEngineError)) throw error;
        throw new DomainError('invalid', error.code, `${field(index)}: ${error.message}`, {
          field: field(index),
          ...error.details,
        });
      }
    }),
  );
}
