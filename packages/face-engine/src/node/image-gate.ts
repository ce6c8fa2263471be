import sharp from 'sharp';
import { INPUT_LIMITS } from '../config.ts';
import { FaceEngineError } from '../errors.ts';

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** What an uploaded picture may be before any of its pixels are decoded. */
export interface ImageLimits {
  maxBytes: number;
  /** width × height as the file declares it */
  maxPixels: number;
  /** the longer side as the file declares it */
  maxSide: number;
  /** the longer side the engine analyses; larger pictures are scaled down to it while they are decoded */
  analysisMaxSide: number;
}

export interface ImageHeader {
  format: ImageFormat;
  /** as the file declares them, upright (EXIF orientation applied) */
  width: number;
  height: number;
}

export const imageLimits = (overrides: Partial<ImageLimits> = {}): ImageLimits => ({ ...INPUT_LIMITS, ...overrides });

// Formats recognised only to be named in the refusal; anything else unknown is "not an image".
const UNSUPPORTED: Array<[string, (b: Uint8Array) => boolean]> = [
  ['gif', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['bmp', (b) => ascii(b, 0, 2) === 'BM' && b.length > 26],
  ['tiff', (b) => ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*'],
  ['heif', (b) => ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|avif|avis)$/.test(ascii(b, 8, 12))],
  ['jxl', (b) => (b[0] === 0xff && b[1] === 0x0a) || ascii(b, 4, 8) === 'JXL '],
  ['ico', (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0],
  ['pdf', (b) => ascii(b, 0, 5) === '%PDF-'],
  [
    'svg',
    (b) =>
      /^(\xEF\xBB\xBF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg|<svg)/i.test(
        ascii(b, 0, Math.min(b.length, 4096)),
      ),
  ],
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** The format the first bytes announce, whatever the file calls itself. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | `unsupported:${string}` | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const unsupported = UNSUPPORTED.find(([, test]) => test(bytes));
  return unsupported ? `unsupported:${unsupported[0]}` : undefined;
}

const truncated = (format: ImageFormat) =>
  new FaceEngineError(
    'image_truncated',
    `the ${format.toUpperCase()} data ends before the picture does (truncated upload?)`,
  );
const corrupt = (format: ImageFormat, why: string) =>
  new FaceEngineError('image_corrupt', `the ${format.toUpperCase()} data is damaged: ${why}`);

/**
 * Walks a JPEG's markers from SOI to EOI without decoding: every segment must fit in the data and the entropy-coded
 * scans must be followed by EOI. Bytes after EOI (phones append previews and videos there) are ignored.
 */
function checkJpeg(b: Uint8Array): void {
  let pos = 2;
  let frame = false;
  for (;;) {
    if (pos >= b.length) throw truncated('jpeg');
    if (b[pos] !== 0xff) throw corrupt('jpeg', `no marker at byte ${pos}`);
    while (pos < b.length && b[pos] === 0xff) pos++; // fill bytes
    if (pos >= b.length) throw truncated('jpeg');
    const marker = b[pos++]!;
    if (marker === 0xd9) {
      if (!frame) throw corrupt('jpeg', 'no frame header');
      return;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (pos + 2 > b.length) throw truncated('jpeg');
    const length = (b[pos]! << 8) | b[pos + 1]!;
    if (length < 2) throw corrupt('jpeg', `segment of length ${length}`);
    const next = pos + length;
    if (next > b.length) throw truncated('jpeg');
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    if (marker !== 0xda) {
      pos = next;
      continue;
    }
    if (!frame) throw corrupt('jpeg', 'a scan before the frame header');
    // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte), a restart marker, more fill, or the next marker.
    pos = next;
    for (;;) {
      const ff = b.indexOf(0xff, pos);
      if (ff < 0 || ff + 1 >= b.length) throw truncated('jpeg');
      const following = b[ff + 1]!;
      if (following === 0x00 || (following >= 0xd0 && following <= 0xd7)) pos = ff + 2;
      else if (following === 0xff) pos = ff + 1;
      else {
        pos = ff;
        break;
      }
    }
  }
}

/** Walks a PNG's chunks: each must fit in the data, IHDR first and IEND last. */
function checkPng(b: Uint8Array): void {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 8;
  let first = true;
  for (;;) {
    if (pos + 8 > b.length) throw truncated('png');
    const length = view.getUint32(pos);
    const type = ascii(b, pos + 4, pos + 8);
    if (first && type !== 'IHDR') throw corrupt('png', 'the first chunk is not IHDR');
    if (length > 0x7fffffff) throw corrupt('png', `chunk ${type} claims ${length} bytes`);
    first = false;
    const next = pos + 12 + length;
    if (next > b.length) throw truncated('png');
    if (type === 'IEND') return;
    pos = next;
  }
}

/** A WebP's RIFF header says how long the file is. */
function checkWebp(b: Uint8Array): void {
  const riffLength = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(4, true);
  if (riffLength < 4) throw corrupt('webp', 'empty RIFF container');
  if (riffLength + 8 > b.length) throw truncated('webp');
}

/**
 * The gate every uploaded picture passes before anything decodes it: the byte count, the format by its magic bytes
 * (JPEG, PNG or WebP only), the file's structure through to its end (a truncated upload is refused here), and the
 * dimensions the header declares, against the pixel cap and the longest side. Reads headers only; no pixel is decoded.
 */
export async function inspectImage(bytes: Uint8Array, limits: Partial<ImageLimits> = {}): Promise<ImageHeader> {
  const { maxBytes, maxPixels, maxSide } = imageLimits(limits);
  if (bytes.byteLength > maxBytes) {
    throw new FaceEngineError('image_too_large', `the image is ${bytes.byteLength} bytes; the limit is ${maxBytes}`, {
      maxBytes,
    });
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed === undefined) throw new FaceEngineError('not_an_image', 'the data is not a JPEG, PNG or WebP image');
  if (sniffed.startsWith('unsupported:')) {
    const format = sniffed.slice('unsupported:'.length);
    throw new FaceEngineError(
      'image_format_unsupported',
      `images must be JPEG, PNG or WebP, not ${format.toUpperCase()}`,
      { format, accepted: ['jpeg', 'png', 'webp'] },
    );
  }
  const format = sniffed as ImageFormat;
  if (format === 'jpeg') checkJpeg(bytes);
  else if (format === 'png') checkPng(bytes);
  else checkWebp(bytes);

  let width: number, height: number;
  try {
    // Header only: sharp's own pixel limit would refuse the largest pictures as unreadable rather than as too large.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (metadata.format !== format) throw new Error(`sharp reads ${metadata.format}`);
    const sideways = (metadata.orientation ?? 1) >= 5;
    width = (sideways ? metadata.height : metadata.width) ?? 0;
    height = (sideways ? metadata.width : metadata.height) ?? 0;
  } catch (error) {
    throw corrupt(format, `the header cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (width < 1 || height < 1) throw corrupt(format, 'no dimensions in the header');
  if (width * height > maxPixels || Math.max(width, height) > maxSide) {
    throw new FaceEngineError(
      'image_too_large',
      `the image is ${width}×${height}; at most ${maxPixels} pixels and ${maxSide} px on the longer side are accepted`,
      {
        width,
        height,
        maxPixels,
        maxSide,
      },
    );
  }
  return { format, width, height };
}
