export { NodeFaceEngine as FaceEngine, createFaceEngine, type NodeAnalyzeOptions } from './node/index.ts';
export { FaceEngine as CoreFaceEngine, type AnalysisResult, type AnalyzeOptions, type DetectedFace, type PassiveLiveness } from './engine.ts';
export { FaceEngineError, type FaceEngineErrorCode } from './errors.ts';
import { EMBEDDING_FUSION } from './config.ts';
export { EMBEDDING_FUSION, MODEL_ID, PASSIVE_LIVENESS, QUALITY_LIMITS, THRESHOLD_FIGURES, THRESHOLDS } from './config.ts';
export { fuseTemplates, cosine } from './vectors.ts';
export type { Box, Point, RgbImage } from './image.ts';
export type { Quality, QualityReason, Pose } from './quality.ts';
export { decodeImage } from './node/decode.ts';

/** Length of the identity vectors the engine produces (face-api 128 + faceres 1024, fused). */
export const embeddingDimensions = EMBEDDING_FUSION.faceApiDimensions + EMBEDDING_FUSION.faceresDimensions;
