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
import { templateDimensions } from './template.ts';
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

/** Length of the identity vectors the engine produces (template.ts). */
export const embeddingDimensions = templateDimensions();
export {
  ENTRANCE_ANALYSIS,
  ENTRANCE_CALIBRATION,
  GENUINE_SCORES,
  IDENTIFY_POLICY,
  SCORE_CALIBRATION,
} from './config.ts';
export { composeTemplate } from './template.ts';
export {
  decideIdentity,
  DEFAULT_IDENTIFY_POLICY,
  type IdentifyCandidates,
  type IdentifyDecision,
  type IdentifyPolicy,
} from './identify-decision.ts';
export {
  comparisonChance,
  genuineShareAtMost,
  scoreForChance,
  strangerChance,
  type ImpostorTailPoint,
  type ScoreCalibration,
} from './open-set.ts';
