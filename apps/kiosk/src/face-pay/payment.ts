import { isTransient, newIdempotencyKey, type PaymentResult as Payment } from '@shualian/sdk';
import type { KioskApi } from '../kiosk-api.ts';

export type PaymentOutcome =
  { kind: 'paid'; payment: Payment | null } | { kind: 'declined'; code: string } | { kind: 'unknown' };

/** One idempotency key per face session, made the first time the session is paid and reused for every retry. */
const keys = new Map<string, string>();
export const paymentKeyFor = (sessionId: string) => {
  let key = keys.get(sessionId);
  if (!key) keys.set(sessionId, (key = newIdempotencyKey()));
  return key;
};

/**
 * Charges an approved session exactly once. Each call already retries transient failures with the same key; when the
 * answer is still lost, the session itself says whether the money moved (`paid`), and a paid session's receipt comes
 * back by asking again with the same key, which the server answers with the first result instead of charging twice.
 */
export async function payOnce(
  api: KioskApi,
  sessionId: string,
  onConfirming: () => void,
  rounds = 4,
): Promise<PaymentOutcome> {
  const key = paymentKeyFor(sessionId);
  for (let round = 0; round < rounds; round++) {
    try {
      return { kind: 'paid', payment: await api.pay(sessionId, key, onConfirming) };
    } catch (error) {
      if (!isTransient(error)) {
        const code = (error as { code?: string }).code ?? 'unknown';
        // A session already paid by our own earlier attempt is success; any other refusal is an answer.
        if (code === 'face_session_used' && (await statusOf(api, sessionId)) === 'paid')
          return { kind: 'paid', payment: null };
        return { kind: 'declined', code };
      }
      onConfirming();
      const status = await statusOf(api, sessionId);
      if (status === 'paid') {
        try {
          return { kind: 'paid', payment: await api.pay(sessionId, key, onConfirming) };
        } catch {
          return { kind: 'paid', payment: null };
        }
      }
      if (status !== 'approved' && status !== undefined) return { kind: 'declined', code: status };
    }
  }
  return { kind: 'unknown' };
}

async function statusOf(api: KioskApi, sessionId: string): Promise<string | undefined> {
  try {
    return (await api.session(sessionId)).status;
  } catch {
    return undefined;
  }
}
