import { invalid } from '../../platform/domain-errors.ts';
import type { Adjustment, PricingContext, PricingStep } from '../checkout/index.ts';
import type { LoyaltyRepository } from './loyalty.repository.ts';
import { redemption } from './loyalty.rules.ts';
import type { MemberCardService } from './member-card.service.ts';
import type { PointsService } from './points.service.ts';

/** What is left of each line after the steps before: list price × quantity plus their adjustments. */
export function remainingByLine(context: PricingContext, before: readonly Adjustment[]) {
  return context.lines.map((line) => ({
    productId: line.productId,
    remainingFen:
      line.unitPriceFen * line.quantity +
      before.filter((a) => a.productId === line.productId).reduce((sum, a) => sum + a.amountFen, 0),
  }));
}

/** 9.5折 for 5 % off: the way a Chinese price tag says it. */
export const discountLabel = (percent: number) => `${(100 - percent) / 10}折`;

/**
 * The member's tier discount on each line, on what the steps before left of it (rounded down to whole fen, so never
 * below zero). Nothing for an unknown shopper or a tier without a discount.
 */
export function tierDiscountStep(cards: MemberCardService): PricingStep {
  return {
    name: 'tier_discount',
    async compute(context, before) {
      if (!context.memberId) return [];
      const tier = await cards.tierOf(context.merchantId, context.memberId);
      if (!tier || tier.discount_percent === 0) return [];
      return remainingByLine(context, before)
        .map((line) => ({
          step: 'tier_discount',
          productId: line.productId,
          amountFen: -Math.floor((Math.max(0, line.remainingFen) * tier.discount_percent) / 100),
          code: 'tier_discount',
          label: `${tier.name} ${discountLabel(tier.discount_percent)}`,
          source: { kind: 'tier', id: String(tier.rank) },
        }))
        .filter((a) => a.amountFen < 0);
    },
  };
}

const POINTS_SOURCE = 'points';

/**
 * Points as money off, as many as the shopper chose (`choices.redeemPoints`), capped by their balance and by the
 * merchant's share of the cart. Each adjustment's source names the points it spends (`<member id>:<points>`); `settle`
 * spends their sum inside the payment's transaction, refusing with `points_insufficient` when they are gone.
 */
export function pointsRedemptionStep(points: PointsService, loyalty: LoyaltyRepository): PricingStep {
  return {
    name: 'points_redemption',
    async compute(context, before) {
      const requested = context.choices?.redeemPoints ?? 0;
      if (!Number.isSafeInteger(requested) || requested < 0)
        throw invalid('points_invalid', 'redeemPoints must be a whole number of points ≥ 0');
      if (!context.memberId || requested === 0) return [];
      const [program, balance] = await Promise.all([
        loyalty.program(context.merchantId),
        points.balance(context.merchantId, context.memberId),
      ]);
      const plan = redemption(remainingByLine(context, before), {
        requested,
        balance,
        pointsPerYuanOff: program.points_per_yuan_off,
        maxRedeemPercent: program.max_redeem_percent,
      });
      return plan.perLine
        .filter((line) => line.fen > 0)
        .map((line) => ({
          step: 'points_redemption',
          productId: line.productId,
          amountFen: -line.fen,
          code: 'points_redemption',
          label: `积分抵扣 ${plan.points} 分`,
          source: { kind: POINTS_SOURCE, id: `${context.memberId}:${line.points}` },
        }));
    },
    async settle(trx, settlement) {
      const memberId = settlement.context.memberId;
      if (!memberId) throw new Error('points were redeemed for a cart without a member');
      let spent = 0;
      for (const adjustment of settlement.adjustments) {
        const [owner, count] = (adjustment.source?.id ?? '').split(':');
        if (adjustment.source?.kind !== POINTS_SOURCE || owner !== memberId || !/^\d+$/.test(count ?? ''))
          throw new Error(`points redemption adjustment without its points: ${JSON.stringify(adjustment.source)}`);
        spent += Number(count);
      }
      if (spent > 0)
        await points.spend(trx, {
          merchantId: settlement.context.merchantId,
          memberId,
          points: spent,
          paymentId: settlement.paymentId,
        });
    },
  };
}
