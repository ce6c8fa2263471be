import { ApiError, NetworkError, type CropResult } from '@shualian/sdk';

/**
 * What the camera does after a request of crops failed:
 * - `retry`: no answer, or the server busy for now (503, 429): the batch stays queued and goes again after a pause;
 * - `drop`: the server refused this batch for good (out of order, a time outside its clock window, a picture it would
 *   not take): it is dropped and the next one goes;
 * - `lost_trust`: the device was revoked or is unknown: back to activation;
 * - `not_entrance_camera`: the server refuses this device's crops altogether (registered as another kind): stop and say so.
 */
export type FailureAction = 'retry' | 'drop' | 'lost_trust' | 'not_entrance_camera';

export function afterFailure(error: unknown): FailureAction {
  if (error instanceof NetworkError) return 'retry';
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === 401 && /^device_(unknown|revoked|not_activated)$/.test(error.code)) return 'lost_trust';
  if (error.status === 403) return 'not_entrance_camera';
  if (error.status >= 500 || error.status === 429) return 'retry';
  return 'drop';
}

/** How long to wait before sending again after the `failures`-th retry in a row: 0.5 s, 1 s, 2 s, then 3 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(3000, 500 * 2 ** Math.max(0, failures - 1));
}

export type CropOutcome = CropResult['outcome'];

/** The server's answer to one request, counted by outcome (the status screen shows the last one). */
export function tally(outcomes: readonly CropOutcome[]): Partial<Record<CropOutcome, number>> {
  const counts: Partial<Record<CropOutcome, number>> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}
