import sharp from 'sharp';
import { FaceEngineError } from '../errors.ts';
import type { RgbImage } from '../image.ts';
import { imageLimits, inspectImage, type ImageHeader, type ImageLimits } from './image-gate.ts';

export interface DecodedImage {
  /** the pixels the engine analyses: at most `analysisMaxSide` on the longer side */
  image: RgbImage;
  /** the picture's own size, upright (EXIF orientation applied) */
  width: number;
  height: number;
  /** analysed pixels per picture pixel (1 when the picture was small enough) */
  scale: number;
  header: ImageHeader;
}

/**
 * JPEG, PNG or WebP bytes to RGB pixels (EXIF orientation applied, grey and alpha made RGB), through the image gate
 * first; the decoder is held to the pixel cap as well and scales the picture down to `analysisMaxSide` as it decodes
 * (JPEG shrink-on-load, streamed PNG), so a large picture never exists at full size in memory.
 */
export async function decodeImage(bytes: Uint8Array, overrides: Partial<ImageLimits> = {}): Promise<DecodedImage> {
  const limits = imageLimits(overrides);
  const header = await inspectImage(bytes, limits);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: limits.maxPixels, sequentialRead: true })
      .rotate()
      .resize({
        width: limits.analysisMaxSide,
        height: limits.analysisMaxSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      image: {
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        width: info.width,
        height: info.height,
      },
      width: header.width,
      height: header.height,
      scale: info.width / header.width,
      header,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/premature end|truncat|unexpected end|not enough data/i.test(message)) {
      throw new FaceEngineError(
        'image_truncated',
        `the ${header.format.toUpperCase()} data ends before the picture does (truncated upload?)`,
      );
    }
    if (/pixel limit/i.test(message))
      throw new FaceEngineError('image_too_large', `the image has more than ${limits.maxPixels} pixels`, {
        maxPixels: limits.maxPixels,
      });
    throw new FaceEngineError('image_corrupt', `the ${header.format.toUpperCase()} data could not be decoded`);
  }
}
