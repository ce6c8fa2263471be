import { Type, type Static } from '@sinclair/typebox';
import {
  Fen,
  IdempotencyKey,
  Nullable,
  PageLimit,
  PositiveFen,
  RequestTimestamp,
  Timestamp,
  Uuid,
} from '../../platform/http/shared.schemas.ts';

/** The promotions module's shapes: promotions, coupon templates and coupons, the wallet, the settings. */
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Percent = Type.Integer({ minimum: 1, maximum: 100, description: 'percent off, 1-100 (10 is 9折)' });
const Count = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const PromotionRules = Type.Object(
  {
    productIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    categories: Type.Optional(Type.Array(Text(60), { maxItems: 100 })),
    storeIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    memberTiers: Type.Optional(Type.Array(Text(60), { maxItems: 20 })),
    memberTags: Type.Optional(Type.Array(Text(60), { maxItems: 50 })),
    weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7 })),
    hours: Type.Optional(
      Type.Object(
        {
          from: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
          to: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
        },
        { additionalProperties: false },
      ),
    ),
    firstPurchase: Type.Optional(Type.Boolean()),
    minCartFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    minQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  {
    additionalProperties: false,
    description:
      'Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time.',
  },
);

export const ApplicationMethod = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('percent_off'),
        target: Type.Union([Type.Literal('items'), Type.Literal('order')]),
        percentOff: Percent,
        maxDiscountFen: Type.Optional(PositiveFen),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('fixed_off'),
        target: Type.Union([Type.Literal('items'), Type.Literal('order')]),
        amountFen: PositiveFen,
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('threshold_off'),
        tiers: Type.Array(
          Type.Object({ thresholdFen: PositiveFen, offFen: PositiveFen }, { additionalProperties: false }),
          {
            minItems: 1,
            maxItems: 10,
          },
        ),
      },
      { additionalProperties: false, description: '满减: the highest tier the targeted lines reach' },
    ),
    Type.Object(
      {
        type: Type.Literal('buy_x_get_y'),
        buyQuantity: Type.Integer({ minimum: 1, maximum: 99 }),
        getQuantity: Type.Integer({ minimum: 1, maximum: 99 }),
        percentOff: Percent,
      },
      {
        additionalProperties: false,
        description: 'each group of buy+get units: the cheapest get units percentOff off',
      },
    ),
    Type.Object(
      { type: Type.Literal('special_price'), priceFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) },
      { additionalProperties: false, description: 'the targeted products sell at this unit price' },
    ),
    Type.Object(
      { type: Type.Literal('free_gift'), productId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 99 }) },
      {
        additionalProperties: false,
        description: 'the gift product, when in the cart, is free (up to quantity units); the till adds it to the cart',
      },
    ),
    Type.Object(
      { type: Type.Literal('points_multiplier'), multiplier: Type.Number({ minimum: 1.1, maximum: 10 }) },
      { additionalProperties: false, description: 'points accrue at this multiple (read by loyalty); no price change' },
    ),
  ],
  { description: 'What the offer takes off' },
);

const Stacking = Type.Union([Type.Literal('exclusive'), Type.Literal('stackable')], {
  description: 'exclusive: applies alone; stackable: with other stackable offers',
});
const Priority = Type.Integer({ minimum: -1000, maximum: 1000, description: 'higher first' });
const Budget = Nullable(
  Type.Object(
    {
      kind: Type.Union([Type.Literal('uses'), Type.Literal('fen')]),
      limit: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    },
    { additionalProperties: false },
  ),
);

const promotionFields = {
  name: Text(100),
  rules: PromotionRules,
  method: ApplicationMethod,
  stacking: Stacking,
  priority: Priority,
  startsAt: RequestTimestamp,
  endsAt: Nullable(RequestTimestamp),
  budget: Budget,
  perMemberLimit: Nullable(Count),
  perMemberDailyLimit: Nullable(Count),
  dailyLimit: Nullable(Count),
};

export const NewPromotion = Type.Object(
  {
    ...promotionFields,
    rules: Type.Optional(PromotionRules),
    stacking: Type.Optional(Stacking),
    priority: Type.Optional(Priority),
    endsAt: Type.Optional(Nullable(Timestamp)),
    budget: Type.Optional(Budget),
    perMemberLimit: Type.Optional(Nullable(Count)),
    perMemberDailyLimit: Type.Optional(Nullable(Count)),
    dailyLimit: Type.Optional(Nullable(Count)),
  },
  { additionalProperties: false },
);
export type NewPromotion = Static<typeof NewPromotion>;

export const PromotionPatch = Type.Partial(Type.Object(promotionFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type PromotionPatch = Static<typeof PromotionPatch>;

export const PromotionSchedule = Type.Object(
  { startsAt: RequestTimestamp, endsAt: Nullable(RequestTimestamp) },
  { additionalProperties: false },
);

export const PromotionParams = Type.Object({ merchantId: Uuid, promotionId: Uuid });
export const PromotionListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
  limit: PageLimit,
});

export const PromotionView = Type.Object({
  promotionId: Uuid,
  name: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  state: Type.Union(
    [
      Type.Literal('scheduled'),
      Type.Literal('running'),
      Type.Literal('ended'),
      Type.Literal('paused'),
      Type.Literal('exhausted'),
    ],
    { description: 'what a cart sees now' },
  ),
  description: Type.String(),
  rules: PromotionRules,
  method: ApplicationMethod,
  stacking: Stacking,
  priority: Type.Integer(),
  startsAt: Timestamp,
  endsAt: Nullable(Timestamp),
  budget: Nullable(
    Type.Object({
      kind: Type.Union([Type.Literal('uses'), Type.Literal('fen')]),
      limit: Type.Integer(),
      used: Type.Integer(),
      left: Type.Integer(),
    }),
  ),
  perMemberLimit: Nullable(Type.Integer()),
  perMemberDailyLimit: Nullable(Type.Integer()),
  dailyLimit: Nullable(Type.Integer()),
  uses: Type.Integer({ description: 'payments that applied it' }),
  discountFen: Fen,
  createdAt: Timestamp,
});
export const PromotionList = Type.Object({ promotions: Type.Array(PromotionView) }, { description: 'Newest first' });

const Validity = Type.Union([
  Type.Object(
    { kind: Type.Literal('fixed'), from: RequestTimestamp, until: RequestTimestamp },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('days'), days: Type.Integer({ minimum: 1, maximum: 3660 }) },
    { additionalProperties: false },
  ),
]);

export const NewCouponTemplate = Type.Object(
  {
    name: Text(100),
    rules: Type.Optional(PromotionRules),
    method: ApplicationMethod,
    stacking: Type.Optional(Stacking),
    priority: Type.Optional(Priority),
    validity: Validity,
    offlineOnly: Type.Optional(Type.Boolean({ description: 'usable at a till only, never online' })),
    perMemberCap: Type.Optional(Nullable(Count)),
  },
  { additionalProperties: false },
);
export type NewCouponTemplate = Static<typeof NewCouponTemplate>;

export const CouponTemplateView = Type.Object({
  templateId: Uuid,
  name: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  description: Type.String(),
  rules: PromotionRules,
  method: ApplicationMethod,
  stacking: Stacking,
  priority: Type.Integer(),
  validity: Validity,
  offlineOnly: Type.Boolean(),
  perMemberCap: Nullable(Type.Integer()),
  issued: Type.Integer(),
  redeemed: Type.Integer(),
  createdAt: Timestamp,
});
export const CouponTemplateList = Type.Object(
  { templates: Type.Array(CouponTemplateView) },
  { description: 'Newest first' },
);
export const TemplateParams = Type.Object({ merchantId: Uuid, templateId: Uuid });

const Reason = Type.String({ minLength: 1, maxLength: 200 });
export const CouponGrant = Type.Object(
  { memberId: Uuid, reason: Reason, idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
);
export const CouponCampaign = Type.Object(
  {
    campaignKey: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'one issuance per campaign and member' }),
    memberIds: Type.Array(Uuid, { minItems: 1, maxItems: 1000 }),
    reason: Reason,
  },
  { additionalProperties: false },
);

export const CouponView = Type.Object({
  couponId: Uuid,
  templateId: Uuid,
  memberId: Uuid,
  status: Type.Union([Type.Literal('available'), Type.Literal('redeemed')]),
  valueFen: Nullable(Fen),
  validFrom: Timestamp,
  validUntil: Timestamp,
  source: Type.Union([
    Type.Literal('grant'),
    Type.Literal('registration'),
    Type.Literal('campaign'),
    Type.Literal('red_packet'),
    Type.Literal('birthday'),
    Type.Literal('tier_upgrade'),
  ]),
  issuedAt: Timestamp,
});
export const CampaignResult = Type.Object(
  {
    issued: Type.Integer(),
    alreadyIssued: Type.Array(Uuid, { description: 'members this campaign had already reached' }),
    atCap: Type.Array(Uuid, { description: "members at the template's per-member cap" }),
  },
  { description: 'What the campaign issued' },
);

const WalletEntry = Type.Object({
  couponId: Uuid,
  templateId: Uuid,
  name: Type.String(),
  description: Type.String({ description: 'what it gives, in words (满50减5, 8.5折, …)' }),
  valueFen: Nullable(Fen),
  validFrom: Timestamp,
  validUntil: Timestamp,
  expiresSoon: Type.Boolean({ description: 'usable and expiring within 3 days' }),
  offlineOnly: Type.Boolean(),
  source: Type.String(),
  redeemedAt: Nullable(Timestamp),
});
export const CouponWallet = Type.Object(
  {
    usable: Type.Array(WalletEntry),
    upcoming: Type.Array(WalletEntry, { description: 'valid from a later moment' }),
    used: Type.Array(WalletEntry),
    expired: Type.Array(WalletEntry),
  },
  { description: 'My coupons' },
);

const RedPacket = Type.Object(
  {
    templateId: Uuid,
    minFen: PositiveFen,
    maxFen: PositiveFen,
    budgetFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  },
  { additionalProperties: false },
);
export const PromotionSettingsInput = Type.Object(
  {
    restoreCouponsOnRefund: Type.Boolean({ description: 'a refund of the whole payment gives its coupons back' }),
    welcomeTemplateId: Nullable(Uuid),
    redPacket: Nullable(RedPacket),
  },
  { additionalProperties: false },
);
export const PromotionSettingsView = Type.Object(
  {
    restoreCouponsOnRefund: Type.Boolean(),
    welcomeTemplateId: Nullable(Uuid),
    redPacket: Nullable(Type.Object({ templateId: Uuid, minFen: Fen, maxFen: Fen, budgetFen: Fen, spentFen: Fen })),
  },
  { description: 'The promotion settings' },
);
