import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../platform/domain-errors.ts';
import {
  pointsEarned,
  pointsForPayment,
  pointsToTakeBack,
  redemption,
  spread,
  tierFor,
  validateProgram,
  validateTiers,
  type TierDefinition,
} from './loyalty.rules.ts';
import { DEFAULT_PROGRAM } from './loyalty.repository.ts';
import { planRefund } from './stored-value.service.ts';

const tier = (name: string, threshold: number, discount_percent = 0): TierDefinition => ({
  name,
  threshold,
  discount_percent,
  points_multiplier_percent: 100,
  birthday_points: 0,
});
const codeOf = (work: () => unknown) => {
  try {
    work();
    return undefined;
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return error.code;
  }
};

test('tiers: names of their own, thresholds strictly increasing whole numbers, discounts 0–50 %', () => {
  assert.deepEqual(
    validateTiers([tier(' 普通 ', 0), tier('银卡', 10_000, 5), tier('金卡', 50_000, 10)]).map((t) => [t.rank, t.name]),
    [
      [1, '普通'],
      [2, '银卡'],
      [3, '金卡'],
    ],
  );
  assert.equal(
    codeOf(() => validateTiers([tier('普通', 0), tier('银卡', 0)])),
    'tier_thresholds_not_increasing',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('普通', 5), tier('银卡', 4)])),
    'tier_thresholds_not_increasing',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('普通', 0, 51)])),
    'tier_discount_invalid',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('普通', 0, -1)])),
    'tier_discount_invalid',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('普通', 0, 2.5)])),
    'tier_discount_invalid',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('普通', 0.5)])),
    'tiers_invalid',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('', 0)])),
    'tiers_invalid',
  );
  assert.equal(
    codeOf(() => validateTiers([tier('A', 0), tier('A', 1)])),
    'tiers_invalid',
  );
  assert.equal(
    codeOf(() => validateTiers(Array.from({ length: 11 }, (_, i) => tier(`T${i}`, i)))),
    'tiers_invalid',
  );
});

test('programme rules are whole numbers within their ranges', () => {
  assert.deepEqual(validateProgram({ ...DEFAULT_PROGRAM }), DEFAULT_PROGRAM);
  for (const bad of [
    { points_per_yuan: -1 },
    { points_per_yuan: 1.5 },
    { points_per_yuan_off: 0 },
    { max_redeem_percent: 101 },
    { points_expiry_months: 0 },
    { tier_window_days: 0 },
    { tier_basis: 'age' },
    { spending_order: 'random' },
  ])
    assert.equal(
      codeOf(() => validateProgram({ ...DEFAULT_PROGRAM, ...bad } as never)),
      'loyalty_program_invalid',
      JSON.stringify(bad),
    );
});

test('points earned round down; refunds take back the refunded share, all of it on a whole refund', () => {
  assert.equal(pointsForPayment(12_345, 2, 100), 246);
  assert.equal(pointsForPayment(12_345, 1, 150), 185);
  assert.equal(pointsForPayment(99, 1, 100), 0);
  assert.equal(pointsToTakeBack(200, 10_000, 2_500), 50);
  assert.equal(pointsToTakeBack(200, 10_000, 10_000), 200);
  assert.equal(pointsToTakeBack(7, 1_000, 1), 1); // the member keeps floor(7 × 999 / 1000) = 6
  assert.equal(pointsToTakeBack(0, 1_000, 1_000), 0);
});

test('tier and promotion multipliers multiply on what the promotion boosts, rounded down once, never below zero', () => {
  const earn = (amountFen: number, tierPercent: number, boostPercent: number, boostedFen: number, pointsPerYuan = 1) =>
    pointsEarned({ amountFen, pointsPerYuan, tierPercent, boostPercent, boostedFen });
  assert.equal(earn(8_800, 150, 200, 8_800), 264); // 88 × 1.5 × 2
  assert.equal(earn(8_800, 150, 200, 2_000), 162); // (88 + 20) × 1.5
  assert.equal(earn(6_050, 150, 200, 6_050), 181); // 181.5, rounded down once (not 90 × 2 = 180)
  assert.equal(earn(6_050, 100, 300, 1_050), 81); // 60.5 + 2 × 10.5 = 81.5
  assert.equal(earn(6_050, 100, 100, 6_050), 60); // no promotion: the tier alone
  assert.equal(earn(6_050, 0, 1000, 6_050), 0); // a tier that earns nothing
  assert.equal(earn(1_000, 100, 200, 5_000), 20); // never more boosted than was paid
  assert.equal(earn(-100, 100, 200, 100), 0);
  assert.equal(earn(99, 100, 200, 99), 1); // 0.99 × 2 = 1.98
  // Large amounts stay exact (no float rounding): 10 million yuan at 1000 points, 1000 %, 10×.
  assert.equal(earn(1_000_000_000, 1000, 1000, 1_000_000_000, 1000), 1_000_000_000_000);
  assert.equal(pointsForPayment(12_345, 2, 100), earn(12_345, 100, 100, 0, 2));
});

test('the tier is the highest threshold reached', () => {
  const tiers = [
    { rank: 1, threshold: 0 },
    { rank: 2, threshold: 10_000 },
    { rank: 3, threshold: 50_000 },
  ];
  assert.equal(tierFor(tiers, 0), 1);
  assert.equal(tierFor(tiers, 9_999), 1);
  assert.equal(tierFor(tiers, 10_000), 2);
  assert.equal(tierFor(tiers, 1e9), 3);
  assert.equal(tierFor([{ rank: 1, threshold: 100 }], 50), 0);
});

test('redemption: capped by balance and share, spread over lines without taking one below zero', () => {
  const lines = [
    { productId: 'a', remainingFen: 900 },
    { productId: 'b', remainingFen: 100 },
  ];
  const rules = { pointsPerYuanOff: 100, maxRedeemPercent: 50 };
  assert.deepEqual(redemption(lines, { ...rules, requested: 1000, balance: 300 }), {
    points: 300,
    fen: 300,
    perLine: [
      { productId: 'a', fen: 270, points: 270 },
      { productId: 'b', fen: 30, points: 30 },
    ],
  });
  assert.equal(redemption(lines, { ...rules, requested: 5000, balance: 5000 }).fen, 500);
  // 10 points a yuan: 33 points are 3.3 yuan → 330 fen, costing 33 points.
  assert.deepEqual(
    redemption(lines, { pointsPerYuanOff: 10, maxRedeemPercent: 100, requested: 33, balance: 40 }).points,
    33,
  );
  // 1000 points a yuan: 1500 points make 150 fen and cost exactly 1500.
  const dear = redemption(lines, { pointsPerYuanOff: 1000, maxRedeemPercent: 100, requested: 1500, balance: 1500 });
  assert.equal(dear.fen, 150);
  assert.equal(dear.points, 1500);
  assert.equal(
    dear.perLine.reduce((s, l) => s + l.points, 0),
    1500,
  );
  assert.deepEqual(redemption(lines, { ...rules, requested: 0, balance: 100 }), { points: 0, fen: 0, perLine: [] });
  assert.deepEqual(redemption(lines, { ...rules, maxRedeemPercent: 0, requested: 10, balance: 100 }).fen, 0);
  for (let total = 0; total <= 1000; total += 7) {
    const parts = spread([900, 100, 0, 1], total);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      total,
    );
    assert.ok(parts[0]! <= 900 && parts[1]! <= 100 && parts[2] === 0 && parts[3]! <= 1);
  }
});

test('plan refund: the unspent principal back, the bonus left forfeited (the worked example)', () => {
  const plan = { principalFen: 10_000, bonusFen: 2_000 };
  assert.deepEqual(planRefund(plan, { principalFen: 5_000, bonusFen: 1_000 }), {
    refundFen: 5_000,
    forfeitFen: 1_000,
    spentFen: 6_000,
  });
  assert.deepEqual(planRefund(plan, { principalFen: 10_000, bonusFen: 2_000 }), {
    refundFen: 10_000,
    forfeitFen: 2_000,
    spentFen: 0,
  });
  assert.deepEqual(planRefund(plan, { principalFen: 0, bonusFen: 0 }), {
    refundFen: 0,
    forfeitFen: 0,
    spentFen: 12_000,
  });
  // Spent principal first: 60 yuan spent still counts as 50 principal + 10 bonus, but no more principal than is held
  // is paid back.
  assert.deepEqual(planRefund(plan, { principalFen: 4_000, bonusFen: 2_000 }), {
    refundFen: 4_000,
    forfeitFen: 1_000,
    spentFen: 6_000,
  });
});
