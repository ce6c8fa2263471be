import {
  bearerToken,
  createApiClient,
  unwrap,
  type ApiClient,
  type CameraRole,
  type CaptureLabel,
  type DeviceKind,
  type MerchantSettings,
  type QueryOf,
  type RequestOf,
} from '@shualian/sdk';

export const DEVICE_KINDS: DeviceKind[] = ['kiosk', 'entrance_camera', 'member_app'];
export const CAMERA_ROLES: CameraRole[] = ['entry', 'exit', 'both'];
export const CAPTURE_LABELS: CaptureLabel[] = ['live', 'print', 'screen', 'mask', 'other_attack'];

/** Empty filters are left out of the query rather than sent as empty strings. */
function filled<T extends Record<string, unknown>>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as T;
}

/** Staff calls with the session's bearer token; `onUnauthorized` hears of an expired or revoked session. */
export class ConsoleApi {
  private readonly client: ApiClient;

  constructor(token: string, onUnauthorized: () => void = () => {}) {
    this.client = createApiClient({ middleware: [bearerToken(token, onUnauthorized)] });
  }

  static login(username: string, password: string) {
    return unwrap(createApiClient().POST('/v1/auth/login', { body: { username, password } }));
  }

  private merchant(merchantId: string) {
    return { params: { path: { merchantId } } };
  }

  me = () => unwrap(this.client.GET('/v1/auth/me'));
  logout = () => unwrap(this.client.POST('/v1/auth/logout'));
  merchants = async () => (await unwrap(this.client.GET('/v1/merchants'))).merchants;
  stores = async (merchantId: string) =>
    (await unwrap(this.client.GET('/v1/merchants/{merchantId}/stores', this.merchant(merchantId)))).stores;

  devices = async (merchantId: string) =>
    (await unwrap(this.client.GET('/v1/merchants/{merchantId}/devices', this.merchant(merchantId)))).devices;
  registerDevice = (merchantId: string, storeId: string, body: RequestOf<'registerDevice'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/stores/{storeId}/devices', {
        params: { path: { merchantId, storeId } },
        body,
      }),
    );
  revokeDevice = (merchantId: string, deviceId: string) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/devices/{deviceId}/revoke', {
        params: { path: { merchantId, deviceId } },
      }),
    );

  /**
   * Who is in the store now (consenting members named, masked; everyone else a count). With `after` (the last answer's
   * version) the server answers when the store changes, or after `waitSeconds`: 店内顾客's live list.
   */
  presence = (merchantId: string, storeId: string, wait?: { after: string; waitSeconds: number }) =>
    unwrap(
      this.client.GET('/v1/merchants/{merchantId}/stores/{storeId}/presence', {
        params: { path: { merchantId, storeId }, query: wait },
        timeoutMs: ((wait?.waitSeconds ?? 0) + 15) * 1000,
      }),
    );
  traffic = (merchantId: string, storeId: string, date: string) =>
    unwrap(
      this.client.GET('/v1/merchants/{merchantId}/stores/{storeId}/traffic', {
        params: { path: { merchantId, storeId }, query: { date } },
      }),
    );
  entranceCameras = async (merchantId: string, storeId: string) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/stores/{storeId}/entrance-cameras', {
          params: { path: { merchantId, storeId } },
        }),
      )
    ).cameras;
  setEntranceCameraRole = (merchantId: string, deviceId: string, role: CameraRole) =>
    unwrap(
      this.client.PUT('/v1/merchants/{merchantId}/devices/{deviceId}/entrance-role', {
        params: { path: { merchantId, deviceId } },
        body: { role },
      }),
    );

  /** Member-only doors: a consenting member the watching camera recognises opens one (signed command to its relay). */
  doors = async (merchantId: string, storeId: string) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/stores/{storeId}/doors', {
          params: { path: { merchantId, storeId } },
        }),
      )
    ).doors;
  registerDoor = (merchantId: string, storeId: string, body: RequestOf<'registerDoor'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/stores/{storeId}/doors', {
        params: { path: { merchantId, storeId } },
        body,
      }),
    );
  updateDoor = (merchantId: string, doorId: string, body: RequestOf<'updateDoor'>) =>
    unwrap(
      this.client.PATCH('/v1/merchants/{merchantId}/doors/{doorId}', {
        params: { path: { merchantId, doorId } },
        body,
      }),
    );
  setCameraDoor = (merchantId: string, deviceId: string, doorId: string | null) =>
    unwrap(
      this.client.PUT('/v1/merchants/{merchantId}/devices/{deviceId}/door', {
        params: { path: { merchantId, deviceId } },
        body: { doorId },
      }),
    );
  doorEvents = async (merchantId: string, storeId: string, limit = 20) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/stores/{storeId}/door-events', {
          params: { path: { merchantId, storeId }, query: { limit } },
        }),
      )
    ).events;

  members = async (merchantId: string, filter: QueryOf<'listMembers'>) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/members', {
          params: { path: { merchantId }, query: filled(filter) },
        }),
      )
    ).members;
  wallet = (merchantId: string, memberId: string) =>
    unwrap(
      this.client.GET('/v1/merchants/{merchantId}/members/{memberId}/wallet', {
        params: { path: { merchantId, memberId } },
      }),
    );
  topUp = (merchantId: string, memberId: string, body: RequestOf<'topUpWallet'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/members/{memberId}/top-ups', {
        params: { path: { merchantId, memberId } },
        body,
      }),
    );

  payments = async (merchantId: string, filter: QueryOf<'listPayments'>) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/payments', {
          params: { path: { merchantId }, query: filled(filter) },
        }),
      )
    ).payments;
  refund = (merchantId: string, paymentId: string, body: RequestOf<'refundPayment'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/payments/{paymentId}/refunds', {
        params: { path: { merchantId, paymentId } },
        body,
      }),
    );
  settlement = (merchantId: string, date: string) =>
    unwrap(
      this.client.GET('/v1/merchants/{merchantId}/settlement', { params: { path: { merchantId }, query: { date } } }),
    );

  settings = (merchantId: string) =>
    unwrap(this.client.GET('/v1/merchants/{merchantId}/settings', this.merchant(merchantId)));
  updateSettings = (merchantId: string, patch: Partial<MerchantSettings>) =>
    unwrap(this.client.PATCH('/v1/merchants/{merchantId}/settings', { ...this.merchant(merchantId), body: patch }));

  promotions = async (merchantId: string) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/promotions', {
          params: { path: { merchantId }, query: { limit: 200 } },
        }),
      )
    ).promotions;
  createPromotion = (merchantId: string, body: RequestOf<'createPromotion'>) =>
    unwrap(this.client.POST('/v1/merchants/{merchantId}/promotions', { ...this.merchant(merchantId), body }));
  updatePromotion = (merchantId: string, promotionId: string, body: RequestOf<'updatePromotion'>) =>
    unwrap(
      this.client.PATCH('/v1/merchants/{merchantId}/promotions/{promotionId}', {
        params: { path: { merchantId, promotionId } },
        body,
      }),
    );
  setPromotionPaused = (merchantId: string, promotionId: string, paused: boolean) =>
    unwrap(
      this.client.POST(
        paused
          ? '/v1/merchants/{merchantId}/promotions/{promotionId}/pause'
          : '/v1/merchants/{merchantId}/promotions/{promotionId}/resume',
        { params: { path: { merchantId, promotionId } } },
      ),
    );
  couponTemplates = async (merchantId: string) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/coupon-templates', {
          params: { path: { merchantId }, query: { limit: 200 } },
        }),
      )
    ).templates;
  createCouponTemplate = (merchantId: string, body: RequestOf<'createCouponTemplate'>) =>
    unwrap(this.client.POST('/v1/merchants/{merchantId}/coupon-templates', { ...this.merchant(merchantId), body }));
  setCouponTemplatePaused = (merchantId: string, templateId: string, paused: boolean) =>
    unwrap(
      this.client.POST(
        paused
          ? '/v1/merchants/{merchantId}/coupon-templates/{templateId}/pause'
          : '/v1/merchants/{merchantId}/coupon-templates/{templateId}/resume',
        { params: { path: { merchantId, templateId } } },
      ),
    );
  grantCoupon = (merchantId: string, templateId: string, body: RequestOf<'grantCoupon'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/coupon-templates/{templateId}/grants', {
        params: { path: { merchantId, templateId } },
        body,
      }),
    );
  issueCouponCampaign = (merchantId: string, templateId: string, body: RequestOf<'issueCouponCampaign'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/coupon-templates/{templateId}/campaigns', {
        params: { path: { merchantId, templateId } },
        body,
      }),
    );
  promotionSettings = (merchantId: string) =>
    unwrap(this.client.GET('/v1/merchants/{merchantId}/promotion-settings', this.merchant(merchantId)));
  updatePromotionSettings = (merchantId: string, body: RequestOf<'updatePromotionSettings'>) =>
    unwrap(this.client.PUT('/v1/merchants/{merchantId}/promotion-settings', { ...this.merchant(merchantId), body }));

  livenessCalibration = (merchantId: string) =>
    unwrap(this.client.GET('/v1/merchants/{merchantId}/liveness-captures', this.merchant(merchantId)));
  startLivenessCapture = (merchantId: string, body: RequestOf<'startLivenessCapture'>) =>
    unwrap(this.client.POST('/v1/merchants/{merchantId}/liveness-captures', { ...this.merchant(merchantId), body }));
  endLivenessCapture = (merchantId: string, captureId: string) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/liveness-captures/{captureId}/end', {
        params: { path: { merchantId, captureId } },
      }),
    );
  deleteLivenessCapture = (merchantId: string, captureId: string) =>
    unwrap(
      this.client.DELETE('/v1/merchants/{merchantId}/liveness-captures/{captureId}', {
        params: { path: { merchantId, captureId } },
      }),
    );

  loyaltyProgram = (merchantId: string) =>
    unwrap(this.client.GET('/v1/merchants/{merchantId}/loyalty/program', this.merchant(merchantId)));
  updateLoyaltyProgram = (merchantId: string, patch: RequestOf<'updateLoyaltyProgram'>) =>
    unwrap(
      this.client.PATCH('/v1/merchants/{merchantId}/loyalty/program', { ...this.merchant(merchantId), body: patch }),
    );
  loyaltyTiers = async (merchantId: string) =>
    (await unwrap(this.client.GET('/v1/merchants/{merchantId}/loyalty/tiers', this.merchant(merchantId)))).tiers;
  defineLoyaltyTiers = async (merchantId: string, tiers: RequestOf<'defineLoyaltyTiers'>['tiers']) =>
    (
      await unwrap(
        this.client.PUT('/v1/merchants/{merchantId}/loyalty/tiers', { ...this.merchant(merchantId), body: { tiers } }),
      )
    ).tiers;
  memberCard = (merchantId: string, memberId: string) =>
    unwrap(
      this.client.GET('/v1/merchants/{merchantId}/members/{memberId}/loyalty-card', {
        params: { path: { merchantId, memberId } },
      }),
    );
  correctBirthday = (merchantId: string, memberId: string, body: RequestOf<'correctMemberBirthday'>) =>
    unwrap(
      this.client.PUT('/v1/merchants/{merchantId}/members/{memberId}/birthday', {
        params: { path: { merchantId, memberId } },
        body,
      }),
    );
  memberPoints = (merchantId: string, memberId: string) =>
    unwrap(
      this.client.GET('/v1/merchants/{merchantId}/members/{memberId}/points', {
        params: { path: { merchantId, memberId } },
      }),
    );
  adjustPoints = (merchantId: string, memberId: string, body: RequestOf<'adjustMemberPoints'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/members/{memberId}/points-adjustments', {
        params: { path: { merchantId, memberId } },
        body,
      }),
    );
  storedValuePlans = async (merchantId: string) =>
    (await unwrap(this.client.GET('/v1/merchants/{merchantId}/stored-value-plans', this.merchant(merchantId)))).plans;
  createStoredValuePlan = (merchantId: string, body: RequestOf<'createStoredValuePlan'>) =>
    unwrap(this.client.POST('/v1/merchants/{merchantId}/stored-value-plans', { ...this.merchant(merchantId), body }));
  sellStoredValuePlan = (merchantId: string, memberId: string, body: RequestOf<'purchaseStoredValuePlan'>) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/members/{memberId}/stored-value-purchases', {
        params: { path: { merchantId, memberId } },
        body,
      }),
    );
  refundStoredValuePurchase = (
    merchantId: string,
    memberId: string,
    purchaseId: string,
    body: RequestOf<'refundStoredValuePurchase'>,
  ) =>
    unwrap(
      this.client.POST('/v1/merchants/{merchantId}/members/{memberId}/stored-value-purchases/{purchaseId}/refund', {
        params: { path: { merchantId, memberId, purchaseId } },
        body,
      }),
    );
  storedValueReport = (merchantId: string) =>
    unwrap(this.client.GET('/v1/merchants/{merchantId}/stored-value/report', this.merchant(merchantId)));

  auditEvents = async (merchantId: string, page: QueryOf<'listAuditEvents'>) =>
    (
      await unwrap(
        this.client.GET('/v1/merchants/{merchantId}/audit-events', {
          params: { path: { merchantId }, query: filled(page) },
        }),
      )
    ).events;
}
