import type { QualityReason } from './quality.ts';

/**
 * Why an image cannot be used. analyze() throws only the input errors (not_an_image, image_format_unsupported,
 * image_too_large, image_truncated, image_corrupt) and, with requireSingleFace, the others; quality problems are
 * otherwise returned as `quality.reasons`, whose names are codes too.
 */
export type FaceEngineErrorCode =
  | 'not_an_image'
  | 'image_format_unsupported'
  | 'image_too_large'
  | 'image_truncated'
  | 'image_corrupt'
  | 'no_face'
  | 'multiple_faces'
  | QualityReason;

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

export type FacePoolErrorCode = 'face_engine_busy' | 'face_engine_unavailable' | 'face_analysis_failed';

/**
 * The engine could not answer, through no fault of the picture: every worker is busy past the queue's limit, none is
 * running, or the worker analysing this picture failed (aborted, crashed, out of memory, past its deadline) and was
 * replaced. A client may try again.
 */
export class FacePoolError extends Error {
  override name = 'FacePoolError';
  constructor(
    readonly code: FacePoolErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
