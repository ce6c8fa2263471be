import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/**
 * The demo member's face: one person cut from a group photo that ships with face-api.js (sample5.jpg), so the demo
 * needs no download and no camera. This face was chosen because it passes every quality gate and passive liveness
 * with a margin (antispoof 0.82 against 0.5 on the crop), and it is neither of the two people the browser suite
 * enrolls (test/face-images.ts, from sample3.jpg).
 */
const require = createRequire(import.meta.url);
export const DEMO_FACE_PHOTO = join(
  dirname(require.resolve('@vladmandic/face-api/package.json')),
  'demo',
  'sample5.jpg',
);
/** The face with room around it (the face box 1058,241 279×248 grown by 0.6 of its size on each side). */
const REGION = { left: 891, top: 92, width: 613, height: 546 };

/** Where the face turns in that picture (centre of the face box, 0.85 of its width), for a head-turn step-up. */
export const DEMO_FACE_AXIS = { centreX: 306, radius: 237 };

let cached: Promise<Buffer> | undefined;

/** The demo member's face as a JPEG, the picture enrolled at start-up and played by the kiosk's demo camera. */
export function demoFace(): Promise<Buffer> {
  cached ??= sharp(DEMO_FACE_PHOTO).rotate().extract(REGION).jpeg({ quality: 92 }).toBuffer();
  return cached;
}
