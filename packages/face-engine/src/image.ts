/** An 8-bit RGB picture in memory, row-major, 3 bytes a pixel: what every stage of the engine works on. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Point = [number, number];

/**
 * Fills a width×height picture where output pixel (u, v) comes from source point `map(u, v)` (bilinear; outside the
 * picture reads as black); with `mirror`, the output is flipped left to right.
 */
export function warp(
  image: RgbImage,
  width: number,
  height: number,
  map: (u: number, v: number) => Point,
  mirror = false,
): RgbImage {
  const data = new Uint8Array(width * height * 3);
  const { data: src, width: sw, height: sh } = image;
  const px = (xi: number, yi: number, c: number) =>
    xi < 0 || yi < 0 || xi >= sw || yi >= sh ? 0 : src[(yi * sw + xi) * 3 + c]!;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const [x, y] = map(mirror ? width - 1 - u : u, v);
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const o = (v * width + u) * 3;
      const inside = x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh;
      for (let c = 0; c < 3; c++) {
        let top: number, bottom: number;
        if (inside) {
          const i = (y0 * sw + x0) * 3 + c;
          top = src[i]! * (1 - fx) + src[i + 3]! * fx;
          bottom = src[i + sw * 3]! * (1 - fx) + src[i + sw * 3 + 3]! * fx;
        } else {
          top = px(x0, y0, c) * (1 - fx) + px(x0 + 1, y0, c) * fx;
          bottom = px(x0, y0 + 1, c) * (1 - fx) + px(x0 + 1, y0 + 1, c) * fx;
        }
        data[o + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { data, width, height };
}

export function crop(image: RgbImage, box: Box): RgbImage {
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const width = Math.max(1, Math.min(image.width - left, Math.round(box.width)));
  const height = Math.max(1, Math.min(image.height - top, Math.round(box.height)));
  const data = new Uint8Array(width * height * 3);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * image.width + left) * 3;
    data.set(image.data.subarray(from, from + width * 3), row * width * 3);
  }
  return { data, width, height };
}

/** A mid-grey border around the picture: detectors find tightly cropped faces once they see some context. */
export function pad(image: RgbImage, border: number, fill = 128): RgbImage {
  const width = image.width + 2 * border;
  const height = image.height + 2 * border;
  const data = new Uint8Array(width * height * 3).fill(fill);
  for (let row = 0; row < image.height; row++) {
    data.set(
      image.data.subarray(row * image.width * 3, (row + 1) * image.width * 3),
      ((row + border) * width + border) * 3,
    );
  }
  return { data, width, height };
}

export function resize(image: RgbImage, width: number, height: number, mirror = false): RgbImage {
  const sx = image.width / width;
  const sy = image.height / height;
  return warp(image, width, height, (u, v) => [(u + 0.5) * sx - 0.5, (v + 0.5) * sy - 0.5], mirror);
}

/**
 * Mean colour of the inner part of a face box (the middle 60 %: cheeks, nose and forehead reflect a screen's light;
 * hair and background do not), for the screen-flash challenge.
 */
export function innerFaceColour(image: RgbImage, box: Box): [number, number, number] {
  const left = Math.min(Math.max(0, Math.round(box.x + box.width * 0.2)), Math.max(0, image.width - 1));
  const top = Math.min(Math.max(0, Math.round(box.y + box.height * 0.2)), Math.max(0, image.height - 1));
  const width = Math.max(1, Math.min(image.width - left, Math.round(box.width * 0.6)));
  const height = Math.max(1, Math.min(image.height - top, Math.round(box.height * 0.6)));
  const sums = [0, 0, 0];
  for (let row = top; row < top + height; row++) {
    for (let i = (row * image.width + left) * 3, end = i + width * 3; i < end; i += 3) {
      sums[0]! += image.data[i]!;
      sums[1]! += image.data[i + 1]!;
      sums[2]! += image.data[i + 2]!;
    }
  }
  const pixels = width * height;
  return [sums[0]! / pixels, sums[1]! / pixels, sums[2]! / pixels];
}
