import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { FaceThresholds, IdentityVerdict } from './identity.policy.ts';

/**
 * What the server needs from face recognition, kept narrow so services do not depend on the engine's internals.
 * `engine-adapter.ts` implements it over @shualian/face-engine and @shualian/face-gallery.
 */
export interface FrameAnalysis {
  faceCount: number;
  /** One usable face that passes every quality gate (faces far smaller behind it are bystanders). */
  usable: boolean;
  /**
   * A subject (the largest, most central face) clear enough to embed, though it may fail a quality gate (blur, pose,
   * light) or stand beside another face of its size: it may be identified with the phone's digits, never by the face
   * alone. The fields below describe that subject.
   */
  identifiable: boolean;
  /** Named reasons a frame is not usable (no_face, multiple_faces, face_too_small, too_dark, blurred, …). */
  reasons: string[];
  /** The engine's estimates for the subject (null without an embedded subject): age in years, and gender. */
  age: number | null;
  gender: 'female' | 'male' | null;
  /** Passive anti-spoofing says this looks like a live face. */
  passiveLive: boolean;
  antispoofScore: number | null;
  livenessScore: number | null;
  embedding: Float32Array | null;
  /** The subject's face box in image pixels (null without a face). */
  box: { x: number; y: number; width: number; height: number } | null;
  /** Mean colour of the face region, for the screen-flash challenge. */
  faceRgb: [number, number, number] | null;
  /** The engine's head turn estimate for the subject (null without a face), for the head-turn challenge. */
  turn: number | null;
  /** The subject's 68 landmarks in image pixels (null without a face), for the head turn's parallax check. */
  landmarks: Array<[number, number]> | null;
}

/** One face as the detect endpoint reports it. */
export interface FaceReport {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  usable: boolean;
  reasons: string[];
  pose: { yaw: number; pitch: number; roll: number; turn: number } | null;
  passiveLive: boolean;
  antispoofScore: number | null;
  livenessScore: number | null;
  age: number | null;
  gender: string | null;
  embedding: Float32Array | null;
}

export interface FaceInspection {
  width: number;
  height: number;
  faces: FaceReport[];
  /** Index in `faces` of the face the camera looks at (largest, most central). */
  subject: number | null;
  timingsMs: Record<string, number>;
}

export interface AnalysisOptions {
  /**
   * `entrance`: a face crop picked by an entrance camera, read only to count and greet: detected small, embedded with
   * the cheaper probe template (comparable with enrolled templates), without passive liveness (`passiveLive` false)
   * or face colour (`faceRgb` null). See docs/benchmarks.md, "Store entrance".
   */
  purpose?: 'entrance';
}

export interface Recognizer {
  /** Identifies the model and its preprocessing; templates from another model are not comparable. */
  readonly model: string;
  /**
   * `match`: the 1:1 threshold (verify, "is this the same shopper"); `stepUp`: the 1:N floor under which a face is nobody
   * we know; `margin`: the least lead of the best member over the runner-up; `duplicate`: the score at which an
   * enrollment is the face of another member.
   */
  readonly thresholds: FaceThresholds & { match: number; margin: number; duplicate: number };
  /**
   * Throws DomainError (400) `not_an_image`, `image_format_unsupported`, `image_too_large`, `image_truncated` or
   * `image_corrupt` for input that is not a usable picture; (503) `face_analysis_failed` or `face_engine_busy` when the
   * engine could not answer. Every method that takes a picture does the same.
   */
  analyze(image: Buffer, options?: AnalysisOptions): Promise<FrameAnalysis>;
  /** Every face with its quality, pose and liveness; embeddings for all faces when `embedAll`. */
  inspect(image: Buffer, options?: { embedAll?: boolean }): Promise<FaceInspection>;
  /** How many faces and where the one face looks, without identifying it: detection and landmarks only, cheap. */
  headPose(
    image: Buffer,
  ): Promise<{ faceCount: number; turn: number | null; landmarks: Array<[number, number]> | null }>;
  /** Mean colour of the inner part of a face box: cheap, for frames that are not fully analysed. */
  faceColour(
    image: Buffer,
    box: { x: number; y: number; width: number; height: number },
  ): Promise<[number, number, number]>;
  similarity(a: Float32Array, b: Float32Array): number;
  /**
   * The chance that a stranger scores at least `score` against a gallery this size: the engine's measured impostor
   * tail (open-set.ts), counted per template or per member as the calibration was measured.
   */
  strangerChance(score: number, gallery: GallerySize): number;
  /** The engine's open-set decision on a gallery search, paying on the face alone only under `payChance`. */
  identify(search: { matches: GalleryMatch[] }, gallery: GallerySize, payChance: number): IdentityVerdict;
  fuse(embeddings: Float32Array[]): Float32Array;
}

export interface GalleryMatch {
  memberId: string;
  score: number;
}

export interface GallerySize {
  templates: number;
  members: number;
}

export interface MemberGallery {
  /** `members`: compare the probe with these members' templates only (no other template is scored). */
  search(
    merchantId: string,
    probe: Float32Array,
    options: { k: number; phoneSuffix?: string; members?: ReadonlySet<string> },
  ): { matches: GalleryMatch[]; margin: number };
  /** Replaces every template of the member at once. */
  putMember(
    merchantId: string,
    memberId: string,
    phoneSuffix: string,
    templates: Array<{ templateId: string; vector: Float32Array }>,
  ): void;
  removeMember(merchantId: string, memberId: string): void;
  size(merchantId: string): number;
  /**
   * Templates and members of the merchant's gallery: what the stranger chance is counted against; with `members`, of
   * those members only (a search restricted to them).
   */
  extent(merchantId: string, members?: ReadonlySet<string>): GallerySize;
}

/** Whether the member's biometric consent is in force: the consent module answers; `trx` when the caller holds the member's lock. */
export interface ConsentInForce {
  active(
    merchantId: string,
    memberId: string,
    trx?: Kysely<Database>,
  ): Promise<{ version: string; granted_at: Date } | undefined>;
}
