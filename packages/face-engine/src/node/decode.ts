import sharp, { type Metadata } from 'sharp';
import { INPUT_LIMITS } from '../config.ts';
import { FaceEngineError } from '../errors.ts';
import type { RgbImage } from '../image.ts';

/** JPEG, PNG or WebP bytes to RGB pixels (EXIF orientation applied, grey and alpha made RGB), with size limits. */
export async function decodeImage(bytes: Uint8Array, maxBytes: number = INPUT_LIMITS.maxBytes): Promise<RgbImage> {
  if (bytes.byteLength > maxBytes) {
    throw new FaceEngineError('image_too_large', `the image is ${bytes.byteLength} bytes; the limit is ${maxBytes}`, { maxBytes });
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    throw new FaceEngineError('not_an_image', 'the data is not a JPEG, PNG or WebP image');
  }
  if (!metadata.format || !['jpeg', 'png', 'webp'].includes(metadata.format)) {
    throw new FaceEngineError('not_an_image', `images must be JPEG, PNG or WebP, not ${metadata.format ?? 'unknown'}`);
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > INPUT_LIMITS.maxPixels) {
    throw new FaceEngineError('image_too_large', `the image has more than ${INPUT_LIMITS.maxPixels} pixels`);
  }
  try {
    const { data, info } = await sharp(bytes).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch {
    throw new FaceEngineError('not_an_image', 'the image could not be decoded (truncated or corrupt)');
  }
}
