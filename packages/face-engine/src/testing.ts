import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Hostile pictures for tests, made on the fly (nothing large is committed). sharp makes the ones it encodes quickly;
 * the giant blank PNGs are written by hand (1-bit grey, one deflated IDAT) because sharp takes 15 s or more to encode
 * 400 megapixels. Every one of them is a valid file that a decoder would expand to its declared size.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A white PNG of any size, a few kilobytes to a few tens of kilobytes long. */
export function blankPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rowBytes = 1 + Math.ceil(width / 8);
  const raw = Buffer.alloc(rowBytes * height, 0xff);
  for (let row = 0; row < height; row++) raw[row * rowBytes] = 0; // filter type "none"
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A blank RGB PNG made by sharp (the 6000×4000 one is ~70 KB, the size of the upload that once stopped the engine). */
export function blankRgbPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
}

/** An SVG that declares itself `size` px square. */
export const svgImage = (size = 20000): Buffer =>
  Buffer.from(
    `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="#fff"/></svg>`,
  );

export const gifImage = (): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
    .gif()
    .toBuffer();

/** The first `share` of a picture's bytes: an upload cut off on the way. */
export const truncated = (bytes: Buffer, share = 0.6): Buffer =>
  Buffer.from(bytes.subarray(0, Math.floor(bytes.length * share)));
