import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, NetworkError } from '@shualian/sdk';
import { afterFailure, retryDelayMs, tally } from './send-outcome.ts';
import { RecentCount } from './recent-count.ts';

test('no answer and a busy server are retried; a refusal drops the batch; a revoked device goes back to activation', () => {
  assert.equal(afterFailure(new NetworkError('offline')), 'retry');
  assert.equal(afterFailure(new ApiError(503, 'face_engine_busy', 'busy')), 'retry');
  assert.equal(afterFailure(new ApiError(429, 'rate_limited', 'slow down')), 'retry');
  assert.equal(afterFailure(new ApiError(409, 'crop_out_of_order', 'late')), 'drop');
  assert.equal(afterFailure(new ApiError(400, 'crop_time_invalid', 'clock')), 'drop');
  assert.equal(afterFailure(new ApiError(401, 'device_request_stale', 'clock')), 'drop');
  assert.equal(afterFailure(new ApiError(413, 'body_too_large', 'big')), 'drop');
  assert.equal(afterFailure(new ApiError(401, 'device_revoked', 'revoked')), 'lost_trust');
  assert.equal(afterFailure(new ApiError(401, 'device_unknown', 'unknown')), 'lost_trust');
  assert.equal(afterFailure(new ApiError(403, 'forbidden', 'not an entrance camera')), 'not_entrance_camera');
});

test('retries wait longer each time, never more than 3 s', () => {
  assert.deepEqual([1, 2, 3, 4, 10].map(retryDelayMs), [500, 1000, 2000, 3000, 3000]);
});

test("the server's answer is counted by outcome", () => {
  assert.deepEqual(tally(['entered', 'seen', 'seen', 'no_face']), { entered: 1, seen: 2, no_face: 1 });
  assert.deepEqual(tally([]), {});
});

test('a recent count forgets what is older than its window', () => {
  const sent = new RecentCount(60_000);
  sent.add(0, 2);
  sent.add(30_000);
  assert.equal(sent.count(30_000), 3);
  assert.equal(sent.count(60_000), 1);
  assert.equal(sent.count(90_001), 0);
});
