import {
  ApiError,
  createApiClient,
  deviceSignature,
  isTransient,
  unwrap,
  withRetry,
  type CapturedFrame,
  type DataOf,
  type DeviceCredential,
  type OfferChoices,
  type StepUpAnswer,
  type StepUpKind,
} from '@shualian/sdk';

/** The step-ups answered on the keypad (the head turn is answered with the camera). */
export type KeypadStepUp = Exclude<StepUpKind, 'head_turn'>;

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

/** What the kiosk reads and writes on the server; every call is signed by the kiosk's own key. */
export function createKioskApi(credential: DeviceCredential, onNetwork: NetworkListener) {
  const client = createApiClient({ middleware: [deviceSignature(credential)] });

  async function call<R extends { response: Response }>(
    send: () => Promise<R>,
    options: { delaysMs?: number[]; onRetry?: () => void } = {},
  ): Promise<DataOf<R>> {
    try {
      const result = await withRetry(
        async () => {
          try {
            return await unwrap(send());
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

  const merchant = { path: { merchantId: credential.merchantId } };
  const session = (sessionId: string) => ({ path: { sessionId } });
  return {
    credential,
    heartbeat: (appVersion: string) =>
      call(() => client.POST('/v1/device/heartbeat', { body: { appVersion } }), { delaysMs: [1000] }),
    profile: () => call(() => client.GET('/v1/device/profile')),
    demoCameraPicture: () => call(() => client.GET('/v1/device/demo-camera')),
    products: async () =>
      (await call(() => client.GET('/v1/merchants/{merchantId}/products', { params: merchant }))).products,
    productsByBarcode: async (barcode: string) =>
      (
        await call(() =>
          client.GET('/v1/merchants/{merchantId}/products', { params: { ...merchant, query: { barcode } } }),
        )
      ).products,
    createFaceSession: (items: Array<{ productId: string; quantity: number }>) =>
      call(() => client.POST('/v1/face-sessions', { body: { items } })),
    // The first look of the day may wait for the face engine to load on the server.
    submitFrames: (sessionId: string, frames: CapturedFrame[], shownAtMs: number[]) =>
      call(() =>
        client.POST('/v1/face-sessions/{sessionId}/frames', {
          params: session(sessionId),
          body: { frames, shownAtMs },
          timeoutMs: 45_000,
        }),
      ),
    // Only a head start for the server: not retried, and nothing waits on it.
    submitFirstLook: (sessionId: string, image: string) =>
      call(
        () =>
          client.POST('/v1/face-sessions/{sessionId}/first-look', {
            params: session(sessionId),
            body: { image },
            timeoutMs: 20_000,
          }),
        { delaysMs: [] },
      ),
    submitHeadTurn: (sessionId: string, frames: CapturedFrame[]) =>
      call(() =>
        client.POST('/v1/face-sessions/{sessionId}/head-turn', {
          params: session(sessionId),
          body: { frames },
          timeoutMs: 45_000,
        }),
      ),
    stepUp: (sessionId: string, answer: StepUpAnswer) =>
      call(() =>
        client.POST('/v1/face-sessions/{sessionId}/step-up', {
          params: session(sessionId),
          body: answer,
          timeoutMs: 30_000,
        }),
      ),
    chooseOffers: (sessionId: string, choices: OfferChoices) =>
      call(() =>
        client.POST('/v1/face-sessions/{sessionId}/choices', {
          params: session(sessionId),
          body: choices,
          timeoutMs: 20_000,
        }),
      ),
    session: (sessionId: string) =>
      call(() => client.GET('/v1/face-sessions/{sessionId}', { params: session(sessionId) })),
    openCapture: async () => (await call(() => client.GET('/v1/device/liveness-capture'), { delaysMs: [] })).capture,
    startCaptureAttempt: () => call(() => client.POST('/v1/device/liveness-capture/attempts')),
    submitCaptureFrames: (attemptId: string, frames: CapturedFrame[], shownAtMs: number[]) =>
      call(() =>
        client.POST('/v1/device/liveness-capture/attempts/{attemptId}/frames', {
          params: { path: { attemptId } },
          body: { frames, shownAtMs },
          timeoutMs: 45_000,
        }),
      ),
    pay: (faceSessionId: string, idempotencyKey: string, onRetry?: () => void) =>
      call(() => client.POST('/v1/payments', { body: { faceSessionId, idempotencyKey }, timeoutMs: 20_000 }), {
        onRetry,
      }),
  };
}

export type KioskApi = ReturnType<typeof createKioskApi>;
