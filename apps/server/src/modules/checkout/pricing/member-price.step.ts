import type { PricingStep } from './pricing-pipeline.ts';

/** A product with a member price sells at it: face pay is for members, so every face-pay cart gets it. */
export const memberPriceStep: PricingStep = {
  name: 'member_price',
  compute(context) {
    return context.lines
      .filter((line) => line.memberPriceFen !== null)
      .map((line) => ({
        step: 'member_price',
        productId: line.productId,
        amountFen: (line.memberPriceFen! - line.unitPriceFen) * line.quantity,
        code: 'member_price',
      }));
  },
};
