import { Type } from '@sinclair/typebox';
import { ColourChallengeSchema } from '../biometrics/index.ts';
import { Base64Image, Fen, IdempotencyKey, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** Face checkout at the kiosk: the cart, the session as it stands, the step-up answer, the payment. */
const LineItem = Type.Object({
  productId: Uuid,
  name: Type.String(),
  quantity: Type.Integer(),
  unitPriceFen: Fen,
  memberPriceFen: Type.Union([Fen, Type.Null()]),
  lineTotalFen: Fen,
});
export const Session = Type.Object({
  sessionId: Uuid,
  status: Type.Union([
    Type.Literal('awaiting_frames'),
    Type.Literal('step_up'),
    Type.Literal('approved'),
    Type.Literal('paid'),
    Type.Literal('locked'),
    Type.Literal('refused'),
  ]),
  amountFen: Fen,
  items: Type.Array(LineItem),
  expiresAt: Timestamp,
  stepUp: Type.Union([
    Type.Literal('phone_suffix'),
    Type.Literal('full_phone'),
    Type.Literal('pin'),
    Type.Literal('head_turn'),
    Type.Null(),
  ]),
  reason: Type.Union([Type.String(), Type.Null()]),
  member: Type.Union([
    Type.Object({ maskedPhone: Type.String(), maskedName: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  attemptsLeft: Type.Integer(),
  pricing: Type.Union(
    [
      Type.Object({
        subtotalFen: Type.Integer({ description: 'the cart at list price' }),
        adjustments: Type.Array(
          Type.Object({
            step: Type.String({ description: 'the pricing step that made it (member_price, tier_discount, …)' }),
            code: Type.String(),
            label: Type.String({ description: 'what the shopper reads ("金卡 9.5折", "满50减10")' }),
            amountFen: Type.Integer({ description: 'over the whole cart; negative for a discount' }),
            sourceKind: Type.Union([Type.String(), Type.Null()], {
              description: 'what gave it (promotion, coupon, …); null for the member price and the like',
            }),
          }),
        ),
        totalFen: Fen,
        forMember: Type.Boolean({
          description: 'priced for the recognised member (their tier, promotions and best coupons)',
        }),
        memberTier: Type.Union([Type.String(), Type.Null()], { description: "the member's tier by name" }),
      }),
      Type.Null(),
    ],
    {
      description:
        'how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges',
    },
  ),
  greeting: Type.Union(
    [
      Type.Object({
        memberTier: Type.Union([Type.String(), Type.Null()]),
        coupons: Type.Array(
          Type.Object({
            couponId: Uuid,
            label: Type.String(),
            discountFen: Type.Integer({ description: 'what it takes off this cart, on its own; fen, positive' }),
            applied: Type.Boolean(),
          }),
          { description: "the member's coupons usable on this cart: applied first, then the rest, best first" },
        ),
        points: Type.Union([
          Type.Object({
            balance: Type.Integer({ description: "the member's points now" }),
            toEarn: Type.Integer({ description: 'the points this payment earns at amountFen' }),
            maxRedeemPoints: Type.Integer({ description: 'the most points this cart can take as money off' }),
            pointsPerYuanOff: Type.Integer({ description: 'points for each yuan off' }),
            redeemedPoints: Type.Integer({ description: 'the points the price redeems now' }),
          }),
          Type.Null(),
        ]),
        choosable: Type.Boolean({
          description: 'the member may change coupons and points now (chooseFaceSessionOffers)',
        }),
      }),
      Type.Null(),
    ],
    {
      description:
        "what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise",
    },
  ),
  headTurn: Type.Union(
    [
      Type.Object({
        side: Type.Union([Type.Literal('left'), Type.Literal('right')], {
          description: "the shopper's own left or right",
        }),
        turnAtMs: Type.Integer({ description: 'when to ask for the turn, ms after capture starts' }),
        backAtMs: Type.Integer({ description: 'when to ask to look back at the screen' }),
        totalMs: Type.Integer({ description: 'when to stop capturing' }),
      }),
      Type.Null(),
    ],
    { description: 'the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face)' },
  ),
});
export const SessionParams = Type.Object({ sessionId: Uuid });

export const Cart = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { productId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 99 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export const OpenedSession = Type.Intersect(
  [
    Session,
    Type.Object({
      challenge: ColourChallengeSchema,
    }),
  ],
  { description: 'The session, awaiting frames, and its colour challenge' },
);

export const FirstLook = Type.Object({ image: Base64Image }, { additionalProperties: false });
export const FirstLookAnalysed = Type.Object(
  { sessionId: Uuid, usable: Type.Boolean(), reasons: Type.Array(Type.String()) },
  { description: 'Analysed: whether the frame shows one usable face, and the quality reasons if not' },
);

export const StepUpAnswer = Type.Object(
  {
    phoneSuffix: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    pin: Type.Optional(Type.String()),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

export const OfferChoices = Type.Object(
  {
    couponIds: Type.Array(Uuid, {
      maxItems: 20,
      description: "the member's coupons to use on this cart (from greeting.coupons); empty: none",
    }),
    redeemPoints: Type.Integer({
      minimum: 0,
      maximum: 100_000_000,
      description: 'points to take as money off (at most greeting.points.maxRedeemPoints); 0: none',
    }),
  },
  { additionalProperties: false },
);

export const PaymentRequest = Type.Object(
  { faceSessionId: Uuid, idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
);
export const Paid = Type.Object(
  {
    paymentId: Uuid,
    transactionId: Uuid,
    memberId: Uuid,
    amountFen: Fen,
    balanceFen: Fen,
    receiptId: Uuid,
    createdAt: Timestamp,
  },
  { description: "Paid: the payment, the wallet's new balance and the receipt" },
);
