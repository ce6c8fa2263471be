import { apiRequest, type ApiRequest } from '@shualian/web-kit';

/** What the console reads and writes, shaped as the API answers (apps/server/src/http/routes/*.routes.ts). */
export type StaffRole = 'provider_admin' | 'merchant_admin' | 'store_manager' | 'cashier';

export interface StaffProfile {
  staffId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  providerId: string;
  merchantId: string | null;
  storeId: string | null;
}

export interface Merchant {
  id: string;
  providerId: string;
  code: string;
  name: string;
  createdAt: string;
}

export interface Store {
  id: string;
  merchantId: string;
  code: string;
  name: string;
  address: string | null;
  storeGroup: string | null;
}

export type DeviceKind = 'kiosk' | 'entrance_camera' | 'member_app';
export const DEVICE_KINDS: DeviceKind[] = ['kiosk', 'entrance_camera', 'member_app'];

export interface Device {
  id: string;
  merchantId: string;
  storeId: string;
  kind: DeviceKind;
  name: string;
  status: 'pending' | 'active' | 'revoked';
  online: boolean;
  appVersion: string | null;
  lastSeenAt: string | null;
  activatedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface MemberSummary {
  memberId: string;
  maskedPhone: string;
  displayName: string | null;
  consent: boolean;
  enrolled: boolean;
  createdAt: string;
}

export interface Wallet {
  memberId: string;
  balanceFen: number;
  verified: boolean;
  history: Array<{
    transactionId: string;
    kind: 'top_up' | 'payment' | 'refund';
    amountFen: number;
    reference: string | null;
    at: string;
  }>;
}

export interface PaymentLine {
  productId?: string;
  name?: string;
  quantity?: number;
  lineTotalFen?: number;
}

export interface Payment {
  paymentId: string;
  storeId: string;
  deviceId: string | null;
  memberId: string;
  amountFen: number;
  refundedFen: number;
  items: PaymentLine[];
  createdAt: string;
}

export interface RefundResult {
  refundId: string;
  paymentId: string;
  amountFen: number;
  refundedFen: number;
  balanceFen: number;
}

export interface SettlementReport {
  date: string;
  from: string;
  to: string;
  stores: Array<{
    storeId: string;
    paymentCount: number;
    grossFen: number;
    refundCount: number;
    refundedFen: number;
    netFen: number;
  }>;
  grossFen: number;
  refundedFen: number;
  netFen: number;
  topUpCount: number;
  topUpFen: number;
  ledgerConsistent: boolean;
}

export type CaptureLabel = 'live' | 'print' | 'screen' | 'mask' | 'other_attack';
export const CAPTURE_LABELS: CaptureLabel[] = ['live', 'print', 'screen', 'mask', 'other_attack'];

export interface LivenessCapture {
  captureId: string;
  deviceId: string;
  label: CaptureLabel;
  note: string | null;
  startedBy: string;
  consentVersion: string;
  startedAt: string;
  endedAt: string | null;
  attempts: number;
  passed: number;
}

export interface LivenessCalibration {
  captures: LivenessCapture[];
  labels: Array<{
    label: CaptureLabel;
    attempts: number;
    passed: number;
    errorRate: number | null;
    log10ChanceInStep: { min: number; median: number; max: number } | null;
    antispoofMedian: number | null;
  }>;
  configured: { maxChanceInStep: number; passiveVetoOnlyWhenNoFrameLooksLive: boolean };
  consent: { version: string; text: { zh: string; en: string } };
}

export interface MerchantSettings {
  facePayKillSwitch: boolean;
  faceStrangerOneIn: number;
  maxPaymentFen: number;
  maxPaymentsPerMemberPerHour: number;
  defaultPerPaymentLimitFen: number;
  defaultDailyLimitFen: number;
  maxStepUpFailures: number;
  maxSpoofFlagsPerDevicePerHour: number;
  maxStepUpsPerDevicePerHour: number;
  headTurnWhenFlashNotVisible: boolean;
  headTurnParallax: boolean;
  keepRawImages: boolean;
  rawImageRetentionDays: number;
  testPaymentChannel: boolean;
  cashierMaxTopUpFen: number;
  storeManagerMaxTopUpFen: number;
  merchantAdminMaxTopUpFen: number;
}

interface OperatingPoint {
  threshold: number;
  trueAcceptRate: number;
  falseAccepts: number;
}

export interface SettingsView {
  merchantId: string;
  settings: MerchantSettings;
  engine: {
    modelId: string;
    thresholds: { match: number; high: number; margin: number };
    measured: {
      measuredOn: string;
      source: string;
      dataset: string;
      genuinePairs: number;
      impostorPairs: number;
      atMatch: OperatingPoint;
      atHigh: OperatingPoint;
      highestImpostor: { facesBbt: number; demoPhotos: number };
    };
  };
  openSet: {
    calibration: { measuredOn: string; source: string; per: 'template' | 'member' };
    gallery: { templates: number; members: number };
    targets: Array<{ oneIn: number; current: boolean; payScore: number; membersPayAloneAtMost: number }>;
    genuineSource: string;
  };
  devices: { activationCodeTtlHours: number; deviceOfflineAfterSeconds: number };
}

export interface AuditEvent {
  id: number;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  at: string;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Staff calls with the session's bearer token; `onUnauthorized` hears of an expired or revoked session. */
export class ConsoleApi {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  static login(username: string, password: string) {
    return apiRequest<{ token: string; expiresAt: string; staff: StaffProfile }>({
      method: 'POST',
      path: '/v1/auth/login',
      body: { username, password },
    });
  }

  private async call<T>(request: ApiRequest): Promise<T> {
    try {
      return await apiRequest<T>({ ...request, headers: { authorization: `Bearer ${this.token}` } });
    } catch (error) {
      if ((error as { status?: number }).status === 401) this.onUnauthorized();
      throw error;
    }
  }

  me = () => this.call<StaffProfile>({ path: '/v1/auth/me' });
  logout = () => this.call<null>({ method: 'POST', path: '/v1/auth/logout' });
  merchants = () => this.call<{ merchants: Merchant[] }>({ path: '/v1/merchants' }).then((r) => r.merchants);
  stores = (merchantId: string) =>
    this.call<{ stores: Store[] }>({ path: `/v1/merchants/${merchantId}/stores` }).then((r) => r.stores);

  devices = (merchantId: string) =>
    this.call<{ devices: Device[] }>({ path: `/v1/merchants/${merchantId}/devices` }).then((r) => r.devices);
  registerDevice = (merchantId: string, storeId: string, body: { kind: DeviceKind; name: string }) =>
    this.call<{ device: Device; activationCode: string }>({
      method: 'POST',
      path: `/v1/merchants/${merchantId}/stores/${storeId}/devices`,
      body,
    });
  revokeDevice = (merchantId: string, deviceId: string) =>
    this.call<Device>({ method: 'POST', path: `/v1/merchants/${merchantId}/devices/${deviceId}/revoke` });

  members = (merchantId: string, filter: { phoneSuffix?: string; limit?: number }) =>
    this.call<{ members: MemberSummary[] }>({ path: `/v1/merchants/${merchantId}/members${query(filter)}` }).then(
      (r) => r.members,
    );
  wallet = (merchantId: string, memberId: string) =>
    this.call<Wallet>({ path: `/v1/merchants/${merchantId}/members/${memberId}/wallet` });
  topUp = (merchantId: string, memberId: string, body: { amountFen: number; idempotencyKey: string; reason: string }) =>
    this.call<{ transactionId: string; memberId: string; amountFen: number; balanceFen: number; testMoney: boolean }>({
      method: 'POST',
      path: `/v1/merchants/${merchantId}/members/${memberId}/top-ups`,
      body,
    });

  payments = (merchantId: string, filter: { date?: string; storeId?: string; memberId?: string; limit?: number }) =>
    this.call<{ payments: Payment[] }>({ path: `/v1/merchants/${merchantId}/payments${query(filter)}` }).then(
      (r) => r.payments,
    );
  refund = (
    merchantId: string,
    paymentId: string,
    body: { amountFen: number; idempotencyKey: string; reason?: string },
  ) =>
    this.call<RefundResult>({
      method: 'POST',
      path: `/v1/merchants/${merchantId}/payments/${paymentId}/refunds`,
      body,
    });
  settlement = (merchantId: string, date: string) =>
    this.call<SettlementReport>({ path: `/v1/merchants/${merchantId}/settlement${query({ date })}` });

  settings = (merchantId: string) => this.call<SettingsView>({ path: `/v1/merchants/${merchantId}/settings` });
  updateSettings = (merchantId: string, patch: Partial<MerchantSettings>) =>
    this.call<SettingsView>({ method: 'PATCH', path: `/v1/merchants/${merchantId}/settings`, body: patch });

  livenessCalibration = (merchantId: string) =>
    this.call<LivenessCalibration>({ path: `/v1/merchants/${merchantId}/liveness-captures` });
  startLivenessCapture = (
    merchantId: string,
    body: { deviceId: string; label: CaptureLabel; note?: string; consentVersion: string },
  ) => this.call<LivenessCapture>({ method: 'POST', path: `/v1/merchants/${merchantId}/liveness-captures`, body });
  endLivenessCapture = (merchantId: string, captureId: string) =>
    this.call<LivenessCapture>({
      method: 'POST',
      path: `/v1/merchants/${merchantId}/liveness-captures/${captureId}/end`,
    });
  deleteLivenessCapture = (merchantId: string, captureId: string) =>
    this.call<null>({ method: 'DELETE', path: `/v1/merchants/${merchantId}/liveness-captures/${captureId}` });

  auditEvents = (merchantId: string, page: { limit: number; beforeId?: number }) =>
    this.call<{ events: AuditEvent[] }>({ path: `/v1/merchants/${merchantId}/audit-events${query(page)}` }).then(
      (r) => r.events,
    );
}
