import { Type } from '@sinclair/typebox';
import { Fen, IdempotencyKey, PositiveFen, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import { TOP_UP_REASON_MAX_LENGTH } from './wallet.service.ts';

/** The ledger module's wallet shapes: the wallet and its history, top-ups at the till and by test money. */
export const Wallet = Type.Object({
  memberId: Uuid,
  balanceFen: Fen,
  bonusFen: Type.Integer({
    description: 'stored-value bonus (充值送) not yet spent, in fen; payments spend it beside the balance',
  }),
  verified: Type.Boolean({ description: 'the cached balance equals the sum of ledger entries' }),
  history: Type.Array(
    Type.Object({
      transactionId: Uuid,
      kind: Type.String(),
      amountFen: Fen,
      reference: Type.Union([Type.String(), Type.Null()]),
      testMoney: Type.Boolean({ description: 'a test-channel top-up: no real payment stands behind it' }),
      at: Timestamp,
    }),
  ),
});

export const TopUpResult = Type.Object({
  transactionId: Uuid,
  memberId: Uuid,
  amountFen: Fen,
  balanceFen: Fen,
  channel: Type.Union([Type.Literal('till'), Type.Literal('test')]),
  testMoney: Type.Boolean({ description: 'true for the test payment channel: test money, not real money' }),
});

export const MemberParams = Type.Object({ merchantId: Uuid, memberId: Uuid });

export const TestTopUp = Type.Object(
  { amountFen: PositiveFen, idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
);
export const TillTopUp = Type.Object(
  {
    amountFen: PositiveFen,
    idempotencyKey: IdempotencyKey,
    reason: Type.String({ minLength: 1, maxLength: TOP_UP_REASON_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
