export {
  NodeFaceEngine as FaceEngine,
  createFaceEngine,
  faceColour,
  type NodeAnalyzeOptions,
  type Rgb,
} from './node/index.ts';
export {
  FaceEngine as CoreFaceEngine,
  type AnalysisResult,
  type AnalyzeOptions,
  type DetectedFace,
  type PassiveLiveness,
} from './engine.ts';
export { FaceEngineError, FacePoolError, type FaceEngineErrorCode, type FacePoolErrorCode } from './errors.ts';
import { EMBEDDING_FUSION } from './config.ts';
export {
  EMBEDDING_FUSION,
  INPUT_LIMITS,
  MODEL_ID,
  PASSIVE_LIVENESS,
  QUALITY_LIMITS,
  THRESHOLD_FIGURES,
  THRESHOLDS,
} from './config.ts';
export { fuseTemplates, cosine } from './vectors.ts';
export type { Box, Point, RgbImage } from './image.ts';
export type { Quality, QualityReason, Pose } from './quality.ts';
export { decodeImage, type DecodedImage } from './node/decode.ts';
export { inspectImage, sniffFormat, type ImageFormat, type ImageHeader, type ImageLimits } from './node/image-gate.ts';
export {
  FaceEnginePool,
  POOL_DEFAULTS,
  type FaceEnginePoolOptions,
  type FailureReason,
  type PoolAnalysis,
} from './node/engine-pool.ts';

/** Length of the identity vectors the engine produces (face-api 128 + faceres 1024, fused). */
export const embeddingDimensions = EMBEDDING_FUSION.faceApiDimensions + EMBEDDING_FUSION.faceresDimensions;
export { SCORE_CALIBRATION } from './config.ts';
export {
  comparisonChance,
  scoreForChance,
  strangerChance,
  type ImpostorTailPoint,
  type ScoreCalibration,
} from './open-set.ts';
