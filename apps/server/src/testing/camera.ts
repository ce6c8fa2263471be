import sharp from 'sharp';
import { colourAt, type ColourChallenge } from '../domain/colour-challenge.ts';

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
        { input: { create: { width: width!, height: height!, channels: 4, background: { r: shown[0], g: shown[1], b: shown[2], alpha: strength } } }, blend: 'over' },
      ]);
    }
    frames.push({ image: await frame.jpeg({ quality: 88 }).toBuffer(), atMs });
  }
  return frames;
}

export const toBase64Frames = (frames: Array<{ image: Buffer; atMs: number }>) =>
  frames.map((f) => ({ image: f.image.toString('base64'), atMs: f.atMs }));
