export type GalleryErrorCode = 'dimension_mismatch' | 'vector_invalid' | 'phone_suffix_invalid' | 'template_exists';

export class GalleryError extends Error {
  override name = 'GalleryError';
  constructor(
    readonly code: GalleryErrorCode,
    message: string,
  ) {
    super(message);
  }
}
