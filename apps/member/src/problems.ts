import { ApiError, NetworkError } from '@shualian/sdk';
import { formatFen } from '@shualian/web-kit';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A failed call in the member's words: our own message for every code we know, the server's otherwise. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('err.network');
  if (error instanceof ApiError) {
    const key = `err.${error.code}`;
    const details = (error.details ?? {}) as { maxPaymentFen?: number };
    const text = t(key, { max: typeof details.maxPaymentFen === 'number' ? formatFen(details.maxPaymentFen) : '' });
    if (text !== key) return text;
    return t('error.generic', { message: error.message });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** The engine's reasons a frame was not usable, as what the member should do about it. */
export const FRAME_REASONS = [
  'no_face',
  'multiple_faces',
  'face_too_small',
  'bad_pose',
  'too_dark',
  'too_bright',
  'low_contrast',
  'blurred',
  'eyes_closed',
  'occluded',
] as const;

export function frameHint(reason: string, t: Translate): string {
  return (FRAME_REASONS as readonly string[]).includes(reason) ? t(`hint.${reason}`) : t('hint.unknown', { reason });
}

/** Each distinct hint once, in the order the frames gave them. */
export function frameHints(frames: Array<{ reasons: string[] }>, t: Translate): string[] {
  return [...new Set(frames.flatMap((f) => f.reasons))].map((r) => frameHint(r, t));
}
