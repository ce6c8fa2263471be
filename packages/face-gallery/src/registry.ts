import { FaceGallery, DEFAULT_ANN_THRESHOLD } from './gallery.ts';

/** One gallery per merchant: a search never sees another merchant's members. */
export class GalleryRegistry {
  private readonly galleries = new Map<string, FaceGallery>();

  constructor(private readonly annThreshold = DEFAULT_ANN_THRESHOLD) {}

  forMerchant(merchantId: string, dimensions: number): FaceGallery {
    let gallery = this.galleries.get(merchantId);
    if (!gallery) {
      gallery = new FaceGallery(dimensions, this.annThreshold);
      this.galleries.set(merchantId, gallery);
    }
    return gallery;
  }

  find(merchantId: string): FaceGallery | undefined {
    return this.galleries.get(merchantId);
  }

  drop(merchantId: string): void {
    this.galleries.delete(merchantId);
  }
}
