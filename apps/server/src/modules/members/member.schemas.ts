import { Type } from '@sinclair/typebox';
import { MerchantCode, PageLimit, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** The members module's wire shapes: sign-up and sign-in by SMS code, the member, the staff's member list. */
export const Phone = Type.String({ minLength: 11, maxLength: 20 });

export const MemberProfile = Type.Object({
  memberId: Uuid,
  merchantId: Uuid,
  maskedPhone: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
});

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
        createdAt: Timestamp,
      }),
    ),
  },
  { description: 'The members, newest first' },
);
