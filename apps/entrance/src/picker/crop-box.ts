import type { Box } from './face-tracker.ts';

/**
 * Where a crop is cut and how big it is sent: a square around the face with room on every side (the server's engine
 * finds and aligns the face again inside it, and a tight crop loses the chin or the brow), kept inside the picture,
 * scaled down to at most `maxSide`, and encoded as JPEG at falling qualities until it fits `maxBytes`.
 */
export const CROP_SHAPE = {
  /** room on each side, as a share of the face box's larger side */
  margin: 0.5,
  /** the sent crop's side at most (px): a face fills about half of it, some 80 px between the eyes */
  maxSide: 320,
  /** JPEG qualities tried in turn until the crop fits */
  qualities: [0.85, 0.72, 0.6],
  /** the encoded crop's size at most (bytes, before base64) */
  maxBytes: 60_000,
} as const;

export interface CropRect {
  x: number;
  y: number;
  /** the square's side in the frame (px) */
  side: number;
  /** the side it is sent at (px) */
  outSide: number;
}

/** The square to cut for a face box in a frame, whole pixels, inside the frame. */
export function cropRect(box: Box, frame: { width: number; height: number }, shape = CROP_SHAPE): CropRect {
  const wanted = Math.max(box.width, box.height) * (1 + 2 * shape.margin);
  const side = Math.max(1, Math.round(Math.min(wanted, frame.width, frame.height)));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const x = Math.round(Math.min(Math.max(0, cx - side / 2), frame.width - side));
  const y = Math.round(Math.min(Math.max(0, cy - side / 2), frame.height - side));
  return { x, y, side, outSide: Math.min(side, shape.maxSide) };
}

/**
 * Encodes with each quality in turn until the result fits; the smallest if none does (a face crop of 320 px at 0.6 is
 * far under any limit the server sets). `encode` is the canvas's toBlob or toDataURL, behind a promise.
 */
export async function encodeWithin<T extends { size: number }>(
  encode: (quality: number) => Promise<T>,
  shape = CROP_SHAPE,
): Promise<T> {
  let last: T | undefined;
  for (const quality of shape.qualities) {
    last = await encode(quality);
    if (last.size <= shape.maxBytes) return last;
  }
  return last!;
}
