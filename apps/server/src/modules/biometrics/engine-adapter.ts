import {
  cosine,
  FaceEngineError,
  FaceEnginePool,
  FacePoolError,
  fuseTemplates,
  decideIdentity,
  DEFAULT_IDENTIFY_POLICY,
  ENTRANCE_ANALYSIS,
  IDENTIFY_POLICY,
  MODEL_ID,
  QUALITY_LIMITS,
  SCORE_CALIBRATION,
  strangerChance,
  THRESHOLDS,
  type AnalyzeOptions,
  type FailureReason,
  type ImageLimits,
  type PoolAnalysis,
} from '@shualian/face-engine';
import { GalleryRegistry } from '@shualian/face-gallery';
import sharp from 'sharp';
import { DomainError, invalid } from '../../platform/domain-errors.ts';
import type { IdentityVerdict } from './identity.policy.ts';
import { IMAGE_LIMITS } from './image-gate.ts';
import type {
  AnalysisOptions,
  FaceInspection,
  FrameAnalysis,
  GalleryMatch,
  GallerySize,
  MemberGallery,
  Recognizer,
} from './face.ports.ts';

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
    stepUp: IDENTIFY_POLICY.stepUpScore,
    margin: IDENTIFY_POLICY.margin,
    // The same face under a second account: the 1:1 score where lfw-dev's false accepts fall to 1e-5 per pair.
    duplicate: THRESHOLDS.high,
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

  async analyze(image: Buffer, options: AnalysisOptions = {}): Promise<FrameAnalysis> {
    const result = await this.run(image, options.purpose === 'entrance' ? ENTRANCE_ANALYSIS : { colour: true });
    const faceCount = result.faces.length;
    const subject = result.subject;
    const alone = isAlone(result);
    const reasons = [
      ...(faceCount === 0 ? ['no_face'] : []),
      ...(subject && !alone ? ['multiple_faces'] : []),
      ...(subject?.quality.reasons ?? []),
    ];
    return {
      faceCount,
      usable: Boolean(subject && alone && subject.quality.ok && subject.embedding),
      identifiable: Boolean(subject?.embedding),
      reasons,
      age: subject?.age ?? null,
      gender: subject?.gender ?? null,
      passiveLive: subject ? subject.liveness.live : false,
      antispoofScore: subject?.liveness.antispoof ?? null,
      livenessScore: subject?.liveness.liveness ?? null,
      embedding: subject?.embedding ?? null,
      box: subject?.box ?? null,
      faceRgb: subject ? result.subjectColour : null,
      turn: subject?.pose.turn ?? null,
      landmarks: subject ? subject.landmarks.map((p): [number, number] => [p[0], p[1]]) : null,
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

  async headPose(
    image: Buffer,
  ): Promise<{ faceCount: number; turn: number | null; landmarks: Array<[number, number]> | null }> {
    const result = await this.run(image, { geometryOnly: true });
    const one = result.faces.length === 1 ? result.faces[0]! : undefined;
    return {
      faceCount: result.faces.length,
      turn: one ? one.pose.turn : null,
      landmarks: one ? one.landmarks.map((p): [number, number] => [p[0], p[1]]) : null,
    };
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return cosine(a, b);
  }

  identify(search: { matches: GalleryMatch[] }, gallery: GallerySize, payChance: number): IdentityVerdict {
    const [top, second] = search.matches;
    return decideIdentity(
      {
        top: top ? { member: top.memberId, score: top.score } : null,
        second: second?.score ?? null,
        entries: SCORE_CALIBRATION.per === 'member' ? gallery.members : gallery.templates,
      },
      { ...DEFAULT_IDENTIFY_POLICY, payChance },
    );
  }

  strangerChance(score: number, gallery: GallerySize): number {
    return strangerChance(
      SCORE_CALIBRATION,
      score,
      SCORE_CALIBRATION.per === 'member' ? gallery.members : gallery.templates,
    );
  }

  fuse(embeddings: Float32Array[]): Float32Array {
    return fuseTemplates(embeddings);
  }

  faceColour(image: Buffer, box: Box): Promise<[number, number, number]> {
    return faceColour(image, box);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(image: Buffer, options: AnalyzeOptions & { colour?: boolean } = {}): Promise<PoolAnalysis> {
    try {
      return await this.pool.analyze(image, options);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

/**
 * Another face is a bystander when it is clearly farther from the camera than the shopper (its box at most this share
 * of theirs, i.e. about 30 % farther away) or only partly seen (detector confidence under the occlusion gate).
 */
const BYSTANDER = { maxAreaShare: 0.6, belowDetectionScore: QUALITY_LIMITS.minDetectionScore };

/**
 * The subject (the largest, most central face) is alone at the camera when every other face is a small one behind it,
 * a bystander in the queue. With two faces of comparable size, who is paying is not the face's to say.
 */
export function isAlone(result: Pick<PoolAnalysis, 'faces' | 'subject'>): boolean {
  const subject = result.subject;
  if (!subject) return false;
  const area = (box: Box) => box.width * box.height;
  return result.faces.every(
    (f) =>
      f === subject ||
      area(f.box) <= BYSTANDER.maxAreaShare * area(subject.box) ||
      f.score < BYSTANDER.belowDetectionScore,
  );
}

/**
 * Mean colour of the inner part of a face box (cheeks, nose and forehead reflect the screen; hair and background do
 * not), for frames the engine does not analyse. The frame has passed the image gate; sharp cuts the box out on its own
 * threads (a worker round trip per frame cost the flash check ~300 ms), and a large box is shrunk before its pixels
 * are summed here, so the event loop adds up at most 256 × 256 of them.
 */
export async function faceColour(image: Buffer, box: Box): Promise<[number, number, number]> {
  try {
    const picture = sharp(image, { limitInputPixels: IMAGE_LIMITS.maxPixels }).rotate();
    const { width = 0, height = 0, orientation = 1 } = await picture.metadata();
    const [frameWidth, frameHeight] = orientation >= 5 ? [height, width] : [width, height];
    const left = Math.min(Math.max(0, Math.round(box.x + box.width * 0.2)), Math.max(0, frameWidth - 1));
    const top = Math.min(Math.max(0, Math.round(box.y + box.height * 0.2)), Math.max(0, frameHeight - 1));
    const w = Math.max(1, Math.min(frameWidth - left, Math.round(box.width * 0.6)));
    const h = Math.max(1, Math.min(frameHeight - top, Math.round(box.height * 0.6)));
    // Pixels, not sharp's stats(): stats() reads the whole source image and ignores the extract.
    const { data, info } = await picture
      .extract({ left, top, width: w, height: h })
      .resize({ width: 256, height: 256, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const sums = [0, 0, 0];
    for (let i = 0; i < data.length; i += info.channels) {
      sums[0]! += data[i]!;
      sums[1]! += data[i + 1]!;
      sums[2]! += data[i + 2]!;
    }
    const pixels = data.length / info.channels;
    return [sums[0]! / pixels, sums[1]! / pixels, sums[2]! / pixels];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /premature end|truncat/i.test(message) ? 'image_truncated' : 'image_corrupt';
    throw new DomainError('invalid', code, `a frame could not be decoded: ${message}`);
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
    options: { k: number; phoneSuffix?: string; members?: ReadonlySet<string> },
  ): { matches: GalleryMatch[]; margin: number } {
    const gallery = this.registry.find(merchantId);
    if (!gallery || gallery.size === 0) return { matches: [], margin: 0 };
    const result = gallery.search(probe, {
      k: options.k,
      phoneSuffix: options.phoneSuffix,
      members: options.members,
    });
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

  extent(merchantId: string, members?: ReadonlySet<string>): GallerySize {
    const gallery = this.registry.find(merchantId);
    if (members)
      return { templates: gallery?.templateCountOf(members) ?? 0, members: gallery?.memberCountOf(members) ?? 0 };
    return { templates: gallery?.size ?? 0, members: gallery?.memberCount ?? 0 };
  }
}
