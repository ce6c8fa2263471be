import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { FaceEngineError } from '../errors.ts';
import { blankPng, blankRgbPng, gifImage, svgImage, truncated } from '../testing.ts';
import { decodeImage } from './decode.ts';
import { inspectImage } from './image-gate.ts';

const noisy = (width = 320, height = 240) =>
  sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  });

async function refusal(work: Promise<unknown>): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof FaceEngineError, `expected FaceEngineError, got ${String(error)}`);
    return { code: error.code, details: error.details };
  }
  return { code: 'accepted' };
}

test('JPEG, PNG and WebP pass with the size their header declares, upright', async () => {
  assert.deepEqual(await inspectImage(await noisy().jpeg().toBuffer()), { format: 'jpeg', width: 320, height: 240 });
  assert.deepEqual(await inspectImage(await noisy().png().toBuffer()), { format: 'png', width: 320, height: 240 });
  assert.deepEqual(await inspectImage(await noisy().webp().toBuffer()), { format: 'webp', width: 320, height: 240 });
  const sideways = await noisy().jpeg().withMetadata({ orientation: 6 }).toBuffer();
  assert.deepEqual(await inspectImage(sideways), { format: 'jpeg', width: 240, height: 320 });
  // Phones append data after a JPEG's end (previews, motion-photo videos): the picture itself is whole.
  const withTrailer = Buffer.concat([await noisy().jpeg().toBuffer(), Buffer.alloc(5000, 0xab)]);
  assert.equal((await inspectImage(withTrailer)).format, 'jpeg');
});

test('the format is read from the bytes: SVG, GIF and other formats are refused by name, anything else is not an image', async () => {
  assert.deepEqual(await refusal(inspectImage(svgImage())), {
    code: 'image_format_unsupported',
    details: { format: 'svg', accepted: ['jpeg', 'png', 'webp'] },
  });
  assert.equal(
    (await refusal(inspectImage(Buffer.from(`\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>`)))).code,
    'image_format_unsupported',
  );
  assert.equal((await refusal(inspectImage(await gifImage()))).details?.format, 'gif');
  assert.equal((await refusal(inspectImage(await noisy().tiff().toBuffer()))).details?.format, 'tiff');
  assert.equal((await refusal(inspectImage(Buffer.from('just some words, not a picture')))).code, 'not_an_image');
  assert.equal((await refusal(inspectImage(new Uint8Array()))).code, 'not_an_image');
});

test('a truncated upload is refused before it is decoded, wherever it was cut', async () => {
  for (const bytes of [
    await noisy().jpeg().toBuffer(),
    await noisy().jpeg({ progressive: true }).toBuffer(),
    await noisy().png().toBuffer(),
    await noisy().webp().toBuffer(),
  ]) {
    for (const share of [0.05, 0.5, 0.99]) {
      assert.equal(
        (await refusal(inspectImage(truncated(bytes, share)))).code,
        'image_truncated',
        `${(await sharp(bytes).metadata()).format} cut at ${share}`,
      );
    }
  }
  const jpeg = await noisy().jpeg().toBuffer();
  assert.equal(
    (await refusal(inspectImage(jpeg.subarray(0, jpeg.length - 2)))).code,
    'image_truncated',
    'only the end marker missing',
  );
});

test('the declared size is checked against the pixel cap and the longest side, from the header alone', async () => {
  for (const [width, height] of [
    [20000, 20000],
    [16000, 16000],
    [1, 12000],
    [8000, 6000],
  ]) {
    const { code, details } = await refusal(inspectImage(blankPng(width!, height!)));
    assert.equal(code, 'image_too_large', `${width}×${height}`);
    assert.deepEqual({ width: details?.width, height: details?.height }, { width, height });
  }
  assert.equal((await refusal(inspectImage(blankPng(2000, 1000), { maxPixels: 1_000_000 }))).code, 'image_too_large');
  assert.equal((await refusal(inspectImage(blankPng(200, 100), { maxBytes: 20 }))).code, 'image_too_large');
});

test('a large picture is decoded straight to the size the engine analyses; its own size is kept for coordinates', async () => {
  const decoded = await decodeImage(await blankRgbPng(6000, 4000));
  assert.deepEqual([decoded.width, decoded.height, decoded.image.width, decoded.image.height], [6000, 4000, 1280, 853]);
  assert.equal(decoded.image.data.length, 1280 * 853 * 3);
  const small = await decodeImage(await noisy(640, 480).jpeg().toBuffer());
  assert.deepEqual(
    [small.image.width, small.image.height, small.scale],
    [640, 480, 1],
    'camera frames are analysed as they are',
  );
  assert.equal(
    (await refusal(decodeImage(svgImage()))).code,
    'image_format_unsupported',
    'decoding passes the gate first',
  );
});
