import { FaceEngine, type AnalysisResult, type AnalyzeOptions } from '../engine.ts';
import { innerFaceColour, type Box, type Point } from '../image.ts';
import { decodeImage, type DecodedImage } from './decode.ts';
import type { ImageLimits } from './image-gate.ts';

export interface NodeAnalyzeOptions extends AnalyzeOptions {
  maxBytes?: number;
  /** the image gate's limits (defaults: INPUT_LIMITS) */
  limits?: Partial<ImageLimits>;
  /** Throw no_face / multiple_faces / the first quality reason unless exactly one good face is found. */
  requireSingleFace?: boolean;
}

export type Rgb = [number, number, number];

/**
 * The engine for servers and command lines: takes encoded image bytes, passes them through the image gate, analyses
 * them at most `analysisMaxSide` large, and answers in the picture's own coordinates.
 */
export class NodeFaceEngine {
  private constructor(readonly core: FaceEngine) {}

  static async create(options: { threads?: number } = {}): Promise<NodeFaceEngine> {
    return new NodeFaceEngine(await FaceEngine.create(options));
  }

  get model() {
    return this.core.model;
  }

  get thresholds() {
    return this.core.thresholds;
  }

  get embeddingDimensions() {
    return this.core.embeddingDimensions;
  }

  async analyze(bytes: Uint8Array, options: NodeAnalyzeOptions = {}): Promise<AnalysisResult> {
    return (await this.run(bytes, options)).result;
  }

  /** analyze(), and the subject's inner-face colour read from the same pixels (null unless exactly one face). */
  async analyzeWithColour(
    bytes: Uint8Array,
    options: NodeAnalyzeOptions = {},
  ): Promise<AnalysisResult & { subjectColour: Rgb | null }> {
    const { result, decoded } = await this.run(bytes, options);
    const subject = result.faces.length === 1 ? result.subject : undefined;
    return Object.assign(result, {
      subjectColour: subject ? innerFaceColour(decoded.image, toAnalysed(subject.box, decoded)) : null,
    });
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return this.core.similarity(a, b);
  }

  decide(similarity: number): 'match' | 'no_match' {
    return this.core.decide(similarity);
  }

  requireSingleGoodFace(result: AnalysisResult) {
    return this.core.requireSingleGoodFace(result);
  }

  dispose(): void {
    this.core.dispose();
  }

  private async run(
    bytes: Uint8Array,
    options: NodeAnalyzeOptions,
  ): Promise<{ result: AnalysisResult; decoded: DecodedImage }> {
    const timings: Record<string, number> = {};
    const start = performance.now();
    const decoded = await decodeImage(bytes, {
      ...options.limits,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    });
    timings.decode = performance.now() - start;
    const result = toPicture(await this.core.analyzeImage(decoded.image, options, timings), decoded);
    timings.total = performance.now() - start;
    if (options.requireSingleFace) this.core.requireSingleGoodFace(result);
    return { result, decoded };
  }
}

/** Mean colour of the inner part of a face box (picture coordinates), through the image gate and decoder. */
export async function faceColour(bytes: Uint8Array, box: Box, limits: Partial<ImageLimits> = {}): Promise<Rgb> {
  const decoded = await decodeImage(bytes, limits);
  return innerFaceColour(decoded.image, toAnalysed(box, decoded));
}

const factors = (decoded: DecodedImage) =>
  [decoded.width / decoded.image.width, decoded.height / decoded.image.height] as const;

function toAnalysed(box: Box, decoded: DecodedImage): Box {
  const [kx, ky] = factors(decoded);
  return { x: box.x / kx, y: box.y / ky, width: box.width / kx, height: box.height / ky };
}

/** The analysis of the scaled-down pixels, in the coordinates of the picture as uploaded. */
function toPicture(result: AnalysisResult, decoded: DecodedImage): AnalysisResult {
  const [kx, ky] = factors(decoded);
  if (kx !== 1 || ky !== 1) {
    const point = (p: Point): Point => [p[0] * kx, p[1] * ky];
    for (const face of result.faces) {
      face.box = { x: face.box.x * kx, y: face.box.y * ky, width: face.box.width * kx, height: face.box.height * ky };
      face.landmarks = face.landmarks.map(point);
      face.alignmentPoints = face.alignmentPoints.map(point);
    }
  }
  return { ...result, width: decoded.width, height: decoded.height };
}

export const createFaceEngine = NodeFaceEngine.create;
