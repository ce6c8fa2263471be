import { Type } from '@sinclair/typebox';
import { Fen, Nullable, Uuid } from '../../platform/http/shared.schemas.ts';

/** The quote's shapes: a cart in, its lines, adjustments and unapplied offers out. */
export const QuoteRequest = Type.Object(
  {
    storeId: Type.Optional(Nullable(Uuid)),
    memberId: Type.Optional(Nullable(Uuid)),
    items: Type.Array(
      Type.Object(
        { productId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 99 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    channel: Type.Optional(
      Type.Union([Type.Literal('store'), Type.Literal('online')], {
        description:
          'where the cart is sold: store (a till, the default) or online; offline-only coupons are store only',
      }),
    ),
    couponIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 20,
        description: 'the coupons the shopper chose; absent: the best eligible ones; empty: none',
      }),
    ),
  },
  { additionalProperties: false },
);

const Adjustment = Type.Object({
  step: Type.String({ description: 'the pricing step: member_price, promotions, coupons, …' }),
  productId: Uuid,
  amountFen: Fen,
  code: Type.String(),
  label: Type.Optional(Type.String()),
  source: Type.Optional(Type.Object({ kind: Type.String(), id: Type.String() })),
});

export const Quote = Type.Object(
  {
    lines: Type.Array(
      Type.Object({
        productId: Uuid,
        name: Type.String(),
        quantity: Type.Integer(),
        unitPriceFen: Fen,
        memberPriceFen: Nullable(Fen),
        category: Type.Optional(Nullable(Type.String())),
        lineTotalFen: Fen,
      }),
    ),
    adjustments: Type.Array(Adjustment),
    unapplied: Type.Array(
      Type.Object({
        step: Type.String(),
        kind: Type.String(),
        id: Type.String(),
        label: Type.String(),
        discountFen: Fen,
        reason: Type.String(),
      }),
      { description: 'offers usable on this cart that were not applied (coupons left in the wallet)' },
    ),
    subtotalFen: Fen,
    discountFen: Fen,
    totalFen: Fen,
  },
  { description: 'The priced cart; nothing was written' },
);
