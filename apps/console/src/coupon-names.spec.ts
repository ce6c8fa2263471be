import assert from 'node:assert/strict';
import { test } from 'node:test';
import { couponTally } from './coupon-names.ts';

test('each coupon name once, with how many, in the order first listed', () => {
  assert.deepEqual(couponTally(['满50减10', '生日券', '满50减10']), [
    { name: '满50减10', count: 2 },
    { name: '生日券', count: 1 },
  ]);
  assert.deepEqual(couponTally([]), []);
});
