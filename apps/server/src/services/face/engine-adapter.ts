import { createFaceEngine, FaceEngineError, fuseTemplates, type FaceEngine } from '@shualian/face-engine';
import { GalleryRegistry } from '@shualian/face-gallery';
import sharp from 'sharp';
import { DomainError, invalid } from '../../domain/errors.ts';
import type { FaceInspection, FrameAnalysis, GalleryMatch, MemberGallery, Recognizer } from './ports.ts';

type Box = { x: number; y: number; width: number; height: number };

/** Bytes a single uploaded image may have. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** The face engine behind the Recognizer port. */
export class EngineRecognizer implements Recognizer {
  readonly model: string;
  readonly thresholds: Recognizer['thresholds'];

  private constructor(private readonly engine: FaceEngine) {
    this.model = engine.model;
    const t = engine.thresholds;
    this.thresholds = { match: t.match, high: t.high, margin: t.margin, duplicate: t.match };
  }

  static async load(): Promise<EngineRecognizer> {
    return new EngineRecognizer(await createFaceEngine());
  }

  get faceEngine(): FaceEngine {
    return this.engine;
  }

  async analyze(image: Buffer): Promise<FrameAnalysis> {
    const result = await this.run(image);
    const faceCount = result.faces.length;
    const subject = faceCount === 1 ? result.subject : undefined;
    const reasons = faceCount === 0 ? ['no_face'] : faceCount > 1 ? ['multiple_faces'] : [...(subject?.quality.reasons ?? [])];
    return {
      faceCount,
      usable: Boolean(subject && subject.quality.ok && subject.embedding),
      reasons,
      passiveLive: subject ? subject.liveness.live : false,
      antispoofScore: subject?.liveness.antispoof ?? null,
      livenessScore: subject?.liveness.liveness ?? null,
      embedding: subject?.embedding ?? null,
      box: subject?.box ?? null,
      faceRgb: subject ? await this.faceColour(image, subject.box) : null,
      turn: subject?.pose.turn ?? null,
    };
  }

  async inspect(image: Buffer, options: { embedAll?: boolean } = {}): Promise<FaceInspection> {
    const result = await this.run(image, { embedAll: options.embedAll });
    return {
      width: result.width,
      height: result.height,
      faces: result.faces.map((f) => ({
        box: f.box,
        score: f.score,
        usable: f.quality.ok && result.faces.length === 1,
        reasons: [...f.quality.reasons],
        pose: f.pose,
        passiveLive: f.liveness.live,
        antispoofScore: f.embedding ? f.liveness.antispoof : null,
        livenessScore: f.embedding ? f.liveness.liveness : null,
        age: f.age,
        gender: f.gender,
        embedding: f.embedding,
      })),
      subject: result.subject ? result.faces.indexOf(result.subject) : null,
      timingsMs: Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    };
  }

  async headPose(image: Buffer): Promise<{ faceCount: number; turn: number | null }> {
    const result = await this.run(image, { geometryOnly: true });
    return { faceCount: result.faces.length, turn: result.faces.length === 1 ? result.faces[0]!.pose.turn : null };
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return this.engine.similarity(a, b);
  }

  fuse(embeddings: Float32Array[]): Float32Array {
    return fuseTemplates(embeddings);
  }

  faceColour(image: Buffer, box: Box): Promise<[number, number, number]> {
    return faceColour(image, box);
  }

  private async run(image: Buffer, options: { embedAll?: boolean; geometryOnly?: boolean } = {}) {
    try {
      return await this.engine.analyze(image, { maxBytes: MAX_IMAGE_BYTES, ...options });
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

/** Mean colour of the inner part of a face box (cheeks, nose and forehead reflect the screen; hair and background do not). */
export async function faceColour(image: Buffer, box: Box): Promise<[number, number, number]> {
  const picture = sharp(image).rotate();
  const { width = 0, height = 0, orientation = 1 } = await picture.metadata();
  const [frameWidth, frameHeight] = orientation >= 5 ? [height, width] : [width, height];
  const left = Math.min(Math.max(0, Math.round(box.x + box.width * 0.2)), Math.max(0, frameWidth - 1));
  const top = Math.min(Math.max(0, Math.round(box.y + box.height * 0.2)), Math.max(0, frameHeight - 1));
  const w = Math.max(1, Math.min(frameWidth - left, Math.round(box.width * 0.6)));
  const h = Math.max(1, Math.min(frameHeight - top, Math.round(box.height * 0.6)));
  // Pixels, not sharp's stats(): stats() reads the whole source image and ignores the extract.
  const { data, info } = await picture.extract({ left, top, width: w, height: h }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) {
    sums[0]! += data[i]!;
    sums[1]! += data[i + 1]!;
    sums[2]! += data[i + 2]!;
  }
  const pixels = data.length / info.channels;
  return [sums[0]! / pixels, sums[1]! / pixels, sums[2]! / pixels];
}

export function toDomainError(error: unknown): Error {
  if (error instanceof FaceEngineError) {
    const tooLarge = error.code === 'image_too_large';
    return new DomainError('invalid', error.code, error.message, tooLarge ? { maxBytes: MAX_IMAGE_BYTES } : undefined);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Every merchant's gallery, in memory, rebuilt from the encrypted templates on start. */
export class EngineGallery implements MemberGallery {
  private readonly registry = new GalleryRegistry();

  search(merchantId: string, probe: Float32Array, options: { k: number; phoneSuffix?: string }): { matches: GalleryMatch[]; margin: number } {
    const gallery = this.registry.find(merchantId);
    if (!gallery || gallery.size === 0) return { matches: [], margin: 0 };
    const result = gallery.search(probe, { k: options.k, phoneSuffix: options.phoneSuffix });
    return { matches: result.matches.map((m) => ({ memberId: m.memberId, score: m.score })), margin: result.margin };
  }

  putMember(merchantId: string, memberId: string, phoneSuffix: string, templates: Array<{ templateId: string; vector: Float32Array }>): void {
    if (templates.length === 0) throw invalid('no_templates', 'a member needs at least one template');
    const gallery = this.registry.forMerchant(merchantId, templates[0]!.vector.length);
    gallery.removeMember(memberId);
    for (const t of templates) gallery.add({ templateId: t.templateId, memberId, vector: t.vector, phoneSuffix });
  }

  removeMember(merchantId: string, memberId: string): void {
    this.registry.find(merchantId)?.removeMember(memberId);
  }

  size(merchantId: string): number {
    return this.registry.find(merchantId)?.size ?? 0;
  }
}
