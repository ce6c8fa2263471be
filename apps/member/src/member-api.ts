import { ApiError, apiRequest, type ApiRequest } from '@shualian/web-kit';

/** The member app's view of the API (apps/server/src/http/routes/member.routes.ts); money is integer fen. */
export interface MemberProfile {
  memberId: string;
  merchantId: string;
  maskedPhone: string;
  displayName: string | null;
}

export interface ConsentDocument {
  purpose: string;
  version: string;
  sha256: string;
  rawImagesKept: boolean;
  retentionDays: number;
  zh: string;
  en: string;
}

export interface SignInResult {
  token: string;
  expiresAt: string;
  created: boolean;
  member: MemberProfile;
}

export interface FaceDataSummary {
  enrolled: boolean;
  templateCount: number;
  enrolledAt: string | null;
  model: string | null;
  rawImagesKept: number;
  consent: { version: string; grantedAt: string } | null;
}

export interface EnrollmentResult {
  templateCount: number;
  framesUsed: number;
  framesRejected: Array<{ frame: number; reasons: string[] }>;
  replacedPrevious: boolean;
}

export interface Deletion {
  templatesDeleted: number;
  imagesDeleted: number;
}

export interface Wallet {
  memberId: string;
  balanceFen: number;
  verified: boolean;
  history: Array<{
    transactionId: string;
    kind: string;
    amountFen: number;
    reference: string | null;
    /** A test-channel top-up: no real payment stands behind it. */
    testMoney?: boolean;
    at: string;
  }>;
}

export interface TopUpResult {
  transactionId: string;
  memberId: string;
  amountFen: number;
  balanceFen: number;
  testMoney: boolean;
}

export interface PaymentAgreement {
  passwordFree: boolean;
  perPaymentLimitFen: number;
  dailyLimitFen: number;
  pinSet: boolean;
  pinLockedUntil: string | null;
}

export interface Receipt {
  id: string;
  kind: string;
  paymentId: string | null;
  body: Record<string, unknown>;
  createdAt: string;
}

/** Calls anyone may make: they name the merchant by its code. */
export const publicApi = {
  requestOtp: (merchantCode: string, phone: string) =>
    apiRequest<{ expiresAt: string }>({ method: 'POST', path: '/v1/members/otp', body: { merchantCode, phone } }),
  register: (input: { merchantCode: string; phone: string; code: string; displayName?: string }) =>
    apiRequest<SignInResult>({ method: 'POST', path: '/v1/members/register', body: input }),
  consentDocument: (merchantCode: string) =>
    apiRequest<ConsentDocument>({
      path: `/v1/members/consent-document?merchantCode=${encodeURIComponent(merchantCode)}`,
    }),
};

/** Calls made as the signed-in member; a session the server no longer knows signs the member out. */
export class MemberApi {
  constructor(
    private readonly token: string,
    private readonly onSessionEnded: () => void,
  ) {}

  me = () => this.call<MemberProfile>({ path: '/v1/member/me' });
  recordConsent = (consent: ConsentDocument) =>
    this.call<{ consentId: string; version: string; grantedAt: string }>({
      method: 'POST',
      path: '/v1/member/consents',
      body: { version: consent.version, textSha256: consent.sha256, accepted: true },
    });
  withdrawConsent = () => this.call<Deletion>({ method: 'DELETE', path: '/v1/member/consents/biometric' });
  // The first face call loads the face engine on the server: allow it time.
  enrollFace = (frames: string[]) =>
    this.call<EnrollmentResult>({ method: 'POST', path: '/v1/member/face', body: { frames }, timeoutMs: 120_000 });
  faceData = () => this.call<FaceDataSummary>({ path: '/v1/member/face' });
  deleteFaceData = () => this.call<Deletion>({ method: 'DELETE', path: '/v1/member/face' });
  wallet = () => this.call<Wallet>({ path: '/v1/member/wallet' });
  topUp = (amountFen: number, idempotencyKey: string) =>
    this.call<TopUpResult>({ method: 'POST', path: '/v1/member/wallet/top-ups', body: { amountFen, idempotencyKey } });
  agreement = () => this.call<PaymentAgreement>({ path: '/v1/member/payment-agreement' });
  updateAgreement = (patch: { passwordFree?: boolean; perPaymentLimitFen?: number; dailyLimitFen?: number }) =>
    this.call<PaymentAgreement>({ method: 'PUT', path: '/v1/member/payment-agreement', body: patch });
  setPin = (pin: string, currentPin?: string) =>
    this.call<PaymentAgreement>({
      method: 'PUT',
      path: '/v1/member/pin',
      body: currentPin === undefined ? { pin } : { pin, currentPin },
    });
  receipts = (options: { limit?: number; before?: string } = {}) => {
    const query = new URLSearchParams({ limit: String(options.limit ?? 20) });
    if (options.before) query.set('before', options.before);
    return this.call<{ receipts: Receipt[] }>({ path: `/v1/member/receipts?${query.toString()}` });
  };

  private async call<T>(request: ApiRequest): Promise<T> {
    try {
      return await apiRequest<T>({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${this.token}` },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && error.code.startsWith('member_session'))
        this.onSessionEnded();
      throw error;
    }
  }
}
