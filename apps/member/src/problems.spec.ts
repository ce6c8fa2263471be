import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, NetworkError } from '@shualian/sdk';
import { COMMON_MESSAGES, fill } from '@shualian/web-kit';
import { messages } from './messages.ts';
import { describeError, frameHints } from './problems.ts';

const all = { ...COMMON_MESSAGES['zh-CN'], ...messages['zh-CN'] } as Record<string, string>;
const t = (key: string, vars?: Record<string, string | number>) => (key in all ? fill(all[key]!, vars) : key);

test('the server codes a member meets are said in our words', () => {
  assert.match(describeError(new ApiError(401, 'otp_invalid', 'the code is wrong'), t), /验证码不正确/);
  assert.match(describeError(new ApiError(429, 'otp_too_soon', 'wait'), t), /60 秒/);
  assert.match(
    describeError(new ApiError(400, 'limit_too_high', 'too high', { maxPaymentFen: 500_000 }), t),
    /¥5000\.00/,
  );
  assert.match(describeError(new NetworkError('offline'), t), /网络连接失败/);
});

test('an unknown code falls back to the server message', () => {
  assert.match(
    describeError(new ApiError(500, 'internal_error', 'something went wrong on our side'), t),
    /something went wrong on our side/,
  );
});

test('frame reasons become hints, each once, unknown ones named', () => {
  const hints = frameHints(
    [{ reasons: ['too_dark', 'face_too_small'] }, { reasons: ['too_dark'] }, { reasons: ['new_reason'] }],
    t,
  );
  assert.deepEqual(hints, ['光线太暗，请到亮一点的地方', '请靠近一点', '照片不合格（new_reason）']);
});
