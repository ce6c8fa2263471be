import {
  cosine,
  FaceEngineError,
  FaceEnginePool,
  FacePoolError,
  fuseTemplates,
  MODEL_ID,
  THRESHOLDS,
  type FailureReason,
  type ImageLimits,
  type PoolAnalysis,
} from '@shualian/face-engine';
import { GalleryRegistry } from '@shualian/face-gallery';
import { DomainError, invalid } from '../../domain/errors.ts';
import { IMAGE_LIMITS } from './image-gate.ts';
import type { FaceInspection, FrameAnalysis, GalleryMatch, MemberGallery, Recognizer } from './ports.ts';

export { faceColour } from '@shualian/face-engine';

type Box = { x: number; y: number; width: number; height: number };

export { MAX_IMAGE_BYTES } from './image-gate.ts';

export interface EngineSettings {
  /** worker threads, each with its own engine */
  workers?: number;
  /** V8 heap limit of each worker, MB */
  workerMemoryMb?: number;
  /** how long one analysis may run before its worker is replaced */
  jobDeadlineMs?: number;
  /** the image gate (tests loosen it to reach the engine's own failures) */
  limits?: Partial<ImageLimits>;
  onWorkerReplaced?: (event: { reason: FailureReason; detail: string }) => void;
}

/** The face engine behind the Recognizer port: a pool of worker threads, so no image work runs on the event loop. */
export class EngineRecognizer implements Recognizer {
  readonly model = MODEL_ID;
  readonly thresholds: Recognizer['thresholds'] = {
    match: THRESHOLDS.match,
    high: THRESHOLDS.high,
    margin: THRESHOLDS.margin,
    duplicate: THRESHOLDS.match,
  };

  private constructor(private readonly pool: FaceEnginePool) {}

  static async load(settings: EngineSettings = {}): Promise<EngineRecognizer> {
    const pool = await FaceEnginePool.start({
      size: settings.workers,
      memoryMb: settings.workerMemoryMb,
      deadlineMs: settings.jobDeadlineMs,
      limits: { ...IMAGE_LIMITS, ...settings.limits },
      onWorkerReplaced: settings.onWorkerReplaced,
    });
    return new EngineRecognizer(pool);
  }

  /** The worker pool itself: the engine's full results (tests pick their faces with it). */
  get faceEngine(): FaceEnginePool {
    return this.pool;
  }

  async analyze(image: Buffer): Promise<FrameAnalysis> {
    const result = await this.run(image, { colour: true });
    const faceCount = result.faces.length;
    const subject = faceCount === 1 ? result.subject : undefined;
    const reasons =
      faceCount === 0 ? ['no_face'] : faceCount > 1 ? ['multiple_faces'] : [...(subject?.quality.reasons ?? [])];
    return {
      faceCount,
      usable: Boolean(subject && subject.quality.ok && subject.embedding),
      reasons,
      passiveLive: subject ? subject.liveness.live : false,
      antispoofScore: subject?.liveness.antispoof ?? null,
      livenessScore: subject?.liveness.liveness ?? null,
      embedding: subject?.embedding ?? null,
      box: subject?.box ?? null,
      faceRgb: subject ? result.subjectColour : null,
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
      // A worker's reply keeps shared references, so the subject is one of the faces.
      subject: result.subject ? result.faces.indexOf(result.subject) : null,
      timingsMs: Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    };
  }

  async headPose(image: Buffer): Promise<{ faceCount: number; turn: number | null }> {
    const result = await this.run(image, { geometryOnly: true });
    return { faceCount: result.faces.length, turn: result.faces.length === 1 ? result.faces[0]!.pose.turn : null };
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return cosine(a, b);
  }

  fuse(embeddings: Float32Array[]): Float32Array {
    return fuseTemplates(embeddings);
  }

  async faceColour(image: Buffer, box: Box): Promise<[number, number, number]> {
    try {
      return await this.pool.faceColour(image, box);
    } catch (error) {
      throw toDomainError(error);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(
    image: Buffer,
    options: { embedAll?: boolean; geometryOnly?: boolean; colour?: boolean } = {},
  ): Promise<PoolAnalysis> {
    try {
      return await this.pool.analyze(image, options);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

export function toDomainError(error: unknown): Error {
  if (error instanceof FaceEngineError) return new DomainError('invalid', error.code, error.message, error.details);
  if (error instanceof FacePoolError) return new DomainError('unavailable', error.code, error.message, error.details);
  return error instanceof Error ? error : new Error(String(error));
}

/** Every merchant's gallery, in memory, rebuilt from the encrypted templates on start. */
export class EngineGallery implements MemberGallery {
  private readonly registry = new GalleryRegistry();

  search(
    merchantId: string,
    probe: Float32Array,
    options: { k: number; phoneSuffix?: string },
  ): { matches: GalleryMatch[]; margin: number } {
    const gallery = this.registry.find(merchantId);
    if (!gallery || gallery.size === 0) return { matches: [], margin: 0 };
    const result = gallery.search(probe, { k: options.k, phoneSuffix: options.phoneSuffix });
    return { matches: result.matches.map((m) => ({ memberId: m.memberId, score: m.score })), margin: result.margin };
  }

  putMember(
    merchantId: string,
    memberId: string,
    phoneSuffix: string,
    templates: Array<{ templateId: string; vector: Float32Array }>,
  ): void {
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
