import { FaceEngine, type AnalysisResult, type AnalyzeOptions } from '../engine.ts';
import { decodeImage } from './decode.ts';

export interface NodeAnalyzeOptions extends AnalyzeOptions {
  maxBytes?: number;
  /** Throw no_face / multiple_faces / the first quality reason unless exactly one good face is found. */
  requireSingleFace?: boolean;
}

/** The engine for servers and command lines: takes encoded image bytes. */
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
    const timings: Record<string, number> = {};
    const start = performance.now();
    const image = await decodeImage(bytes, options.maxBytes);
    timings.decode = performance.now() - start;
    const result = await this.core.analyzeImage(image, options, timings);
    timings.total = performance.now() - start;
    if (options.requireSingleFace) this.core.requireSingleGoodFace(result);
    return result;
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
}

export const createFaceEngine = NodeFaceEngine.create;
