import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The typed shape of Shualian's PostgreSQL schema, as the migrations leave it.
 * Every table owned by a tenant carries `merchant_id` as the first column of its primary key, and its unique and
 * foreign keys include it, so the schema can be distributed by merchant (Citus) without redesign. The tables on the
 * reference list (`distribution.ts`: providers, merchants, staff and their sessions) are small and copied to every
 * node. `schema-lint.int.spec.ts` holds the schema to these rules.
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
  /** The demo merchant seeded on first start (its kiosk may offer the demo camera); set only by the seed. */
  demo: Generated<boolean>;
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
  /** Wrong passwords since the last success or lock (attempts in flight count until they are checked). */
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  /** Locks since the last successful sign-in; each one lasts twice as long as the one before. */
  lockouts: Generated<number>;
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
  category: string | null;
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

export interface MembersTable {
  merchant_id: string;
  id: string;
  phone: string;
  phone_suffix: string;
  display_name: string | null;
  /** How often the member's face data was deleted; an enrollment that sees it change while it analyses stores nothing. */
  face_data_deletions: Generated<number>;
  created_at: Timestamp;
}

export interface OtpChallengesTable {
  merchant_id: string;
  id: string;
  phone: string;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: NullableTimestamp;
  client_ip: string | null;
  created_at: Timestamp;
}

export interface SmsOutboxTable {
  merchant_id: string;
  id: string;
  phone: string;
  body: string;
  created_at: Timestamp;
}

export interface MemberSessionsTable {
  token_hash: string;
  merchant_id: string;
  member_id: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface ConsentsTable {
  merchant_id: string;
  id: string;
  member_id: string;
  purpose: string;
  version: string;
  text_sha256: string;
  granted_at: Timestamp;
  withdrawn_at: NullableTimestamp;
  device_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
}

export interface MerchantDataKeysTable {
  merchant_id: string;
  version: number;
  wrapped_key: string;
  created_at: Timestamp;
}

export interface FaceTemplatesTable {
  merchant_id: string;
  id: string;
  member_id: string;
  key_version: number;
  ciphertext: string;
  model: string;
  quality: Json;
  created_at: Timestamp;
}

export interface FaceImagesTable {
  merchant_id: string;
  id: string;
  member_id: string;
  key_version: number;
  ciphertext: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface EnrollmentReviewsTable {
  merchant_id: string;
  id: string;
  member_id: string;
  matched_member_id: string;
  score: number;
  created_at: Timestamp;
}

export interface PaymentAgreementsTable {
  merchant_id: string;
  member_id: string;
  password_free: boolean;
  per_payment_limit_fen: number;
  daily_limit_fen: number;
  pin_hash: string | null;
  pin_failures: Generated<number>;
  pin_locked_until: NullableTimestamp;
  updated_at: Timestamp;
}

/**
 * Money accounts hold fen; the points accounts (`member_points`, `points_program`) hold whole points in the same
 * `amount_fen` column: each of the ledger service's movements posts to money accounts only or to points accounts only.
 * Added by the ledger module's migration 0011: stored-value bonus and points.
 */
export type LedgerAccountKind =
  | 'member_wallet'
  | 'merchant_revenue'
  | 'topup_clearing'
  | 'merchant_receivable'
  | 'member_bonus'
  | 'bonus_funding'
  | 'member_points'
  | 'points_program';
export type LedgerTransactionKind =
  | 'top_up'
  | 'payment'
  | 'refund'
  | 'plan_purchase'
  | 'plan_refund'
  | 'points_earn'
  | 'points_reverse'
  | 'points_redeem'
  | 'points_expire'
  | 'points_adjust';

export interface LedgerAccountsTable {
  merchant_id: string;
  id: string;
  kind: LedgerAccountKind;
  member_id: string | null;
  created_at: Timestamp;
}

export interface LedgerTransactionsTable {
  merchant_id: string;
  id: string;
  kind: LedgerTransactionKind;
  reference: string | null;
  /** The staff member who moved the money (a top-up at the till, a refund); null for members and devices. */
  staff_id: string | null;
  reason: string | null;
  created_at: Timestamp;
}

export interface LedgerEntriesTable {
  merchant_id: string;
  id: Generated<number>;
  transaction_id: string;
  account_id: string;
  /** > 0 debit, < 0 credit; a transaction's entries sum to zero. */
  amount_fen: number;
  created_at: Timestamp;
  /**
   * The entry's place in its transaction's chain of legs (1, 2, …): a leg opens at the running total the leg before
   * closed at, and the last leg closes at zero. Constraints on these columns are how the database refuses an
   * unbalanced transaction (migration 0009).
   */
  leg: Generated<number>;
  last_leg: Generated<boolean>;
  opening_fen: Generated<number>;
  closing_fen: GeneratedAlways<number>;
  previous_leg: GeneratedAlways<number | null>;
  next_leg: GeneratedAlways<number | null>;
}

export interface AccountBalancesTable {
  merchant_id: string;
  account_id: string;
  balance_fen: number;
  updated_at: Timestamp;
}

/** A per-window use count (SMS codes per phone, searches per staff member, …), raised only while under its limit. */
export interface RateCountersTable {
  merchant_id: string;
  key: string;
  window_started_at: Timestamp;
  count: number;
}

export interface IdempotencyRecordsTable {
  merchant_id: string;
  scope: string;
  key: string;
  request_hash: string;
  result: Json;
  created_at: Timestamp;
}

export type FaceSessionStatus = 'awaiting_frames' | 'step_up' | 'approved' | 'paid' | 'locked' | 'refused';

export interface FaceSessionsTable {
  merchant_id: string;
  id: string;
  store_id: string;
  device_id: string;
  amount_fen: number;
  items: Json<unknown[]>;
  status: FaceSessionStatus;
  challenge: Json;
  candidates: Json<unknown[]>;
  step_up: string | null;
  failed_attempts: Generated<number>;
  member_id: string | null;
  decision: Json;
  payment_id: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export type LivenessCaptureLabel = 'live' | 'print' | 'screen' | 'mask' | 'other_attack';

export interface LivenessCapturesTable {
  merchant_id: string;
  id: string;
  device_id: string;
  label: LivenessCaptureLabel;
  note: string | null;
  started_by: string;
  consent_version: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface LivenessCaptureAttemptsTable {
  merchant_id: string;
  id: string;
  capture_id: string;
  challenge: Json;
  status: 'awaiting_frames' | 'assessed';
  passed: boolean | null;
  verdict: Json | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PaymentsTable {
  merchant_id: string;
  id: string;
  store_id: string;
  device_id: string | null;
  member_id: string;
  face_session_id: string | null;
  amount_fen: number;
  refunded_fen: Generated<number>;
  items: Json<unknown[]>;
  transaction_id: string;
  created_at: Timestamp;
}

export interface RefundsTable {
  merchant_id: string;
  id: string;
  payment_id: string;
  amount_fen: number;
  reason: string | null;
  transaction_id: string;
  created_by: string;
  created_at: Timestamp;
}

export interface ReceiptsTable {
  merchant_id: string;
  id: string;
  member_id: string;
  kind: 'payment' | 'refund' | 'top_up' | 'notice';
  payment_id: string | null;
  body: Json;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface OutboxAggregatesTable {
  merchant_id: string;
  aggregate_type: string;
  aggregate_id: string;
  last_sequence: number;
}

export interface OutboxEventsTable {
  merchant_id: string;
  id: Generated<number>;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  /** 1, 2, … per aggregate, in commit order. */
  sequence: number;
  payload: Json;
  occurred_at: Timestamp;
}

export interface OutboxSubscriptionsTable {
  subscriber: string;
  event_types: string[];
  updated_at: Timestamp;
}

export type OutboxDeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface OutboxDeliveriesTable {
  merchant_id: string;
  event_id: number;
  subscriber: string;
  aggregate_type: string;
  aggregate_id: string;
  sequence: number;
  status: OutboxDeliveryStatus;
  attempts: Generated<number>;
  /** When to try again after a failure; null for a delivery not yet tried (due at once). */
  next_attempt_at: NullableTimestamp;
  /** Set while a dispatcher runs the handler; another may take the delivery over once `lease_until` has passed. */
  lease_token: string | null;
  lease_until: NullableTimestamp;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  dead_at: NullableTimestamp;
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
  members: MembersTable;
  otp_challenges: OtpChallengesTable;
  sms_outbox: SmsOutboxTable;
  member_sessions: MemberSessionsTable;
  consents: ConsentsTable;
  merchant_data_keys: MerchantDataKeysTable;
  face_templates: FaceTemplatesTable;
  face_images: FaceImagesTable;
  enrollment_reviews: EnrollmentReviewsTable;
  payment_agreements: PaymentAgreementsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  account_balances: AccountBalancesTable;
  idempotency_records: IdempotencyRecordsTable;
  rate_counters: RateCountersTable;
  face_sessions: FaceSessionsTable;
  liveness_captures: LivenessCapturesTable;
  liveness_capture_attempts: LivenessCaptureAttemptsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  receipts: ReceiptsTable;
  outbox_aggregates: OutboxAggregatesTable;
  outbox_events: OutboxEventsTable;
  outbox_subscriptions: OutboxSubscriptionsTable;
  outbox_deliveries: OutboxDeliveriesTable;
}

export type Merchant = Selectable<MerchantsTable>;
export type Store = Selectable<StoresTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type Device = Selectable<DevicesTable>;
export type LivenessCapture = Selectable<LivenessCapturesTable>;
export type LivenessCaptureAttempt = Selectable<LivenessCaptureAttemptsTable>;
export type DeviceUpdate = Updateable<DevicesTable>;
export type Product = Selectable<ProductsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type Member = Selectable<MembersTable>;
export type Consent = Selectable<ConsentsTable>;
export type FaceTemplate = Selectable<FaceTemplatesTable>;
export type PaymentAgreement = Selectable<PaymentAgreementsTable>;
export type LedgerAccount = Selectable<LedgerAccountsTable>;
export type FaceSession = Selectable<FaceSessionsTable>;
export type Payment = Selectable<PaymentsTable>;
export type Refund = Selectable<RefundsTable>;
export type Receipt = Selectable<ReceiptsTable>;
export type OutboxEvent = Selectable<OutboxEventsTable>;
export type OutboxDelivery = Selectable<OutboxDeliveriesTable>;
