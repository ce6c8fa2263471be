import { Type } from '@sinclair/typebox';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** A merchant's staff accounts: the account as shown, and what an admin sends to create or change one. */
const Role = Type.Union(
  [
    Type.Literal('merchant_admin'),
    Type.Literal('store_manager'),
    Type.Literal('cashier'),
    Type.Literal('provider_admin'),
  ],
  {
    description:
      'merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given',
  },
);
export const StaffMember = Type.Object({
  staffId: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  merchantId: Uuid,
  storeId: Type.Union([Uuid, Type.Null()]),
  disabled: Type.Boolean(),
  disabledAt: NullableTimestamp,
  createdAt: Timestamp,
});
export const StaffList = Type.Object({ staff: Type.Array(StaffMember) }, { description: 'The staff, by username' });

const Username = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$',
  description: '3-64 characters of a-z 0-9 . _ -, unique on this server; stored in lower case',
});
const Password = Type.String({ minLength: 10, maxLength: 256, description: 'at least 10 characters' });
const DisplayName = Type.String({ minLength: 1, maxLength: 80 });

export const StaffParams = Type.Object({ merchantId: Uuid, staffId: Uuid });
export const NewStaff = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    password: Password,
    role: Role,
    storeId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export const StaffChange = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(Role),
    storeId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const NewPassword = Type.Object({ password: Password }, { additionalProperties: false });
