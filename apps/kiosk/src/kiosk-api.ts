import { ApiError, deviceRequest, isTransient, withRetry, type ApiRequest, type DeviceCredential } from '@shualian/web-kit';

/** What the kiosk reads and writes on the server; every call is signed by the kiosk's own key. */
export interface Product {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  nameEn: string | null;
  unit: string;
  priceFen: number;
  memberPriceFen: number | null;
}

/** Who this kiosk is, as the server says (the merchant code goes into receipt links). */
export interface DeviceProfile {
  deviceId: string;
  merchantId: string;
  merchantCode: string;
  merchantName: string;
  storeId: string;
  name: string;
  /** Only the demo merchant's kiosks: may play the demo member's photo as a demo camera. */
  demoCamera: boolean;
}

export interface DemoCameraPicture {
  image: string;
  memberName: string;
  turnAxis: { centreX: number; radius: number };
}

export type SessionStatus = 'awaiting_frames' | 'step_up' | 'approved' | 'paid' | 'locked' | 'refused';
export type StepUpKind = 'phone_suffix' | 'full_phone' | 'pin' | 'head_turn';
/** The step-ups answered on the keypad (the head turn is answered with the camera). */
export type KeypadStepUp = Exclude<StepUpKind, 'head_turn'>;

export interface SessionLine {
  productId: string;
  name: string;
  quantity: number;
  unitPriceFen: number;
  memberPriceFen: number | null;
  lineTotalFen: number;
}

export interface FaceSession {
  sessionId: string;
  status: SessionStatus;
  amountFen: number;
  items: SessionLine[];
  expiresAt: string;
  stepUp: StepUpKind | null;
  reason: string | null;
  member: { maskedPhone: string; maskedName: string | null } | null;
  attemptsLeft: number;
  /** Set when `stepUp` is `head_turn`: the screen flash did not show on the face, so the shopper turns their head. */
  headTurn: HeadTurnChallenge | null;
}

export interface HeadTurnChallenge {
  /** The shopper's own left or right. */
  side: 'left' | 'right';
  /** When to ask for the turn and to look back, ms after capture starts. */
  turnAtMs: number;
  backAtMs: number;
  totalMs: number;
}

export interface ColourStep {
  rgb: [number, number, number];
  startMs: number;
  durationMs: number;
}

export interface ColourChallenge {
  nonce: string;
  totalMs: number;
  steps: ColourStep[];
}

export interface Payment {
  paymentId: string;
  transactionId: string;
  memberId: string;
  amountFen: number;
  balanceFen: number;
  receiptId: string;
  createdAt: string;
}

export interface CapturedFrame {
  image: string;
  atMs: number;
}

export type StepUpAnswer = { phoneSuffix: string } | { phone: string } | { pin: string };

/**
 * Server answers that look transient by status (503) but are a decision: retrying them only makes the shopper wait.
 */
const DECISIONS = new Set(['face_pay_disabled', 'device_under_review']);

class Decided extends Error {
  constructor(readonly original: ApiError) {
    super(original.message);
  }
}

/** Tells the screen when calls are being retried, so it can say the network is unsteady. */
export type NetworkListener = (unsteady: boolean) => void;

export function createKioskApi(credential: DeviceCredential, onNetwork: NetworkListener) {
  async function call<T>(request: ApiRequest, options: { delaysMs?: number[]; onRetry?: () => void } = {}): Promise<T> {
    try {
      const result = await withRetry(
        async () => {
          try {
            return await deviceRequest<T>(credential, request);
          } catch (error) {
            if (error instanceof ApiError && DECISIONS.has(error.code)) throw new Decided(error);
            throw error;
          }
        },
        {
          delaysMs: options.delaysMs ?? [400, 1000, 2000, 4000],
          onRetry: () => {
            onNetwork(true);
            options.onRetry?.();
          },
        },
      );
      onNetwork(false);
      return result;
    } catch (error) {
      if (!isTransient(error)) onNetwork(false);
      throw error instanceof Decided ? error.original : error;
    }
  }

  const merchantPath = `/v1/merchants/${credential.merchantId}`;
  return {
    credential,
    heartbeat: (appVersion: string) => call<{ serverTime: string }>({ method: 'POST', path: '/v1/device/heartbeat', body: { appVersion } }, { delaysMs: [1000] }),
    profile: () => call<DeviceProfile>({ path: '/v1/device/profile' }),
    demoCameraPicture: () => call<DemoCameraPicture>({ path: '/v1/device/demo-camera' }),
    products: async () => (await call<{ products: Product[] }>({ path: `${merchantPath}/products` })).products,
    productsByBarcode: async (barcode: string) => (await call<{ products: Product[] }>({ path: `${merchantPath}/products?barcode=${encodeURIComponent(barcode)}` })).products,
    createFaceSession: (items: Array<{ productId: string; quantity: number }>) =>
      call<FaceSession & { challenge: ColourChallenge }>({ method: 'POST', path: '/v1/face-sessions', body: { items } }),
    // The first look of the day may wait for the face engine to load on the server.
    submitFrames: (sessionId: string, frames: CapturedFrame[], shownAtMs: number[]) =>
      call<FaceSession>({ method: 'POST', path: `/v1/face-sessions/${sessionId}/frames`, body: { frames, shownAtMs }, timeoutMs: 45_000 }),
    // Only a head start for the server: not retried, and nothing waits on it.
    submitFirstLook: (sessionId: string, image: string) =>
      call<{ usable: boolean; reasons: string[] }>({ method: 'POST', path: `/v1/face-sessions/${sessionId}/first-look`, body: { image }, timeoutMs: 20_000 }, { delaysMs: [] }),
    submitHeadTurn: (sessionId: string, frames: CapturedFrame[]) =>
      call<FaceSession>({ method: 'POST', path: `/v1/face-sessions/${sessionId}/head-turn`, body: { frames }, timeoutMs: 45_000 }),
    stepUp: (sessionId: string, answer: StepUpAnswer) => call<FaceSession>({ method: 'POST', path: `/v1/face-sessions/${sessionId}/step-up`, body: answer, timeoutMs: 30_000 }),
    session: (sessionId: string) => call<FaceSession>({ path: `/v1/face-sessions/${sessionId}` }),
    openCapture: async () =>
      (await call<{ capture: OpenCapture | null }>({ path: '/v1/device/liveness-capture' }, { delaysMs: [] })).capture,
    startCaptureAttempt: () =>
      call<{ attemptId: string; expiresAt: string; challenge: ColourChallenge }>({ method: 'POST', path: '/v1/device/liveness-capture/attempts' }),
    submitCaptureFrames: (attemptId: string, frames: CapturedFrame[], shownAtMs: number[]) =>
      call<{ attemptId: string; label: CaptureLabel; verdict: CaptureVerdict }>({
        method: 'POST',
        path: `/v1/device/liveness-capture/attempts/${attemptId}/frames`,
        body: { frames, shownAtMs },
        timeoutMs: 45_000,
      }),
    pay: (faceSessionId: string, idempotencyKey: string, onRetry?: () => void) =>
      call<Payment>({ method: 'POST', path: '/v1/payments', body: { faceSessionId, idempotencyKey }, timeoutMs: 20_000 }, { onRetry }),
  };
}

export type CaptureLabel = 'live' | 'print' | 'screen' | 'mask' | 'other_attack';
export interface OpenCapture {
  captureId: string;
  label: CaptureLabel;
}
export interface CaptureVerdict {
  passed: boolean;
  colour: { passed: boolean; reason: string | null; stepsConfirmed: number; stepsSeen: number; chanceInStep: number };
  passiveLiveFrames: number;
  clearFrames: number;
}

export type KioskApi = ReturnType<typeof createKioskApi>;
