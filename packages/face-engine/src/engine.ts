import type * as Tf from '@tensorflow/tfjs';
import { alignedChip, fivePoints } from './align.ts';
import { EMBEDDING_FUSION, MODEL_ID, PASSIVE_LIVENESS, THRESHOLDS } from './config.ts';
import { FaceEngineError } from './errors.ts';
import { cosine, normalise } from './vectors.ts';
import { composeTemplate, templateDimensions } from './template.ts';
import { crop, pad, resize, warp, type Box, type Point, type RgbImage } from './image.ts';
import { loadModels, type LoadedModels } from './models.ts';
import { assessQuality, estimatePose, type Pose, type Quality } from './quality.ts';
import { faceapi, initRuntime, tf } from './runtime.ts';

export interface PassiveLiveness {
  /** Human's anti-spoofing model: 1 looks like a real face, 0 like a print or a screen. */
  antispoof: number;
  /** Human's liveness model, same scale. */
  liveness: number;
  live: boolean;
}

export interface DetectedFace {
  box: Box;
  score: number;
  /** 68 landmarks in image pixels. */
  landmarks: Point[];
  /** Eye centres, nose tip, mouth corners: the points the chip is aligned on. */
  alignmentPoints: Point[];
  pose: Pose;
  quality: Quality;
  liveness: PassiveLiveness;
  /** Unit-length identity vector; null for faces that were not embedded. */
  embedding: Float32Array | null;
  /** face-api's descriptors of each chip and its mirror, scale by scale, when asked for (`descriptors`) */
  descriptors?: Float32Array[];
  age: number | null;
  gender: 'female' | 'male' | null;
}

export interface AnalyzeOptions {
  /** Embed every face, not only the subject (for group photos). */
  embedAll?: boolean;
  /** Stop after landmarks, pose and quality: no liveness, embedding or age (for following a head turn). */
  geometryOnly?: boolean;
  /**
   * The tiny detector's input side (px, a multiple of 32; default 416). A picture that is one face crop needs far less
   * than a frame with faces across the room, and the detector's cost grows with the square of this side.
   */
  detectorInputSize?: number;
  /** The template's chip scales, each with its mirror (default EMBEDDING_FUSION.chipScales): fewer is a cheaper probe. */
  chipScales?: readonly number[];
  /** No passive liveness (reported as not live): for uses that never decide on it, such as counting at a door. */
  skipLiveness?: boolean;
  /** Keep face-api's descriptor of each chip on the embedded faces (benches compose other templates from them). */
  descriptors?: boolean;
}

export interface AnalysisResult {
  width: number;
  height: number;
  faces: DetectedFace[];
  /** The largest, most central face: whom the camera is looking at. */
  subject?: DetectedFace;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

// A tightly cropped face is found once the picture has a border of this share of its longer side.
const RETRY_PADDING = 0.5;
// Primary pass with the tiny detector (same accuracy as SSD on faces-bbt, 4× faster: see docs/benchmarks.md), then,
// if nothing was found, SSD on the padded picture at low confidence. SHUALIAN_FACE_DETECTOR=ssd reproduces the SSD row.
const DETECTION = {
  primary: (globalThis.process?.env?.SHUALIAN_FACE_DETECTOR === 'ssd' ? 'ssd' : 'tiny') as 'ssd' | 'tiny',
  tinyInputSize: 416,
  minConfidence: 0.3,
  tightCropMinConfidence: 0.05,
  padUpFrontMaxSide: 400,
};

function subjectOf(faces: DetectedFace[], width: number, height: number): DetectedFace | undefined {
  const weight = (f: DetectedFace) => {
    const cx = f.box.x + f.box.width / 2 - width / 2;
    const cy = f.box.y + f.box.height / 2 - height / 2;
    const offCentre = Math.hypot(cx / width, cy / height);
    return f.box.width * f.box.height * (1 - offCentre);
  };
  return [...faces].sort((a, b) => weight(b) - weight(a))[0];
}

/**
 * Drops detections that lie mostly (> half their area) under higher-scoring ones: the tiny detector sometimes fires on
 * the gap between two neighbouring faces, which would count as an extra person.
 */
function withoutStraddlers<T extends { box: { x: number; y: number; width: number; height: number }; score: number }>(
  detections: T[],
): T[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const d of sorted) {
    let covered = 0;
    for (const k of kept) {
      const w = Math.min(d.box.x + d.box.width, k.box.x + k.box.width) - Math.max(d.box.x, k.box.x);
      const h = Math.min(d.box.y + d.box.height, k.box.y + k.box.height) - Math.max(d.box.y, k.box.y);
      if (w > 0 && h > 0) covered += w * h;
    }
    if (covered <= 0.5 * d.box.width * d.box.height) kept.push(d);
  }
  return kept;
}

const tensorOf = (image: RgbImage) => tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');

/**
 * The face pipeline on RGB pixels: detect → landmarks → align → quality gates → passive liveness → embedding → age and
 * gender, each stage timed. Decoding lives in node/decode.ts, so the same engine runs wherever tfjs does.
 */
export class FaceEngine {
  readonly model = MODEL_ID;
  readonly thresholds = THRESHOLDS;
  readonly embeddingDimensions = templateDimensions();

  private constructor(private readonly models: LoadedModels) {}

  static async create(options: { threads?: number } = {}): Promise<FaceEngine> {
    await initRuntime(options.threads ?? 1);
    return new FaceEngine(await loadModels());
  }

  async analyzeImage(
    image: RgbImage,
    options: AnalyzeOptions = {},
    timings: Record<string, number> = {},
  ): Promise<AnalysisResult> {
    const time = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
      const start = performance.now();
      try {
        return await work();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
      }
    };

    // Small pictures are often tight crops, which SSD misses without a border: pad them up front (one detector pass
    // instead of two); larger frames are padded only when nothing was found.
    const border = Math.round(Math.max(image.width, image.height) * RETRY_PADDING);
    const small = Math.max(image.width, image.height) <= DETECTION.padUpFrontMaxSide;
    let source = small ? pad(image, border) : image;
    let offset = small ? border : 0;
    let detections = await time('detect', () =>
      this.detect(source, DETECTION.minConfidence, DETECTION.primary, options.detectorInputSize),
    );
    const tightCrop = detections.length === 0;
    if (tightCrop) {
      if (!small) {
        source = pad(image, border);
        offset = border;
      }
      // A picture that is all face holds one face: keep the detector's best guess, not its fragments.
      detections = (await time('detect', () => this.detect(source, DETECTION.tightCropMinConfidence))).slice(0, 1);
    }
    detections = withoutStraddlers(detections);
    const located = await time('landmarks', () => this.landmarks(source, detections));

    const found: Array<{ face: DetectedFace; chip: RgbImage; sourceBox: Box; sourceFive: Point[] }> = [];
    for (const { box, score, landmarks } of located) {
      const alignmentPoints = fivePoints(landmarks);
      const chip = await time('align', () => alignedChip(source, alignmentPoints));
      const pose = estimatePose(alignmentPoints, landmarks);
      // On a padded tight crop the detector's confidence says more about the artificial border than about occlusion.
      const detectionScore = tightCrop ? 1 : score;
      const quality = await time('quality', () =>
        assessQuality({ chip, five: alignmentPoints, landmarks, detectionScore, pose }),
      );
      const shift = (p: Point): Point => [p[0] - offset, p[1] - offset];
      const face: DetectedFace = {
        box: { x: box.x - offset, y: box.y - offset, width: box.width, height: box.height },
        score,
        landmarks: landmarks.map(shift),
        alignmentPoints: alignmentPoints.map(shift),
        pose,
        quality,
        liveness: { antispoof: 0, liveness: 0, live: false },
        embedding: null,
        age: null,
        gender: null,
      };
      found.push({ face, chip, sourceBox: box, sourceFive: alignmentPoints });
    }
    const faces = found.map((f) => f.face);
    const subject = subjectOf(faces, image.width, image.height);
    for (const { face, chip, sourceBox, sourceFive } of found) {
      if (options.geometryOnly || (face !== subject && !options.embedAll)) continue;
      if (!options.skipLiveness) face.liveness = await time('liveness', () => this.passiveLiveness(source, sourceBox));
      const descriptors: Float32Array[] = [];
      const scales = options.chipScales ?? EMBEDDING_FUSION.chipScales;
      face.embedding = await time('embed', () => this.embed(chip, source, sourceFive, sourceBox, scales, descriptors));
      if (options.descriptors) face.descriptors = descriptors;
      Object.assign(face, await time('age_gender', () => this.ageGender(chip)));
    }
    return { width: image.width, height: image.height, faces, subject, timings };
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return cosine(a, b);
  }

  decide(similarity: number): 'match' | 'no_match' {
    return similarity >= this.thresholds.match ? 'match' : 'no_match';
  }

  /** Exactly one face, usable by every quality gate; otherwise the error that says why. */
  requireSingleGoodFace(result: AnalysisResult): DetectedFace {
    if (result.faces.length === 0) throw new FaceEngineError('no_face', 'no face was found in the image');
    if (result.faces.length > 1)
      throw new FaceEngineError('multiple_faces', `${result.faces.length} faces were found; exactly one is needed`, {
        faces: result.faces.length,
      });
    const face = result.faces[0]!;
    const [reason] = face.quality.reasons;
    if (reason) {
      throw new FaceEngineError(reason, `the face is not usable: ${face.quality.reasons.join(', ')}`, {
        reasons: face.quality.reasons,
      });
    }
    return face;
  }

  dispose(): void {
    this.models.antispoof.dispose();
    this.models.liveness.dispose();
    this.models.faceres?.dispose();
  }

  private async detect(
    image: RgbImage,
    minConfidence: number,
    detector: 'ssd' | 'tiny' = 'ssd',
    tinyInputSize = DETECTION.tinyInputSize,
  ) {
    const input = tensorOf(image);
    try {
      if (detector === 'tiny') {
        const options = new faceapi.TinyFaceDetectorOptions({
          inputSize: tinyInputSize,
          scoreThreshold: minConfidence,
        });
        return await faceapi.nets.tinyFaceDetector.locateFaces(input as never, options);
      }
      return await faceapi.nets.ssdMobilenetv1.locateFaces(
        input as never,
        new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: 20 }),
      );
    } finally {
      input.dispose();
    }
  }

  private async landmarks(
    image: RgbImage,
    detections: Array<{ box: { x: number; y: number; width: number; height: number }; score: number }>,
  ) {
    const located = [];
    for (const detection of detections) {
      const b = detection.box;
      const faceCrop = crop(image, b);
      const input = tensorOf(faceCrop);
      try {
        const marks = (await faceapi.nets.faceLandmark68Net.detectLandmarks(input as never)) as {
          positions: Array<{ x: number; y: number }>;
        };
        const left = Math.max(0, Math.floor(b.x));
        const top = Math.max(0, Math.floor(b.y));
        located.push({
          box: { x: b.x, y: b.y, width: b.width, height: b.height },
          score: detection.score,
          landmarks: marks.positions.map((p): Point => [left + p.x, top + p.y]),
        });
      } finally {
        input.dispose();
      }
    }
    return located;
  }

  /**
   * The identity template (template.ts): face-api's descriptors of the aligned chip at each of `scales`
   * (EMBEDDING_FUSION.chipScales unless a cheaper probe is asked for) and of their mirrors, collected in
   * `descriptors`, plus faceres when the configuration fuses it.
   */
  private async embed(
    chip: RgbImage,
    source: RgbImage,
    five: Point[],
    box: Box,
    scales: readonly number[],
    descriptors: Float32Array[],
  ): Promise<Float32Array> {
    for (const scale of scales) {
      const scaled = scale === 1 ? chip : alignedChip(source, five, scale);
      for (const image of [scaled, resize(scaled, scaled.width, scaled.height, true)]) {
        const input = tensorOf(image);
        try {
          descriptors.push(
            (await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input as never)) as Float32Array,
          );
        } finally {
          input.dispose();
        }
      }
    }
    const faceres = EMBEDDING_FUSION.faceApiWeight < 1 ? [await this.faceresDescriptor(source, five, box)] : [];
    return composeTemplate(descriptors, faceres);
  }

  /** Human's faceres on an upright square crop around the face (rotated by the eye line), 224 px, 0..255. */
  private async faceresDescriptor(source: RgbImage, five: Point[], box: Box): Promise<Float32Array> {
    const [l, r, , ml, mr] = five as [Point, Point, Point, Point, Point];
    const cx = (l[0] + r[0] + ml[0] + mr[0]) / 4;
    const cy = (l[1] + r[1] + ml[1] + mr[1]) / 4;
    const size = 224;
    const k = (Math.max(box.width, box.height) * EMBEDDING_FUSION.faceresCropScale) / size;
    const angle = Math.atan2(r[1] - l[1], r[0] - l[0]);
    const c = Math.cos(angle) * k;
    const s = Math.sin(angle) * k;
    const crop = warp(source, size, size, (u, v) => [
      cx + c * (u - size / 2) - s * (v - size / 2),
      cy + s * (u - size / 2) + c * (v - size / 2),
    ]);
    const input = tf.tensor4d(crop.data, [1, size, size, 3], 'float32');
    const outputs = this.models.faceres!.execute(input) as Tf.Tensor[];
    try {
      const descriptor = outputs.find((t) => t.shape[1] === EMBEDDING_FUSION.faceresDimensions);
      if (!descriptor) throw new Error('faceres returned no descriptor');
      return normalise(new Float32Array(await descriptor.data()));
    } finally {
      input.dispose();
      for (const t of outputs) t.dispose();
    }
  }

  private async passiveLiveness(image: RgbImage, box: Box): Promise<PassiveLiveness> {
    const grow = 0.1;
    const face = crop(image, {
      x: box.x - box.width * grow,
      y: box.y - box.height * grow,
      width: box.width * (1 + 2 * grow),
      height: box.height * (1 + 2 * grow),
    });
    const score = async (model: Tf.GraphModel, size: number) => {
      const input = tf.tidy(() => tf.tensor4d(resize(face, size, size).data, [1, size, size, 3], 'float32').div(255));
      try {
        const output = model.execute(input) as Tf.Tensor;
        const value = (await output.data())[0]!;
        output.dispose();
        return value;
      } finally {
        input.dispose();
      }
    };
    const antispoof = await score(this.models.antispoof, 128);
    const liveness = await score(this.models.liveness, 32);
    return {
      antispoof,
      liveness,
      live: antispoof >= PASSIVE_LIVENESS.minAntispoof && liveness >= PASSIVE_LIVENESS.minLiveness,
    };
  }

  private async ageGender(chip: RgbImage): Promise<{ age: number; gender: 'female' | 'male' }> {
    const input = tensorOf(chip);
    try {
      const prediction = (await faceapi.nets.ageGenderNet.predictAgeAndGender(input as never)) as {
        age: number;
        gender: string;
      };
      return { age: Math.round(prediction.age), gender: prediction.gender === 'female' ? 'female' : 'male' };
    } finally {
      input.dispose();
    }
  }
}
