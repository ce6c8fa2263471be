/**
 * What a store device may judge of a face before it sends it, by the rules the server's quality gates apply
 * (quality.ts): head pose from the five alignment points of 68 landmarks, the eye distance, the limits, and where the
 * five points sit on a frontal face (CHIP_TEMPLATE). Pure arithmetic with no model and no decoder, so a browser app
 * bundles it (`@shualian/face-engine/on-device`): the entrance camera sends only faces the server would find usable.
 */
export { CHIP_TEMPLATE, eyeGeometry, fivePoints } from './align.ts';
export { QUALITY_LIMITS } from './config.ts';
export type { Point } from './image.ts';
export { estimatePose, type Pose } from './quality.ts';
