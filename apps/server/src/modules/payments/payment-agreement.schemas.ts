import { Type } from '@sinclair/typebox';
import { Fen, LimitFen, NullableTimestamp } from '../../platform/http/shared.schemas.ts';

/** The member's 免密 agreement and PIN, as the member app sees and changes them. */
export const Agreement = Type.Object({
  passwordFree: Type.Boolean(),
  perPaymentLimitFen: Fen,
  dailyLimitFen: Fen,
  pinSet: Type.Boolean(),
  pinLockedUntil: NullableTimestamp,
});

export const AgreementChange = Type.Object(
  {
    passwordFree: Type.Optional(Type.Boolean()),
    perPaymentLimitFen: Type.Optional(LimitFen),
    dailyLimitFen: Type.Optional(LimitFen),
  },
  { additionalProperties: false },
);

export const PinChange = Type.Object(
  { pin: Type.String({ pattern: '^\\d{6}$' }), currentPin: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
