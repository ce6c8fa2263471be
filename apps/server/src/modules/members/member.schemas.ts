import { Type } from '@sinclair/typebox';
import { MerchantCode, Nullable, PageLimit, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import { BIRTHDAY_RULES } from './birthday.ts';

/** The members module's wire shapes: sign-up and sign-in by SMS code, the member, the staff's member list. */
export const Phone = Type.String({ minLength: 11, maxLength: 20 });

export const Birthday = Type.Object(
  {
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    day: Type.Integer({
      minimum: 1,
      maximum: 31,
      description: 'a day the month has; 29 February is celebrated on the 28th in other years',
    }),
    year: Nullable(
      Type.Integer({
        minimum: BIRTHDAY_RULES.minYear,
        maximum: 9999,
        description: 'only when given; no gift needs it',
      }),
    ),
  },
  { description: 'the member’s birthday: what birthday gifts (a tier’s coupon and points) are given on' },
);
export const BirthdayInput = Type.Object(
  {
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    day: Type.Integer({ minimum: 1, maximum: 31 }),
    year: Type.Optional(Nullable(Type.Integer({ minimum: BIRTHDAY_RULES.minYear, maximum: 9999 }))),
  },
  { additionalProperties: false },
);

export const MemberProfile = Type.Object({
  memberId: Uuid,
  merchantId: Uuid,
  maskedPhone: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
  birthday: Type.Union([Type.Null(), Birthday], {
    description: 'null until the member gives it; once given, only the store corrects it',
  }),
});

export const BirthdayCorrection = Type.Object(
  {
    birthday: Type.Union([Type.Null(), BirthdayInput], {
      description: 'null clears it, so the member may give it again',
    }),
    reason: Type.String({ minLength: 1, maxLength: BIRTHDAY_RULES.maxReasonLength }),
  },
  { additionalProperties: false },
);
export const MemberBirthday = Type.Object({ memberId: Uuid, birthday: Nullable(Birthday) });

export const OtpRequest = Type.Object({ merchantCode: MerchantCode, phone: Phone }, { additionalProperties: false });
export const OtpSent = Type.Object(
  { expiresAt: Timestamp },
  { description: 'The code is on its way; it works until expiresAt' },
);

export const Registration = Type.Object(
  {
    merchantCode: MerchantCode,
    phone: Phone,
    code: Type.String({ pattern: '^\\d{6}$' }),
    displayName: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export const SignedIn = Type.Object(
  { token: Type.String(), expiresAt: Timestamp, created: Type.Boolean(), member: MemberProfile },
  { description: 'Signed in' },
);

export const MemberListQuery = Type.Object({
  phoneSuffix: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
  limit: PageLimit,
});
export const MemberList = Type.Object(
  {
    members: Type.Array(
      Type.Object({
        memberId: Uuid,
        maskedPhone: Type.String(),
        displayName: Type.Union([Type.String(), Type.Null()]),
        consent: Type.Boolean(),
        enrolled: Type.Boolean(),
        birthday: Nullable(Birthday),
        createdAt: Timestamp,
      }),
    ),
  },
  { description: 'The members, newest first' },
);
