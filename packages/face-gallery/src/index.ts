export {
  FaceGallery,
  DEFAULT_ANN_THRESHOLD,
  type GalleryEntry,
  type MemberMatch,
  type SearchOptions,
  type SearchResult,
} from './gallery.ts';
export { GalleryRegistry } from './registry.ts';
export { GalleryError, type GalleryErrorCode } from './errors.ts';
export { ExactIndex } from './exact-index.ts';
export { AnnIndex, ANN_PARAMETERS } from './ann-index.ts';
export { unitVector } from './vector.ts';
