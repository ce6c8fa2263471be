// The biometrics module: face data and its vault, the galleries and the engine behind the face ports, the
// detect/verify/identify API, who a face is (the identity decision and its thresholds), and liveness (challenges, their assessment, calibration captures).
// Other modules import only from here (lint: shualian/module-door).
export { BiometricVault } from './biometric-vault.ts';
export { EngineGallery, EngineRecognizer } from './engine-adapter.ts';
export { ENROLLMENT_RULES, analyseEnrollmentFrames, enrolledElsewhere } from './enrollment-frames.ts';
export { FaceCheckService } from './face-check.service.ts';
export { faceDataRoutes } from './face-data.routes.ts';
export { FaceDataDeleted } from './face-data.schemas.ts';
export { FaceDataService, type EndFaceSessions, type FaceDataDependencies } from './face-data.service.ts';
export { type ConsentInForce, type FrameAnalysis, type MemberGallery, type Recognizer } from './face.ports.ts';
export { faceRoutes } from './face.routes.ts';
export {
  SUFFIX_CONFIRM_CHANCE,
  decideFromSuffix,
  type Candidate,
  type FaceThresholds,
  type IdentityVerdict,
  type SuffixVerdict,
} from './identity.policy.ts';
export { BASE64_IMAGE_REFUSALS, IMAGE_REFUSALS, checkImages } from './image-gate.ts';
export {
  CHALLENGE_RULES,
  challengeAsShown,
  createColourChallenge,
  type ColourChallenge,
  type ColourVerdict,
} from './liveness/colour-challenge.ts';
export { ColourChallengeSchema, FlashFrames, Frames, decodeFrames } from './liveness/face-frames.schemas.ts';
export {
  HEAD_TURN_RULES,
  createHeadTurn,
  verifyHeadTurn,
  type HeadTurnChallenge,
  type HeadTurnVerdict,
} from './liveness/head-turn-challenge.ts';
export { assessLiveness, spread, type CapturedFrame } from './liveness/liveness-assessment.ts';
export { livenessCaptureRoutes } from './liveness/liveness-capture.routes.ts';
export { LivenessCaptureService } from './liveness/liveness-capture.service.ts';
export { lazyRecognizer } from './recognizer-loader.ts';
export { FACE_DATA_EVENT_TYPES, memberEnrolled } from './face-data.events.ts';
