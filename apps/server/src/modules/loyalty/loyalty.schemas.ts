import { Type } from '@sinclair/typebox';
import {
  Fen,
  IdempotencyKey,
  Nullable,
  PositiveFen,
  RequestTimestamp,
  Timestamp,
  Uuid,
} from '../../platform/http/shared.schemas.ts';
import { TIER_RULES } from './loyalty.rules.ts';
import { POINTS_ADJUSTMENT_RULES } from './points.service.ts';
import { PLAN_RULES } from './stored-value.service.ts';

/** The loyalty module's wire shapes: programme, tiers, the member card, points, stored-value plans. */
const TierBasis = Type.Union([Type.Literal('spend'), Type.Literal('points'), Type.Literal('visits')], {
  description: 'what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits',
});
const SpendingOrder = Type.Union(
  [Type.Literal('principal_first'), Type.Literal('bonus_first'), Type.Literal('proportional')],
  { description: 'which part of stored value a payment spends first' },
);

export const Program = Type.Object({
  pointsPerYuan: Type.Integer({
    minimum: 0,
    maximum: 1000,
    description: 'points per whole yuan paid, before the tier multiplier',
  }),
  pointsPerYuanOff: Type.Integer({ minimum: 1, maximum: 100000, description: 'points that take one yuan off' }),
  maxRedeemPercent: Type.Integer({
    minimum: 0,
    maximum: 100,
    description: 'at most this share of a cart is paid in points',
  }),
  pointsExpiryMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120, description: 'null: points never expire' })),
  tierBasis: TierBasis,
  tierWindowDays: Type.Integer({ minimum: 1, maximum: 1096 }),
  spendingOrder: SpendingOrder,
});
export const ProgramPatch = Type.Partial(Program, { additionalProperties: false, minProperties: 1 });

export const TierInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: TIER_RULES.maxNameLength }),
    threshold: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    discountPercent: Type.Integer({ minimum: 0, maximum: TIER_RULES.maxDiscountPercent }),
    pointsMultiplierPercent: Type.Integer({ minimum: 0, maximum: TIER_RULES.maxMultiplierPercent }),
    birthdayPoints: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    birthdayCouponTemplateId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description: 'the coupon template given on the member’s birthday (once a year); null or absent: none',
        }),
      ),
    ),
    upgradeCouponTemplateId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description:
            'the coupon template given to the member who reaches this tier (once per tier); null or absent: none',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export const TiersInput = Type.Object(
  { tiers: Type.Array(TierInput, { maxItems: TIER_RULES.maxTiers }) },
  { additionalProperties: false },
);
export const Tier = Type.Object({
  rank: Type.Integer(),
  name: Type.String(),
  threshold: Type.Integer(),
  discountPercent: Type.Integer(),
  pointsMultiplierPercent: Type.Integer(),
  birthdayPoints: Type.Integer(),
  birthdayCouponTemplateId: Nullable(Uuid),
  upgradeCouponTemplateId: Nullable(Uuid),
});
export const Tiers = Type.Object({ tiers: Type.Array(Tier) });

export const Card = Type.Object({
  memberId: Uuid,
  cardNumber: Type.String({ description: '12 digits in groups of four, the last a Luhn check digit' }),
  qr: Type.Object({
    payload: Type.String({ description: 'signed by the server, scans until expiresAt' }),
    expiresAt: Timestamp,
  }),
  tier: Nullable(
    Type.Object({
      rank: Type.Integer(),
      name: Type.String(),
      discountPercent: Type.Integer(),
      pointsMultiplierPercent: Type.Integer(),
      birthdayPoints: Type.Integer(),
    }),
  ),
  progress: Type.Object({
    basis: TierBasis,
    windowDays: Type.Integer(),
    measure: Type.Integer(),
    next: Nullable(Type.Object({ name: Type.String(), threshold: Type.Integer(), remaining: Type.Integer() })),
  }),
  pointsBalance: Type.Integer(),
  storedValue: Type.Object({ principalFen: Fen, bonusFen: Fen, totalFen: Fen }),
});

export const CardScan = Type.Object(
  { payload: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);

export const Points = Type.Object({
  memberId: Uuid,
  balance: Type.Integer(),
  shortfall: Type.Integer({ description: 'points refunds could not take back because they were already spent' }),
  history: Type.Array(
    Type.Object({
      kind: Type.String(),
      points: Type.Integer(),
      reference: Nullable(Type.String()),
      at: Timestamp,
      occasion: Nullable(
        Type.Literal('birthday', { description: 'birthday points (the tier’s, on the member’s birthday)' }),
      ),
      boost: Nullable(
        Type.Object(
          {
            promotionId: Uuid,
            label: Type.String({ description: 'the promotion’s name when it boosted the points, e.g. 周末双倍积分' }),
            multiplier: Type.Number({ description: '2 for double points' }),
          },
          { description: 'the points promotion that multiplied an earn; null for every other movement' },
        ),
      ),
    }),
  ),
});

export const TierHistory = Type.Object({
  changes: Type.Array(
    Type.Object({
      fromRank: Type.Integer(),
      fromTier: Nullable(Type.String()),
      toRank: Type.Integer(),
      toTier: Nullable(Type.String()),
      reason: Type.Union([Type.Literal('payment'), Type.Literal('evaluation')]),
      measure: Type.Integer(),
      at: Timestamp,
    }),
  ),
});

export const PointsAdjustment = Type.Object(
  {
    points: Type.Integer({
      minimum: -POINTS_ADJUSTMENT_RULES.maxPoints,
      maximum: POINTS_ADJUSTMENT_RULES.maxPoints,
      description: 'positive to give, negative to take; not 0',
    }),
    reason: Type.String({ minLength: 1, maxLength: POINTS_ADJUSTMENT_RULES.maxReasonLength }),
    idempotencyKey: IdempotencyKey,
  },
  { additionalProperties: false },
);
export const PointsAdjusted = Type.Object({ transactionId: Uuid, points: Type.Integer(), balance: Type.Integer() });

export const PlanInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: PLAN_RULES.maxNameLength }),
    priceFen: PositiveFen,
    bonusFen: Type.Integer({ minimum: 0, maximum: PLAN_RULES.maxPriceFen }),
    validFrom: RequestTimestamp,
    validUntil: RequestTimestamp,
    perMemberLimit: Type.Integer({ minimum: 1, maximum: PLAN_RULES.maxPerMemberLimit }),
  },
  { additionalProperties: false },
);
export const Plan = Type.Object({
  planId: Uuid,
  name: Type.String(),
  priceFen: Fen,
  bonusFen: Fen,
  validFrom: Timestamp,
  validUntil: Timestamp,
  perMemberLimit: Type.Integer(),
});
export const Plans = Type.Object({ plans: Type.Array(Plan) });
export const PlanPurchaseInput = Type.Object(
  { planId: Uuid, idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
);
export const PlanPurchase = Type.Object({
  purchaseId: Uuid,
  planId: Uuid,
  memberId: Uuid,
  transactionId: Uuid,
  principalFen: Fen,
  bonusFen: Fen,
  balanceFen: Fen,
});
export const PlanRefundInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }), idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
);
export const PlanRefund = Type.Object({
  purchaseId: Uuid,
  transactionId: Nullable(Uuid),
  refundFen: Fen,
  forfeitFen: Fen,
  spentFen: Fen,
});
export const StoredValueReport = Type.Object({
  principalOutstandingFen: Fen,
  bonusOutstandingFen: Fen,
  plans: Type.Array(
    Type.Object({
      planId: Uuid,
      purchases: Type.Integer(),
      principalSoldFen: Fen,
      bonusGivenFen: Fen,
      principalRefundedFen: Fen,
      bonusForfeitedFen: Fen,
    }),
  ),
});
export const MemberParams = Type.Object({ merchantId: Uuid, memberId: Uuid });
export const PurchaseParams = Type.Object({ merchantId: Uuid, memberId: Uuid, purchaseId: Uuid });
