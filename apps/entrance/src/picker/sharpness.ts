/**
 * How sharp and how lit a face is, from its pixels: the variance of the 4-neighbour Laplacian (blur, from focus or from
 * someone walking past, flattens it) and the mean brightness, both on the face's inner part resampled to a fixed size,
 * so a large face and a small one are measured alike. Pure arithmetic on RGBA pixels (what a canvas's getImageData
 * gives), so the node specs measure the same numbers the device does.
 */

/** The face is resampled to this many pixels a side before it is measured (the server's chip is 150 px of a wider area). */
export const MEASURE_SIDE = 96;

export interface FacePixels {
  /** RGBA, row-major, 4 bytes a pixel */
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** Luminance (0–255) of each pixel, ITU-R BT.601 weights as the server's gates use. */
export function greyOf(pixels: FacePixels): Float32Array {
  const grey = new Float32Array(pixels.width * pixels.height);
  const d = pixels.data;
  for (let i = 0; i < grey.length; i++) grey[i] = 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;
  return grey;
}

/**
 * The grey picture at size×size: each output pixel the mean of the source pixels it covers when shrinking (so
 * sensor noise averages out as it does in any downscale), bilinear when enlarging (a small face stays soft).
 */
export function resampleGrey(grey: Float32Array, width: number, height: number, size: number): Float32Array {
  const out = new Float32Array(size * size);
  const sx = width / size;
  const sy = height / size;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      if (sx >= 1 && sy >= 1) {
        const x0 = Math.floor(u * sx);
        const x1 = Math.max(x0 + 1, Math.floor((u + 1) * sx));
        const y0 = Math.floor(v * sy);
        const y1 = Math.max(y0 + 1, Math.floor((v + 1) * sy));
        let sum = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += grey[y * width + x]!;
        out[v * size + u] = sum / ((x1 - x0) * (y1 - y0));
      } else {
        const x = Math.min(width - 1, Math.max(0, (u + 0.5) * sx - 0.5));
        const y = Math.min(height - 1, Math.max(0, (v + 0.5) * sy - 0.5));
        const xa = Math.floor(x);
        const ya = Math.floor(y);
        const xb = Math.min(width - 1, xa + 1);
        const yb = Math.min(height - 1, ya + 1);
        const fx = x - xa;
        const fy = y - ya;
        const top = grey[ya * width + xa]! * (1 - fx) + grey[ya * width + xb]! * fx;
        const bottom = grey[yb * width + xa]! * (1 - fx) + grey[yb * width + xb]! * fx;
        out[v * size + u] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}

/** Variance of the 4-neighbour Laplacian over the inside of a size×size grey picture: 0 for a flat one. */
export function laplacianVariance(grey: Float32Array, size: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < size - 1; y++) {
    for (let x = 1; x < size - 1; x++) {
      const i = y * size + x;
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - size]! + grey[i + size]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

export interface FaceMeasure {
  sharpness: number;
  brightness: number;
}

/** Sharpness and brightness of a face's pixels (the inner part of its detector box, as the caller cut it). */
export function measureFace(pixels: FacePixels): FaceMeasure {
  const grey = resampleGrey(greyOf(pixels), pixels.width, pixels.height, MEASURE_SIDE);
  let sum = 0;
  for (const v of grey) sum += v;
  return { sharpness: laplacianVariance(grey, MEASURE_SIDE), brightness: sum / grey.length };
}
