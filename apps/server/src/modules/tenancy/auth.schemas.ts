import { Type } from '@sinclair/typebox';
import { Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';

/** Staff sign-in: credentials, the session token, and who the signed-in staff member is. */
export const StaffProfile = Type.Object({
  staffId: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([
    Type.Literal('provider_admin'),
    Type.Literal('merchant_admin'),
    Type.Literal('store_manager'),
    Type.Literal('cashier'),
  ]),
  providerId: Uuid,
  merchantId: Type.Union([Uuid, Type.Null()]),
  storeId: Type.Union([Uuid, Type.Null()]),
  permissions: Type.Array(Type.Unsafe<Permission>({ type: 'string', enum: [...PERMISSIONS] }), {
    description:
      'What the role may do within the merchant (or store) it reaches; every call is still checked. Clients offer only these.',
  }),
});

export const Credentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const StaffSignedIn = Type.Object(
  { token: Type.String(), expiresAt: Timestamp, staff: StaffProfile },
  { description: 'Signed in: the session token, when it expires, and who you are' },
);
export const SignedOut = Type.Null({ description: 'Signed out' });
