import { Type } from '@sinclair/typebox';
import { Fen, IdempotencyKey, PageLimit, PositiveFen, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** The payments module's staff-side shapes: payments, refunds, the daily settlement. */
const DateString = Type.String({ format: 'date', description: 'business day (China time), YYYY-MM-DD' });

export const PaymentListQuery = Type.Object({
  storeId: Type.Optional(Uuid),
  memberId: Type.Optional(Uuid),
  date: Type.Optional(DateString),
  limit: PageLimit,
});
export const PaymentList = Type.Object(
  {
    payments: Type.Array(
      Type.Object({
        paymentId: Uuid,
        storeId: Uuid,
        deviceId: Type.Union([Uuid, Type.Null()]),
        memberId: Uuid,
        amountFen: Fen,
        refundedFen: Fen,
        items: Type.Array(Type.Unknown()),
        createdAt: Timestamp,
      }),
    ),
  },
  { description: 'The payments, newest first' },
);

export const PaymentParams = Type.Object({ merchantId: Uuid, paymentId: Uuid });
export const RefundRequest = Type.Object(
  { amountFen: PositiveFen, idempotencyKey: IdempotencyKey, reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export const Refunded = Type.Object(
  { refundId: Uuid, paymentId: Uuid, transactionId: Uuid, amountFen: Fen, refundedFen: Fen, balanceFen: Fen },
  { description: "Refunded: the payment's refunded total and the wallet's new balance" },
);

export const SettlementQuery = Type.Object({ date: DateString });
export const Settlement = Type.Object(
  {
    date: Type.String(),
    from: Timestamp,
    to: Timestamp,
    stores: Type.Array(
      Type.Object({
        storeId: Uuid,
        paymentCount: Type.Integer(),
        grossFen: Fen,
        refundCount: Type.Integer(),
        refundedFen: Fen,
        netFen: Fen,
      }),
    ),
    grossFen: Fen,
    refundedFen: Fen,
    netFen: Fen,
    topUpCount: Type.Integer(),
    topUpFen: Fen,
    ledgerConsistent: Type.Boolean(),
  },
  { description: 'The settlement of the day' },
);
