import sharp from 'sharp';
import { colourAt, type ColourChallenge } from '../src/modules/biometrics/liveness/colour-challenge.ts';
import type { HeadTurnChallenge } from '../src/modules/biometrics/liveness/head-turn-challenge.ts';
import type { Recognizer } from '../src/modules/biometrics/face.ports.ts';

/**
 * A stand-in for the physics of the screen-flash challenge, for tests: a real face photo plays the shopper, and each
 * frame is lit by the colour the kiosk screen shows at that moment (a translucent layer of it), seen `delayMs` late
 * as a camera would, and re-encoded as JPEG like a kiosk upload. `respond: false` plays a printed photo or a replayed
 * screen: the same picture, untouched by the flashes.
 */
export async function captureFrames(
  photo: Buffer,
  challenge: ColourChallenge,
  options: { respond?: boolean; delayMs?: number; strength?: number; everyMs?: number; maxFrames?: number } = {},
): Promise<Array<{ image: Buffer; atMs: number }>> {
  const { respond = true, delayMs = 120, strength = 0.12, everyMs = 200, maxFrames = 12 } = options;
  const base = sharp(photo).rotate().removeAlpha();
  const { width, height } = await base.metadata();
  const source = await base.toBuffer();
  const frames: Array<{ image: Buffer; atMs: number }> = [];
  for (let atMs = 60; atMs < challenge.totalMs && frames.length < maxFrames; atMs += everyMs) {
    const shown = colourAt(challenge, atMs - delayMs)?.rgb;
    let frame = sharp(source);
    if (respond && shown) {
      frame = frame.composite([
        {
          input: {
            create: {
              width: width!,
              height: height!,
              channels: 4,
              background: { r: shown[0], g: shown[1], b: shown[2], alpha: strength },
            },
          },
          blend: 'over',
        },
      ]);
    }
    frames.push({ image: await frame.jpeg({ quality: 88 }).toBuffer(), atMs });
  }
  return frames;
}

export const toBase64Frames = (frames: Array<{ image: Buffer; atMs: number }>) =>
  frames.map((f) => ({ image: f.image.toString('base64'), atMs: f.atMs }));

/** Where a photo's face turns: a vertical axis through the face's centre, the face a cylinder of this radius. */
export interface TurnAxis {
  centreX: number;
  radius: number;
}

export async function faceAxis(recognizer: Recognizer, photo: Buffer): Promise<TurnAxis> {
  const { box } = await recognizer.analyze(photo);
  if (!box) throw new Error('no single face in the photo to turn');
  return { centreX: box.x + box.width / 2, radius: box.width * 0.85 };
}

/**
 * A stand-in for a head turning by `degrees` (positive: to the shopper's own left, so the nose moves to the picture's
 * right): the face is taken as a cylinder around a vertical axis and rotated; columns beyond the cylinder stay.
 * Real heads are not cylinders, but the landmarks the engine reads (nose tip between the jaw's edges) move the same way.
 */
export async function turnedHead(photo: Buffer, degrees: number, axis: TurnAxis): Promise<Buffer> {
  const { data, info } = await sharp(photo).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(data.length);
  const from = sourceColumns(info.width, degrees, axis);
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++)
      data.copy(out, (y * info.width + x) * 3, (y * info.width + from[x]!) * 3, (y * info.width + from[x]!) * 3 + 3);
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** For each column of the turned picture, the column of the original it shows. */
function sourceColumns(width: number, degrees: number, { centreX, radius }: TurnAxis): Int32Array {
  const turn = (degrees * Math.PI) / 180;
  const from = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const across = (x - centreX) / radius;
    const angle = Math.abs(across) < 1 ? Math.max(-Math.PI / 2, Math.min(Math.PI / 2, Math.asin(across) - turn)) : null;
    from[x] = angle === null ? x : Math.max(0, Math.min(width - 1, Math.round(centreX + radius * Math.sin(angle))));
  }
  return from;
}

/**
 * Frames of the head-turn step-up, every `everyMs` over the challenge: a shopper who looks at the screen, turns
 * (45° by default, a decisive turn as asked) to the asked side `reactMs` after the prompt, over 300 ms, and back after
 * the next prompt. `follow: false` plays a still photo; `'wrong_side'` a shopper (or a video) turning the other way.
 */
export async function captureHeadTurn(
  photo: Buffer,
  challenge: HeadTurnChallenge,
  axis: TurnAxis,
  options: { follow?: boolean | 'wrong_side'; degrees?: number; reactMs?: number; everyMs?: number } = {},
): Promise<Array<{ image: Buffer; atMs: number }>> {
  const { follow = true, degrees = 45, reactMs = 300, everyMs = Math.ceil(challenge.totalMs / 15) } = options;
  const side = (challenge.side === 'left' ? 1 : -1) * (follow === 'wrong_side' ? -1 : 1);
  const eased = (atMs: number, from: number) => Math.min(1, Math.max(0, (atMs - from - reactMs) / 300));
  const frames: Array<{ image: Buffer; atMs: number }> = [];
  for (let atMs = 60; atMs < challenge.totalMs; atMs += everyMs) {
    const turned = follow ? side * degrees * (eased(atMs, challenge.turnAtMs) - eased(atMs, challenge.backAtMs)) : 0;
    frames.push({
      image: turned === 0 ? await sharp(photo).jpeg({ quality: 88 }).toBuffer() : await turnedHead(photo, turned, axis),
      atMs,
    });
  }
  return frames;
}
