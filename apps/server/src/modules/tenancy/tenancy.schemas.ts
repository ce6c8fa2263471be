import { Type } from '@sinclair/typebox';
import { MerchantCode, Nullable, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** Merchants and their stores, as shown and as an admin creates or changes them. */
export const Merchant = Type.Object({
  id: Uuid,
  providerId: Uuid,
  code: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
});
export const MerchantList = Type.Object(
  { merchants: Type.Array(Merchant) },
  { description: 'The merchants, oldest first' },
);
export const NewMerchant = Type.Object(
  { code: MerchantCode, name: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);

export const Store = Type.Object({
  id: Uuid,
  merchantId: Uuid,
  code: Type.String(),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  storeGroup: Type.Union([Type.String(), Type.Null()]),
});
export const StoreList = Type.Object({ stores: Type.Array(Store) }, { description: 'The stores, by code' });

const StoreCode = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,20}$',
  description: 'short code shown on receipts, e.g. SH-01',
});
const StoreName = Type.String({ minLength: 1, maxLength: 80 });
const Address = Type.String({ minLength: 1, maxLength: 200 });
const StoreGroup = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'a region or group the merchant reports by',
});

export const NewStore = Type.Object(
  {
    code: StoreCode,
    name: StoreName,
    address: Type.Optional(Nullable(Address)),
    storeGroup: Type.Optional(Nullable(StoreGroup)),
  },
  { additionalProperties: false },
);
export const StoreChange = Type.Object(
  {
    code: Type.Optional(StoreCode),
    name: Type.Optional(StoreName),
    address: Type.Optional(Nullable(Address)),
    storeGroup: Type.Optional(Nullable(StoreGroup)),
  },
  { additionalProperties: false, minProperties: 1 },
);
