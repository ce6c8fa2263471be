export { decideFromFace, type FaceThresholds, type IdentityVerdict, type PaymentTerms } from './face-pay.policy.ts';
export { facePayRoutes } from './face-pay.routes.ts';
export { FacePayService } from './face-pay.service.ts';
export { FaceSessionRepository } from './face-session.repository.ts';
