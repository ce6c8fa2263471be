// The checkout module: face-pay sessions (liveness, step-up, payment), the pricing pipeline and its steps, and the
// face-pay policy.
// Other modules import only from here (lint: shualian/module-door).
export { decideFromFace } from './face-pay.policy.ts';
export { facePayRoutes } from './face-pay.routes.ts';
export { FacePayService, endFaceSessionsOnDeletion, type FacePayDependencies } from './face-pay.service.ts';
export { migrations } from './migrations/index.ts';
export { quoteRoutes } from './quote.routes.ts';
export { QuoteService, type Quote, type QuoteInput } from './quote.service.ts';
export { memberPriceStep } from './pricing/member-price.step.ts';
export {
  PricingPipeline,
  type Adjustment,
  type CartLine,
  type PricedCart,
  type PricingChoices,
  type PricingContext,
  type PricingStep,
  type Settlement,
  type ShopperFacts,
  type UnappliedOffer,
} from './pricing/pricing-pipeline.ts';
