import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The typed shape of Shualian's PostgreSQL schema, as the migrations leave it.
 * Every table owned by a tenant carries `merchant_id` as the first column of its primary key, so the schema can be
 * distributed by merchant (Citus) without redesign. Provider-level tables are small reference tables.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = Record<string, unknown>> = ColumnType<T, T | string | undefined, T | string>;

export type StaffRole = 'provider_admin' | 'merchant_admin' | 'store_manager' | 'cashier';
export type DeviceKind = 'kiosk' | 'entrance_camera' | 'member_app';
export type DeviceStatus = 'pending' | 'active' | 'revoked';

export interface ServiceProvidersTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface MerchantsTable {
  id: string;
  provider_id: string;
  code: string;
  name: string;
  settings: Json;
  created_at: Timestamp;
}

export interface StoresTable {
  merchant_id: string;
  id: string;
  code: string;
  name: string;
  address: string | null;
  store_group: string | null;
  created_at: Timestamp;
}

export interface StaffUsersTable {
  id: string;
  provider_id: string;
  merchant_id: string | null;
  store_id: string | null;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface StaffSessionsTable {
  token_hash: string;
  staff_id: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface DevicesTable {
  merchant_id: string;
  id: string;
  store_id: string;
  kind: DeviceKind;
  name: string;
  status: DeviceStatus;
  activation_code_hash: string | null;
  activation_expires_at: NullableTimestamp;
  public_key: string | null;
  app_version: string | null;
  last_seen_at: NullableTimestamp;
  activated_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
}

export interface DeviceNoncesTable {
  merchant_id: string;
  device_id: string;
  nonce: string;
  seen_at: Timestamp;
}

export interface ProductsTable {
  merchant_id: string;
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  name_en: string | null;
  unit: string;
  price_fen: number;
  member_price_fen: number | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  merchant_id: string;
  id: Generated<number>;
  actor_type: 'staff' | 'device' | 'member' | 'system';
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Json;
  at: Timestamp;
}

export interface Database {
  service_providers: ServiceProvidersTable;
  merchants: MerchantsTable;
  stores: StoresTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  devices: DevicesTable;
  device_nonces: DeviceNoncesTable;
  products: ProductsTable;
  audit_events: AuditEventsTable;
}

export type Merchant = Selectable<MerchantsTable>;
export type Store = Selectable<StoresTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type Device = Selectable<DevicesTable>;
export type DeviceUpdate = Updateable<DevicesTable>;
export type Product = Selectable<ProductsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
