import type { QualityReason } from './quality.ts';

/**
 * Why an image cannot be used. analyze() throws only the input errors (not_an_image, image_too_large) and, with
 * requireSingleFace, the others; quality problems are otherwise returned as `quality.reasons`, whose names are codes too.
 */
export type FaceEngineErrorCode = 'not_an_image' | 'image_too_large' | 'no_face' | 'multiple_faces' | QualityReason;

export class FaceEngineError extends Error {
  override name = 'FaceEngineError';
  constructor(
    readonly code: FaceEngineErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
