import { Type } from '@sinclair/typebox';
import { RequestTimestamp, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** The member's inbox: receipts and notices, a page at a time. */
export const ReceiptQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  before: Type.Optional(RequestTimestamp),
});

export const ReceiptList = Type.Object(
  {
    receipts: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        paymentId: Type.Union([Uuid, Type.Null()]),
        body: Type.Record(Type.String(), Type.Unknown()),
        createdAt: Timestamp,
      }),
    ),
  },
  { description: 'The receipts, newest first' },
);
