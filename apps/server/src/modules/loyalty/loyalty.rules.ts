import { invalid } from '../../platform/domain-errors.ts';
import type { ProgramRules } from './loyalty.repository.ts';
import type { LoyaltyTier, SpendingOrder, TierBasis } from './loyalty.schema.ts';

export type TierDefinition = Omit<
  LoyaltyTier,
  'merchant_id' | 'rank' | 'birthday_coupon_template_id' | 'upgrade_coupon_template_id'
> & {
  /** The coupon template the tier gives on a member's birthday; absent or null: none. */
  birthday_coupon_template_id?: string | null;
  /** The coupon template the tier gives the member who reaches it; absent or null: none. */
  upgrade_coupon_template_id?: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TIER_RULES = { maxTiers: 10, maxNameLength: 20, maxDiscountPercent: 50, maxMultiplierPercent: 1000 };

const isWhole = (n: unknown, min: number, max = Number.MAX_SAFE_INTEGER): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max;

/**
 * A merchant's tiers from the lowest: names given, thresholds whole and strictly increasing, discounts whole percents
 * from 0 to 50, multipliers whole percents (100 = the programme's rate), birthday points whole.
 */
export function validateTiers(tiers: readonly TierDefinition[]): Array<Omit<LoyaltyTier, 'merchant_id'>> {
  if (tiers.length > TIER_RULES.maxTiers)
    throw invalid('tiers_invalid', `at most ${TIER_RULES.maxTiers} tiers`, { count: tiers.length });
  const names = new Set<string>();
  return tiers.map((tier, i) => {
    const name = typeof tier.name === 'string' ? tier.name.trim() : '';
    if (!name || name.length > TIER_RULES.maxNameLength || names.has(name))
      throw invalid(
        'tiers_invalid',
        `tier ${i + 1} needs a name of its own, 1 to ${TIER_RULES.maxNameLength} characters`,
        {
          index: i,
        },
      );
    names.add(name);
    if (!isWhole(tier.threshold, 0))
      throw invalid('tiers_invalid', `tier ${i + 1}'s threshold must be a whole number ≥ 0`, { index: i });
    if (i > 0 && tier.threshold <= tiers[i - 1]!.threshold)
      throw invalid('tier_thresholds_not_increasing', 'each tier’s threshold must be above the one before it', {
        index: i,
      });
    if (!isWhole(tier.discount_percent, 0, TIER_RULES.maxDiscountPercent))
      throw invalid(
        'tier_discount_invalid',
        `a tier's discount is a whole percent from 0 to ${TIER_RULES.maxDiscountPercent}`,
        {
          index: i,
        },
      );
    if (!isWhole(tier.points_multiplier_percent, 0, TIER_RULES.maxMultiplierPercent))
      throw invalid('tiers_invalid', `tier ${i + 1}'s points multiplier is a whole percent from 0 to 1000`, {
        index: i,
      });
    const template = tier.birthday_coupon_template_id ?? null;
    if (template !== null && !UUID.test(template))
      throw invalid('tier_birthday_coupon_invalid', `tier ${i + 1}'s birthday coupon is not a coupon template`, {
        index: i,
      });
    const upgrade = tier.upgrade_coupon_template_id ?? null;
    if (upgrade !== null && !UUID.test(upgrade))
      throw invalid('tier_upgrade_coupon_invalid', `tier ${i + 1}'s upgrade coupon is not a coupon template`, {
        index: i,
      });
    if (!isWhole(tier.birthday_points, 0, 1_000_000))
      throw invalid('tiers_invalid', `tier ${i + 1}'s birthday points are a whole number from 0 to 1000000`, {
        index: i,
      });
    return {
      ...tier,
      name,
      rank: i + 1,
      birthday_coupon_template_id: template,
      upgrade_coupon_template_id: upgrade,
    };
  });
}

const BASES: readonly TierBasis[] = ['spend', 'points', 'visits'];
const ORDERS: readonly SpendingOrder[] = ['principal_first', 'bonus_first', 'proportional'];

export function validateProgram(rules: ProgramRules): ProgramRules {
  const bad = (field: string, rule: string) => invalid('loyalty_program_invalid', `${field}: ${rule}`, { field });
  if (!isWhole(rules.points_per_yuan, 0, 1000)) throw bad('pointsPerYuan', 'a whole number from 0 to 1000');
  if (!isWhole(rules.points_per_yuan_off, 1, 100_000)) throw bad('pointsPerYuanOff', 'a whole number from 1 to 100000');
  if (!isWhole(rules.max_redeem_percent, 0, 100)) throw bad('maxRedeemPercent', 'a whole percent from 0 to 100');
  if (rules.points_expiry_months !== null && !isWhole(rules.points_expiry_months, 1, 120))
    throw bad('pointsExpiryMonths', 'null (never) or a whole number of months from 1 to 120');
  if (!BASES.includes(rules.tier_basis)) throw bad('tierBasis', BASES.join(', '));
  if (!isWhole(rules.tier_window_days, 1, 1096)) throw bad('tierWindowDays', 'a whole number of days from 1 to 1096');
  if (!ORDERS.includes(rules.spending_order)) throw bad('spendingOrder', ORDERS.join(', '));
  return rules;
}

/** Points for a payment: yuan paid × the programme's rate × the tier's multiplier, rounded down to whole points. */
export function pointsForPayment(amountFen: number, pointsPerYuan: number, multiplierPercent: number): number {
  return pointsEarned({ amountFen, pointsPerYuan, tierPercent: multiplierPercent, boostPercent: 100, boostedFen: 0 });
}

/**
 * The points a payment earns, tier and promotion together: the programme's rate on every yuan paid, the tier's
 * multiplier on all of it, and a points promotion's multiplier on the fen it boosts (the lines it targets; the whole
 * payment for a promotion on every line). The two multipliers multiply, and the result is rounded down once, to whole
 * points, never below zero:
 *
 *   points = ⌊ rate × tier% × (amountFen × 100 + boostedFen × (promotion% − 100)) / 1 000 000 ⌋
 *
 * so 88 yuan at 1 point a yuan for a 银卡 (150 %) under 双倍积分 on everything (200 %) earn ⌊88 × 1.5 × 2⌋ = 264, and
 * with the 双倍 on 20 yuan of drinks only, ⌊(88 + 20) × 1.5⌋ = 162. Computed in whole numbers (no float rounding).
 */
export function pointsEarned(input: {
  amountFen: number;
  pointsPerYuan: number;
  tierPercent: number;
  /** The promotion's multiplier in percent (200 for 双倍); 100: none. */
  boostPercent: number;
  /** The part of the payment the promotion boosts, fen; at most the amount. */
  boostedFen: number;
}): number {
  const amount = BigInt(Math.max(0, input.amountFen));
  const boosted = BigInt(Math.min(Math.max(0, input.boostedFen), Math.max(0, input.amountFen)));
  const extra = BigInt(Math.max(0, input.boostPercent - 100));
  const total =
    (BigInt(Math.max(0, input.pointsPerYuan)) *
      BigInt(Math.max(0, input.tierPercent)) *
      (amount * 100n + boosted * extra)) /
    1_000_000n;
  return Number(total);
}

/**
 * Points a payment's refunds take back in all, once `refundedFen` of its `amountFen` is refunded: what the member
 * keeps is the points of what they kept paying for, rounded down, so a whole refund takes back every point.
 */
export function pointsToTakeBack(pointsEarned: number, amountFen: number, refundedFen: number): number {
  return pointsEarned - Math.floor((pointsEarned * (amountFen - refundedFen)) / amountFen);
}

/** The highest tier whose threshold the measure reaches; 0 when it reaches none. */
export function tierFor(tiers: readonly Pick<LoyaltyTier, 'rank' | 'threshold'>[], measure: number): number {
  let rank = 0;
  for (const tier of tiers) if (measure >= tier.threshold) rank = Math.max(rank, tier.rank);
  return rank;
}

/**
 * How many points a cart redeems and what they take off each line: the request capped by the balance, the value capped
 * by `maxRedeemPercent` of the cart (after earlier steps); whole fen only, and only the points those fen cost
 * (`ceil(fen × pointsPerYuanOff / 100)`). The fen are spread over the lines in proportion to what is left of each,
 * largest remainders last, never taking a line below zero.
 */
export function redemption(
  lines: ReadonlyArray<{ productId: string; remainingFen: number }>,
  input: { requested: number; balance: number; pointsPerYuanOff: number; maxRedeemPercent: number },
): { points: number; fen: number; perLine: Array<{ productId: string; fen: number; points: number }> } {
  const cartFen = lines.reduce((sum, l) => sum + Math.max(0, l.remainingFen), 0);
  const usable = Math.min(input.requested, input.balance);
  if (usable <= 0 || cartFen <= 0) return { points: 0, fen: 0, perLine: [] };
  const capFen = Math.floor((cartFen * input.maxRedeemPercent) / 100);
  const fen = Math.min(Math.floor((usable * 100) / input.pointsPerYuanOff), capFen);
  if (fen <= 0) return { points: 0, fen: 0, perLine: [] };
  const perLineFen = spread(
    lines.map((l) => Math.max(0, l.remainingFen)),
    fen,
  );
  // Points per line in proportion to its fen; the rounding remainder goes to the largest share.
  const points = Math.ceil((fen * input.pointsPerYuanOff) / 100);
  const perLinePoints = spread(perLineFen, points);
  const perLine = lines
    .map((l, i) => ({ productId: l.productId, fen: perLineFen[i]!, points: perLinePoints[i]! }))
    .filter((l) => l.fen > 0 || l.points > 0);
  return { points, fen, perLine };
}

/** Splits `total` over `weights` in proportion, in whole units (largest remainder), never above a weight's share cap. */
export function spread(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}
