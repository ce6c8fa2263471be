import {
  bearerToken,
  createApiClient,
  unwrap,
  type ConsentDocument,
  type EntranceConsentDocument,
  type QueryOf,
  type RequestOf,
} from '@shualian/sdk';

/** Calls anyone may make: they name the merchant by its code. */
const anyone = createApiClient();
export const publicApi = {
  requestOtp: (merchantCode: string, phone: string) =>
    unwrap(anyone.POST('/v1/members/otp', { body: { merchantCode, phone } })),
  register: (input: RequestOf<'registerMember'>) => unwrap(anyone.POST('/v1/members/register', { body: input })),
  consentDocument: (merchantCode: string) =>
    unwrap(anyone.GET('/v1/members/consent-document', { params: { query: { merchantCode } } })),
};

/** Calls made as the signed-in member; a session the server no longer knows signs the member out. */
export class MemberApi {
  private readonly client;

  constructor(token: string, onSessionEnded: () => void) {
    this.client = createApiClient({
      middleware: [bearerToken(token, (code) => code.startsWith('member_session') && onSessionEnded())],
    });
  }

  me = () => unwrap(this.client.GET('/v1/member/me'));
  setBirthday = (birthday: RequestOf<'setMyBirthday'>) =>
    unwrap(this.client.PUT('/v1/member/me/birthday', { body: birthday }));
  recordConsent = (consent: ConsentDocument) =>
    unwrap(
      this.client.POST('/v1/member/consents', {
        body: { version: consent.version, textSha256: consent.sha256, accepted: true },
      }),
    );
  withdrawConsent = () => unwrap(this.client.DELETE('/v1/member/consents/biometric'));
  entranceRecognition = () => unwrap(this.client.GET('/v1/member/entrance-recognition'));
  turnEntranceOn = (document: EntranceConsentDocument) =>
    unwrap(
      this.client.POST('/v1/member/consents/entrance', {
        body: { version: document.version, textSha256: document.sha256, accepted: true },
      }),
    );
  turnEntranceOff = () => unwrap(this.client.DELETE('/v1/member/consents/entrance'));
  // The first face call loads the face engine on the server: allow it time.
  enrollFace = (frames: string[]) =>
    unwrap(this.client.POST('/v1/member/face', { body: { frames }, timeoutMs: 120_000 }));
  faceData = () => unwrap(this.client.GET('/v1/member/face'));
  deleteFaceData = () => unwrap(this.client.DELETE('/v1/member/face'));
  wallet = () => unwrap(this.client.GET('/v1/member/wallet'));
  topUp = (amountFen: number, idempotencyKey: string) =>
    unwrap(this.client.POST('/v1/member/wallet/top-ups', { body: { amountFen, idempotencyKey } }));
  coupons = () => unwrap(this.client.GET('/v1/member/coupons'));
  agreement = () => unwrap(this.client.GET('/v1/member/payment-agreement'));
  updateAgreement = (patch: RequestOf<'updatePaymentAgreement'>) =>
    unwrap(this.client.PUT('/v1/member/payment-agreement', { body: patch }));
  setPin = (pin: string, currentPin?: string) =>
    unwrap(this.client.PUT('/v1/member/pin', { body: currentPin === undefined ? { pin } : { pin, currentPin } }));
  card = () => unwrap(this.client.GET('/v1/member/loyalty/card'));
  points = () => unwrap(this.client.GET('/v1/member/loyalty/points'));
  tierHistory = () => unwrap(this.client.GET('/v1/member/loyalty/tier-history'));
  storedValuePlans = () => unwrap(this.client.GET('/v1/member/loyalty/stored-value-plans'));
  receipts = (options: Partial<QueryOf<'listReceipts'>> = {}) =>
    unwrap(
      this.client.GET('/v1/member/receipts', {
        params: { query: { limit: options.limit ?? 20, ...(options.before ? { before: options.before } : {}) } },
      }),
    );
}
