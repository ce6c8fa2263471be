import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { AnalysisResult } from '@shualian/face-engine';
import sharp from 'sharp';

/**
 * Real face photos that ship inside npm packages, so face tests pass on a fresh clone without ../shared:
 * face-api.js's demo group photos. `faceCrop` cuts one person out with room around the face, `variant` makes another
 * picture of the same person (mirrored, re-framed, relit, re-encoded), as a second visit to the shop would.
 */
const require = createRequire(import.meta.url);
const faceApiDir = dirname(require.resolve('@vladmandic/face-api/package.json'));

export const samplePhoto = (n: 1 | 2 | 3 | 4 | 5 | 6) => join(faceApiDir, 'demo', `sample${n}.jpg`);

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The region around a face box, grown by `margin` of the box size on each side, as a JPEG. */
export async function faceCrop(photo: string, box: Box, margin = 0.6): Promise<Buffer> {
  const image = sharp(photo).rotate();
  const { width = 0, height = 0 } = await image.metadata();
  const left = Math.max(0, Math.round(box.x - box.width * margin));
  const top = Math.max(0, Math.round(box.y - box.height * margin));
  const right = Math.min(width, Math.round(box.x + box.width * (1 + margin)));
  const bottom = Math.min(height, Math.round(box.y + box.height * (1 + margin)));
  return image
    .extract({ left, top, width: right - left, height: bottom - top })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** Another capture of the same face: mirrored, slightly re-framed and relit, re-encoded. */
export async function variant(image: Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const trim = { left: Math.round(width * 0.03), top: Math.round(height * 0.03) };
  return sharp(image)
    .flop()
    .extract({ left: trim.left, top: trim.top, width: width - 2 * trim.left, height: height - trim.top })
    .modulate({ brightness: 1.05 })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * Two different people, each cut from the same demo photo with room around the face, chosen among faces that pass
 * every quality gate (several demo faces are tilted too far to enroll, as the gates intend).
 */
export async function twoPeople(engine: {
  analyze(bytes: Uint8Array): Promise<AnalysisResult>;
}): Promise<{ a: Buffer; b: Buffer; photo: string }> {
  for (const n of [1, 2, 3, 4, 5, 6] as const) {
    const photo = samplePhoto(n);
    const { faces } = await engine.analyze(await readFile(photo));
    const candidates = faces
      .filter((f) => f.quality.ok)
      .sort((x, y) => y.box.width * y.box.height - x.box.width * x.box.height);
    const usable: Buffer[] = [];
    for (const face of candidates) {
      const cropped = await faceCrop(photo, face.box);
      const again = await engine.analyze(cropped);
      if (again.faces.length === 1 && again.subject?.quality.ok && again.subject.liveness.live) usable.push(cropped);
      if (usable.length === 2) return { a: usable[0]!, b: usable[1]!, photo };
    }
  }
  throw new Error('no demo photo shows two people who pass the quality gates');
}

/**
 * `count` people from different demo photos, each the largest face of its photo that passes every gate and reads
 * live, and no two scoring within `apart` of the engine's `match` score together: people the engine tells apart
 * surely (not look-alikes, which the specs made for them test), for journeys about something else.
 */
export async function peopleApart(
  engine: {
    analyze(bytes: Uint8Array): Promise<AnalysisResult>;
  },
  similarity: (a: Float32Array, b: Float32Array) => number,
  options: { count: number; below: number },
): Promise<Buffer[]> {
  const chosen: Array<{ image: Buffer; embedding: Float32Array }> = [];
  for (const n of [1, 2, 3, 4, 5, 6] as const) {
    const photo = samplePhoto(n);
    const { faces } = await engine.analyze(await readFile(photo));
    const candidates = faces
      .filter((f) => f.quality.ok)
      .sort((x, y) => y.box.width * y.box.height - x.box.width * x.box.height);
    for (const face of candidates) {
      const cropped = await faceCrop(photo, face.box);
      const again = await engine.analyze(cropped);
      const subject = again.subject;
      if (again.faces.length !== 1 || !subject?.quality.ok || !subject.liveness.live || !subject.embedding) continue;
      if (chosen.some((c) => similarity(c.embedding, subject.embedding!) >= options.below)) continue;
      chosen.push({ image: cropped, embedding: subject.embedding });
      if (chosen.length === options.count) return chosen.map((c) => c.image);
      break;
    }
  }
  throw new Error(`the demo photos do not hold ${options.count} people apart below ${options.below}`);
}
